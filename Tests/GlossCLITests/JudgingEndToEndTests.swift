import Foundation
import GlossTestSupport
import Testing

/// The check of judging in a real terminal (tmux): the sample preference items under
/// the combined guide, twenty items judged with a winner and two ratings each (one key per
/// question), one undone, quit, relaunched and resumed; then every judgment checked in the
/// store. Serialized: each test runs a tmux server and a labeler.
@Suite("gloss label judging model answers in a terminal", .serialized)
struct JudgingEndToEndTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI
    let ids: [String]
    /// Each item's responses, by model.
    let responses: [String: [String: String]]

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        let imported = try gloss.run(["import", Samples.path("preference.jsonl"), "--dataset", "prefs"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let created = try gloss.run(["project", "create", "prefs", "--dataset", "prefs", "--guide", Samples.guide("preference.md")])
        #expect(created.status == 0, "\(created.stderr)")
        var ids: [String] = []
        var responses: [String: [String: String]] = [:]
        for line in try String(contentsOfFile: Samples.path("preference.jsonl"), encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            ids.append(id)
            for response in object["responses"] as? [[String: Any]] ?? [] {
                responses[id, default: [:]][response["model"] as? String ?? ""] = response["text"] as? String
            }
        }
        self.ids = ids
        self.responses = responses
    }

    func labeler(width: Int, height: Int) throws -> Tmux {
        try Tmux("cd '\(dir.url.path)' && '\(gloss.executable.path)' label prefs --as ana", width: width, height: height,
                 environment: ["TERM": "xterm-256color"])
    }

    func expectScreen(_ tmux: Tmux, _ text: String, _ comment: String = "", timeout: Double = 10) throws -> String {
        try #require(try tmux.waitFor(text, timeout: timeout), "waiting for \(text) \(comment):\n\((try? tmux.screen()) ?? "")")
    }

    /// Judges the item on screen: the outcome key, then a digit for the left answer and one for the right.
    func judge(_ tmux: Tmux, _ n: Int, outcome: String, left: Int, right: Int) throws {
        try tmux.send(outcome)
        _ = try expectScreen(tmux, "2/3 quality of the LEFT answer", "item \(n)")
        try tmux.send("\(left)")
        _ = try expectScreen(tmux, "3/3 quality of the RIGHT answer", "item \(n)")
        try tmux.send("\(right)")
        _ = try expectScreen(tmux, "saved #\(ids[n - 1])", "item \(n)")
    }

    @Test func twentyItemsJudgedAndRatedOneUndoneThenResumed() throws {
        let first = try labeler(width: 140, height: 40)
        _ = try expectScreen(first, "1/3 the judgment")
        let outcomes = ["f", "j", "t", "n"]
        for n in 1...20 {
            try judge(first, n, outcome: outcomes[n % 4], left: n % 5 + 1, right: (n + 2) % 5 + 1)
        }
        try first.send("BSpace")
        _ = try expectScreen(first, "undone · #\(ids[19]) undecided again")
        try first.send("q")
        let done = try expectScreen(first, "[exit 0]")
        #expect(done.contains("19 labels, 1 undo; 19 of 42 items decided"), "\(done)")

        let again = try labeler(width: 90, height: 30)
        let resumed = try expectScreen(again, "resumed: 19 of 42 decided")
        #expect(resumed.contains("#\(ids[19])") && resumed.contains("1/3 the judgment"), "\(resumed)")
        try again.send("Escape")  // the guide's instructions
        try judge(again, 20, outcome: "f", left: 5, right: 1)
        try again.send("q")
        _ = try expectScreen(again, "[exit 0]")

        let rows = try SQLiteShell(dir.path("gloss.db")).rows("""
            SELECT i.external_id AS item, a.value, a.undone_at FROM annotations a JOIN items i ON i.id = a.item_id ORDER BY a.id
            """)
        #expect(rows.count == 21)
        #expect(rows.filter { $0["undone_at"].string != nil }.map { $0["item"].string } == [ids[19]])
        let current = rows.filter { $0["undone_at"].string == nil }
        #expect(current.compactMap { $0["item"].string } == Array(ids.prefix(20)))
        for (n, row) in current.enumerated() {
            let value = try #require(try JSONSerialization.jsonObject(with: Data((row["value"].string ?? "").utf8)) as? [String: Any])
            let judgment = try #require(value["pairwise"] as? [String: Any], "\(value)")
            let left = try #require(judgment["left"] as? String), right = try #require(judgment["right"] as? String)
            // The response identities and the side shown, and the ratings by model.
            let item = ids[n]
            #expect(responses[item]?[left] != nil && responses[item]?[right] != nil && left != right)
            let outcome = n == 19 ? "f" : outcomes[(n + 1) % 4]
            switch outcome {
            case "f": #expect(judgment["winner"] as? String == left && judgment["side"] as? String == "left")
            case "j": #expect(judgment["winner"] as? String == right && judgment["side"] as? String == "right")
            case "t": #expect(judgment["outcome"] as? String == "tie")
            default: #expect(judgment["outcome"] as? String == "neither")
            }
            let ratings = try #require(value["ratings"] as? [String: [String: Int]])
            let (l, r) = n == 19 ? (5, 1) : ((n + 1) % 5 + 1, (n + 3) % 5 + 1)
            #expect(ratings == [left: ["quality": l], right: ["quality": r]], "\(item): \(ratings)")
        }
    }

    @Test func theJudgingDemoOpensOnTheFirstQuestionAndSaysHowToGoOn() throws {
        let db = dir.path("demo.db")
        let tmux = try Tmux("cd '\(dir.url.path)' && '\(gloss.executable.path)' demo --judging --db '\(db)' --as new",
                            width: 120, height: 30, environment: ["TERM": "xterm-256color"])
        _ = try expectScreen(tmux, "1/3 the judgment")
        try tmux.send("Escape")
        try tmux.send("j")
        _ = try expectScreen(tmux, "2/3 quality of the LEFT answer")
        try tmux.send("4")
        try tmux.send("2")
        _ = try expectScreen(tmux, "saved #p001")
        try tmux.send("q")
        let done = try expectScreen(tmux, "[exit 0]")
        #expect(done.contains("Created demo-judging"), "\(done)")
        #expect(done.contains("To go on: gloss label demo-judging --db"), "\(done)")
        #expect(done.contains("--format dpo"), "\(done)")
    }
}
