import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

/// The built `gloss review` driven in a real terminal (tmux), checked in the store.
@Suite("gloss review in a terminal", .serialized)
struct ReviewEndToEndTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI

    /// A classify guide whose keys leave n, p and u free for moving and undoing.
    static let guide = """
        ---
        name: Quality
        task: classify
        labels:
          - name: good
            key: g
            description: The writer is pleased.
          - name: bad
            key: b
            description: The writer is not.
        ---
        # Quality

        ## `good`

        Praise outweighs the complaints.

        ## `bad`

        A broken product is bad, however nice the box.
        """

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        let imported = try gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let created = try gloss.run(["project", "create", "rev", "--dataset", "reviews", "--guide",
                                     try dir.write("quality.md", Self.guide), "--overlap", "2"])
        #expect(created.status == 0, "\(created.stderr)")
    }

    /// Decisions of `annotator` through a labeling session, on items named by their ids.
    func decide(_ annotator: String, _ labels: [String: String], comment: String? = nil) throws {
        let store = try GlossDatabase.open(path: dir.path("gloss.db"))
        let session = try LabelingSession.start(database: store, project: "rev", annotator: annotator, host: "test",
                                                terminalWidth: 80, terminalHeight: 24)
        for (id, label) in labels.sorted(by: { $0.key < $1.key }) {
            let item = try #require(try session.item(externalID: id))
            try session.save(DecisionInput(itemRowID: item.rowID, kind: .label, value: .label(label), comment: comment,
                                           shownAt: Date(), decidedAt: Date()), stats: KeystrokeStats())
        }
        try session.finish(reason: "quit", stats: KeystrokeStats(), peakRSSKilobytes: nil)
    }

    func review(_ arguments: String = "") throws -> Tmux {
        try Tmux("cd '\(dir.url.path)' && '\(gloss.executable.path)' review rev --reviewer lead \(arguments)",
                 width: 100, height: 30, environment: ["TERM": "xterm-256color"])
    }

    func expectScreen(_ tmux: Tmux, _ text: String, _ comment: String = "") throws -> String {
        try #require(try tmux.waitFor(text, timeout: 15), "waiting for \(text) \(comment):\n\((try? tmux.screen()) ?? "")")
    }

    func adjudications() throws -> [SQLiteRow] {
        try SQLiteShell(dir.path("gloss.db")).rows("""
            SELECT j.*, i.external_id, n.name AS reviewer FROM adjudications j
            JOIN items i ON i.id = j.item_id JOIN annotators n ON n.id = j.reviewer_id ORDER BY j.id
            """)
    }

    @Test func aKeyAdjudicatesTheDisagreementAndUndoTakesItBack() throws {
        try decide("ana", ["r001": "good", "r002": "bad"], comment: "clear case")
        try decide("ben", ["r001": "bad", "r002": "bad"])
        let before = Date()
        let tmux = try review()
        let screen = try expectScreen(tmux, "#r001")
        #expect(screen.contains("1 of 1 · reviewer lead") && screen.contains("disagreements"))
        #expect(screen.contains("ana  good · “clear case”") && screen.contains("ben  bad"), "\(screen)")
        #expect(screen.contains("Praise outweighs"), "the guide's section of a label in question")
        #expect(!screen.contains("#r002"), "an agreement is not listed")

        try tmux.send("b")
        _ = try expectScreen(tmux, "adjudicated #r001 · bad")
        let stored = try adjudications()
        #expect(stored.count == 1)
        let row = try #require(stored.first)
        #expect(row["external_id"].string == "r001" && row["reviewer"].string == "lead")
        #expect(row["value"].string == #"{"label":"bad"}"#)
        let decidedAt = try #require(row["decided_at"].date)
        #expect(decidedAt >= before.addingTimeInterval(-1) && decidedAt <= Date().addingTimeInterval(1))
        #expect(row["undone_at"].isNull && row["superseded_by"].isNull)

        try tmux.send("u")
        _ = try expectScreen(tmux, "undone #r001 · bad · no final answer now")
        let undone = try adjudications()
        #expect(undone.count == 1 && undone[0]["undone_at"].string != nil, "the row stays, marked undone")
        _ = try expectScreen(tmux, "final: none yet")

        try tmux.send("q")
        let done = try expectScreen(tmux, "[exit 0]")
        #expect(done.contains("1 adjudicated, 1 undone; 0 of 1 listed item have a final answer."), "\(done)")
    }

    @Test func blindShowsNoAnnotatorNames() throws {
        try decide("ana", ["r001": "good"])
        try decide("ben", ["r001": "bad"])
        let tmux = try review("--blind")
        let screen = try expectScreen(tmux, "#r001")
        #expect(screen.contains("annotator A  good") && screen.contains("annotator B  bad"), "\(screen)")
        #expect(!screen.contains("ana") && !screen.contains("ben"), "\(screen)")
        #expect(screen.contains("blind"))
        try tmux.send("q")
        _ = try expectScreen(tmux, "[exit 0]")
    }

    @Test func nothingToReviewIsASentenceAndTheListPrints() throws {
        let empty = try gloss.run(["review", "rev"])
        #expect(empty.status == 0 && empty.stdout.contains("Nothing to review in \"rev\""), "\(empty.stdout)\(empty.stderr)")
        try decide("ana", ["r001": "good"])
        try decide("ben", ["r001": "bad"])
        let listed = try gloss.run(["review", "rev", "--list"])
        #expect(listed.status == 0 && listed.stdout.contains("ITEM") && listed.stdout.contains("ana: good, ben: bad"), "\(listed.stdout)")
        let json = try gloss.run(["review", "rev", "--json", "--blind"])
        #expect(json.stdout.contains("\"item_id\" : \"r001\"") && json.stdout.contains("annotator B") && !json.stdout.contains("ben"))
    }

    @Test func suspectFindsAWrongFinalLabelOrSaysThereAreTooFew() throws {
        let few = try gloss.run(["review", "rev", "--suspect"])
        #expect(few.status == 1 && few.stderr.contains("too few labeled items"), "\(few.stderr)")
        // Sixty reviews: the sample's own label, mapped to good/bad; one planted error.
        let lines = try String(contentsOfFile: Samples.path("reviews.jsonl"), encoding: .utf8).split(separator: "\n")
        var labels: [String: String] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String), label = try #require(object["label"] as? String)
            if label == "positive" { labels[id] = "good" } else if label == "negative" { labels[id] = "bad" }
        }
        try #require(labels.count >= 20 && labels["r002"] == "bad")
        labels["r002"] = "good"  // "Crashes every time I try to attach a photo..."
        try decide("ana", labels)
        let result = try gloss.run(["review", "rev", "--suspect", "--json", "--folds", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        // 40 short reviews make a weak model: the planted error is found (4th of 18 here; 7th
        // of 17 while the folds' biases were learned, see TextClassifier.train), not
        // necessarily first.
        #expect(rows.contains { $0["item_id"] as? String == "r002" && $0["given"] as? String == "good" && $0["predicted"] as? String == "bad" })
        let confidences = rows.compactMap { $0["confidence"] as? Double }
        #expect(zip(confidences, confidences.dropFirst()).allSatisfy { $0 >= $1 }, "two labels: ranked by margin is ranked by confidence")

        let tmux = try review("--suspect --folds 3")
        let screen = try expectScreen(tmux, "model (cross-validated)")
        #expect(screen.contains("suspect") && screen.contains("1 of \(rows.count)"), "\(screen)")
        #expect(screen.contains("#\(rows[0]["item_id"] as? String ?? "?")"))
        try tmux.send("q")
        _ = try expectScreen(tmux, "[exit 0]")
        // A suspect's predicted label is over its class's threshold (the mean probability of
        // the items given it; ConfidentLearningTests checks that), which with two labels can
        // be a little under 0.5 (0.47 over a threshold of 0.46 for one borderline review here);
        // the planted error is a clear one (0.67 here: each fold of about 27 reviews is too small
        // for the settings search, so its biases stay at the log priors; over 0.7 while learned).
        for row in rows {
            #expect(row["predicted"] as? String != row["given"] as? String)
            #expect((0.4...1).contains(row["confidence"] as? Double ?? 0))
        }
        #expect(rows.contains { $0["item_id"] as? String == "r002" && ($0["confidence"] as? Double ?? 0) > 0.6 })
    }
}
