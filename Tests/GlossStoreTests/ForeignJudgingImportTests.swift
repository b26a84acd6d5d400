import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTasks
import GlossTestSupport
import Testing

/// Label Studio exports of pairwise and rating projects (the Pairwise and Rating tags) and
/// Argilla 2.x records: items with parts, judgments on the sides shown, ratings of each
/// response or of the item.
@Suite("Importing Label Studio pairwise and rating exports and Argilla records")
struct ForeignJudgingImportTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
    }

    @discardableResult
    func load(path: String, format: ImportFormat = .labelStudio, dataset: String, project: String,
              guide: String) throws -> ImportReport {
        let text = try String(contentsOfFile: Samples.guide(guide), encoding: .utf8)
        return try store.importItems(ImportRequest(
            dataset: dataset, sources: [ImportSource(path: path, format: format)],
            project: ImportProject(name: project, guide: try #require(GuideParser.lint(text).guide), author: "lead",
                                   rules: TaskKinds.valueRules)))
    }

    func column(_ sql: String) throws -> [String] {
        try store.file.column(sql).map { $0.string ?? "-" }
    }

    @Test func pairwiseTasksBecomeItemsWithPartsAndJudgmentsWithRatings() throws {
        let report = try load(path: Samples.fixture("foreign/label-studio-pairwise.json"), dataset: "cmp", project: "cmp",
                              guide: "preference.md")
        #expect(report.added == 2)
        #expect(report.foreign?.decisions == 4 && report.foreign?.skips == 1)
        #expect(try column("SELECT parts FROM items ORDER BY external_id").first
            == #"{"prompt":"Is 221 prime?","responses":[{"model":"atlas-7b","text":"No: 221 = 13 × 17."},{"model":"borealis-13b","text":"Yes, it is not divisible by 2, 3, 5 or 7."}]}"#)
        #expect(try column("SELECT metadata FROM items ORDER BY external_id").first == #"{"source":"eval-batch-3"}"#)
        #expect(try column("""
            SELECT n.name || ' ' || i.external_id || ' ' || a.kind || ' ' || IFNULL(a.value, '-') FROM annotations a
            JOIN annotators n ON n.id = a.annotator_id JOIN items i ON i.id = a.item_id ORDER BY n.name, i.external_id
            """) == [
                #"ana@example.com cmp-1 label {"pairwise":{"winner":"atlas-7b","side":"left","left":"atlas-7b","right":"borealis-13b"},"ratings":{"atlas-7b":{"quality":5},"borealis-13b":{"quality":1}}}"#,
                #"ana@example.com cmp-2 label {"pairwise":{"winner":"cirrus-70b","side":"right","left":"atlas-7b","right":"cirrus-70b"},"ratings":{"atlas-7b":{"quality":3},"cirrus-70b":{"quality":4}}}"#,
                #"bo@example.com cmp-1 label {"pairwise":{"outcome":"tie","left":"atlas-7b","right":"borealis-13b"},"ratings":{"atlas-7b":{"quality":3},"borealis-13b":{"quality":3}}}"#,
                "bo@example.com cmp-2 skip -",
            ])
        // The statistics read them as judgments.
        let board = try #require(try store.teamStats(project: "cmp", agreement: AgreementMeasures.measure(for:)).report.judging?.leaderboard)
        #expect(board.models.map(\.model).sorted() == ["atlas-7b", "borealis-13b", "cirrus-70b"])
    }

    /// Label Studio's pairwise template: `text1` and `text2` (models `model1`, `model2`), the
    /// prompt in `data.prompt`; ratings on `text1`/`text2` named `quality1`/`quality2`.
    @Test func theTemplatesTwoTextsAreTheResponses() throws {
        try load(path: Samples.fixture("foreign/label-studio-pairwise-template.json"), dataset: "t", project: "t",
                 guide: "preference.md")
        #expect(try column("SELECT value FROM annotations")
            == [#"{"pairwise":{"winner":"atlas-7b","side":"left","left":"atlas-7b","right":"borealis-13b"},"ratings":{"atlas-7b":{"quality":5},"borealis-13b":{"quality":1}}}"#])
        #expect(try column("SELECT IFNULL(metadata, '-') FROM items") == ["-"])
        let original = try String(contentsOfFile: Samples.fixture("foreign/label-studio-pairwise-template.json"), encoding: .utf8)
        let path = try dir.write("noprompt.json", original.replacingOccurrences(of: #""prompt": "Summarize: the meeting moved to Friday at 3 pm.", "#, with: ""))
        #expect(throws: (any Error).self) { try load(path: path, dataset: "u", project: "u", guide: "preference.md") }
        do {
            try load(path: path, dataset: "u", project: "u", guide: "preference.md")
        } catch {
            #expect("\(error)".contains("task 1 (id 301): data.prompt: an item with responses needs a \"prompt\""), "\(error)")
        }
    }

    @Test func ratingTasksGiveRatingsOfTheItem() throws {
        try load(path: Samples.fixture("foreign/label-studio-rating.json"), dataset: "rate", project: "rate", guide: "rating.md")
        #expect(try column("SELECT value FROM annotations") == [#"{"ratings":{"clarity":3,"correctness":1,"helpfulness":2}}"#])
    }

    /// Bad judging results name the file's task and the field, and nothing is stored.
    @Test func aBadResultNamesTheTaskAndFieldAndChangesNothing() throws {
        for (edit, message) in [
            (#""selected": "left""#, #""selected": "up""#, "task 1 (id 101): annotation 1: result 1 (pairwise) needs \"value.selected\": \"left\" or \"right\""),
            (#""rating": 5"#, #""rating": 12"#, "result 2 (rating) needs an integer \"value.rating\" from 1 to 9"),
            (#""response_a": "No: 221 = 13 × 17.","#, #""response_a": 221,"#, "task 1 (id 101): data.response_a"),
        ].map({ (($0.0, $0.1), $0.2) }) {
            let original = try String(contentsOfFile: Samples.fixture("foreign/label-studio-pairwise.json"), encoding: .utf8)
            let path = try dir.write("bad.json", original.replacingOccurrences(of: edit.0, with: edit.1))
            #expect(original.contains(edit.0))
            var failure = ""
            do {
                try load(path: path, dataset: "cmp", project: "cmp", guide: "preference.md")
            } catch {
                failure = "\(error)"
            }
            #expect(failure.contains(message), "\(failure)")
            #expect(failure.contains("bad.json"), "\(failure)")
            #expect(try column("SELECT CAST(COUNT(*) AS TEXT) FROM items") == ["0"])
            #expect(try column("SELECT CAST(COUNT(*) AS TEXT) FROM annotations") == ["0"])
        }
    }

    /// Gloss's own label-studio export comes back as it went (cmp-1: cmp-2, with a skip, is
    /// left out under `any`).
    @Test func aPairwiseExportRoundTrips() throws {
        try load(path: Samples.fixture("foreign/label-studio-pairwise.json"), dataset: "cmp", project: "cmp", guide: "preference.md")
        let outcome = try ExportRun.run(ExportRun.Request(project: "cmp", format: .labelStudio, destination: dir.path("out"),
                                                          query: ExportQuery(policy: .any, split: nil)), database: store)
        #expect(outcome.manifest.counts.items == 1)
        try load(path: dir.path("out/tasks.json"), dataset: "again", project: "again", guide: "preference.md")
        let values = { (project: String) in
            try column("""
                SELECT n.name || ' ' || i.external_id || ' ' || a.kind || ' ' || IFNULL(a.value, '-') FROM annotations a
                JOIN annotators n ON n.id = a.annotator_id JOIN items i ON i.id = a.item_id JOIN projects p ON p.id = a.project_id
                WHERE p.name = '\(project)' AND i.external_id = 'cmp-1' ORDER BY n.name, i.external_id
                """)
        }
        #expect(try values("again") == values("cmp"))
        #expect(try values("again").count == 2)
        #expect(try column("SELECT CAST(COUNT(DISTINCT parts) AS TEXT) FROM items") == ["2"])
    }

    static let argillaDecisions = [
        #"argilla-1f0c8a2e-5b1d-4c6e-9f3a-2d7b8c9e0a11 pref-001 label {"pairwise":{"winner":"response1","side":"left","left":"response1","right":"response2"},"ratings":{"response1":{"quality":5},"response2":{"quality":1}}}"#,
        #"argilla-1f0c8a2e-5b1d-4c6e-9f3a-2d7b8c9e0a11 pref-002 label {"pairwise":{"winner":"response2","side":"right","left":"response1","right":"response2"},"ratings":{"response1":{"quality":3},"response2":{"quality":4}}}"#,
        #"argilla-7a9e4b10-3c2d-4e5f-8a6b-1c2d3e4f5a62 pref-001 label {"pairwise":{"outcome":"tie","left":"response1","right":"response2"},"ratings":{"response1":{"quality":3},"response2":{"quality":3}}}"#,
    ]

    func decisions() throws -> [String] {
        try column("""
            SELECT n.name || ' ' || i.external_id || ' ' || a.kind || ' ' || IFNULL(a.value, '-') FROM annotations a
            JOIN annotators n ON n.id = a.annotator_id JOIN items i ON i.id = a.item_id ORDER BY n.name, i.external_id
            """)
    }

    /// `Dataset.to_disk`'s records.json: a ranking of the two response fields (equal ranks a
    /// tie), ratings named after a response; the text question is passed over.
    @Test func argillaRecordsFromDiskGiveJudgmentsWithRatings() throws {
        let report = try load(path: Samples.fixture("foreign/argilla-records.json"), format: .argilla, dataset: "pref",
                              project: "pref", guide: "preference.md")
        #expect(report.added == 2)
        #expect(try decisions() == Self.argillaDecisions)
        #expect(try column("SELECT parts FROM items ORDER BY external_id").first
            == #"{"prompt":"Is 221 prime?","responses":[{"model":"response1","text":"No: 221 = 13 × 17."},{"model":"response2","text":"Yes, it is not divisible by 2, 3, 5 or 7."}]}"#)
        #expect(try column("SELECT metadata FROM items ORDER BY external_id") == [#"{"source":"eval-batch-3"}"#, #"{"source":"eval-batch-3"}"#])
    }

    /// The flattened rows of `to_datasets()` as JSON Lines give the same decisions, and a
    /// `discarded` response a skip.
    @Test func argillaFlatRowsGiveTheSameDecisionsAndDiscardedASkip() throws {
        try load(path: Samples.fixture("foreign/argilla-records.jsonl"), format: .argilla, dataset: "pref", project: "pref",
                 guide: "preference.md")
        var expected = Self.argillaDecisions
        expected.append("argilla-7a9e4b10-3c2d-4e5f-8a6b-1c2d3e4f5a62 pref-002 skip -")
        #expect(try decisions() == expected)
        #expect(try column("SELECT metadata FROM items ORDER BY external_id").first == #"{"source":"eval-batch-3"}"#)
    }

    /// Model names the records carry, in place of the response field names.
    static func named(_ decisions: [String]) -> [String] {
        decisions.map {
            $0.replacingOccurrences(of: "response1", with: "atlas-7b").replacingOccurrences(of: "response2", with: "borealis-13b")
        }
    }

    /// Metadata `model1`/`model2` beside `response1`/`response2` name the responses' models:
    /// the parts, the judgments and the ratings by response carry them; the answers still
    /// name the fields.
    @Test func argillaModelNamesInTheMetadataNameTheResponses() throws {
        let original = try String(contentsOfFile: Samples.fixture("foreign/argilla-records.json"), encoding: .utf8)
        let path = try dir.write("named.json", original.replacingOccurrences(
            of: #""metadata": {"source": "eval-batch-3"}"#,
            with: #""metadata": {"source": "eval-batch-3", "model1": "atlas-7b", "model2": "borealis-13b"}"#))
        try load(path: path, format: .argilla, dataset: "pref", project: "pref", guide: "preference.md")
        #expect(try decisions() == Self.named(Self.argillaDecisions))
        #expect(try column("SELECT parts FROM items ORDER BY external_id").first
            == #"{"prompt":"Is 221 prime?","responses":[{"model":"atlas-7b","text":"No: 221 = 13 × 17."},{"model":"borealis-13b","text":"Yes, it is not divisible by 2, 3, 5 or 7."}]}"#)
        #expect(try column("SELECT metadata FROM items ORDER BY external_id").first
            == #"{"model1":"atlas-7b","model2":"borealis-13b","source":"eval-batch-3"}"#)
    }

    /// A `models` list in the flattened rows names the responses in their fields' order.
    @Test func argillaModelsListInFlatRowsNamesTheResponses() throws {
        let original = try String(contentsOfFile: Samples.fixture("foreign/argilla-records.jsonl"), encoding: .utf8)
        let path = try dir.write("named.jsonl", original.replacingOccurrences(
            of: #""source": "eval-batch-3","#, with: #""source": "eval-batch-3", "models": ["atlas-7b", "borealis-13b"],"#))
        try load(path: path, format: .argilla, dataset: "pref", project: "pref", guide: "preference.md")
        #expect(try decisions() == Self.named(Self.argillaDecisions) + ["argilla-7a9e4b10-3c2d-4e5f-8a6b-1c2d3e4f5a62 pref-002 skip -"])
    }

    /// `model_a`/`model_b` fields beside `response_a`/`response_b`, answers naming a response
    /// by its model; records that name only some of their models, or one twice, keep the
    /// field names.
    @Test func argillaModelFieldsNameTheResponsesOnlyWhenEveryOneIsNamed() throws {
        func record(_ id: String, _ models: String, winner: String = "response_b") -> String {
            #"{"id":"\#(id)","fields":{"prompt":"Q \#(id)","response_a":"first","response_b":"second"\#(models)},"#
                + #""responses":{"winner":[{"value":"\#(winner)","user_id":"u1"}],"# + #""quality_response_a":[{"value":2,"user_id":"u1"}],"#
                + #""quality_response_b":[{"value":4,"user_id":"u1"}]}}"#
        }
        let path = try dir.write("fields.jsonl", [
            record("n1", #","model_a":"atlas-7b","model_b":"borealis-13b""#, winner: "borealis-13b"),
            record("n2", #","model_a":"atlas-7b""#),
            record("n3", #","model_a":"atlas-7b","model_b":"atlas-7b""#),
        ].joined(separator: "\n"))
        try load(path: path, format: .argilla, dataset: "pref", project: "pref", guide: "preference.md")
        #expect(try column("SELECT parts FROM items ORDER BY external_id").map { $0.contains(#""model":"atlas-7b""#) }
                == [true, false, false])
        // n1's label names its right response by its model, n2's and n3's by its field.
        let byFields = #"{"pairwise":{"winner":"response_b","side":"right","left":"response_a","right":"response_b"},"ratings":{"response_a":{"quality":2},"response_b":{"quality":4}}}"#
        #expect(try decisions() == [
            #"argilla-u1 n1 label {"pairwise":{"winner":"borealis-13b","side":"right","left":"atlas-7b","right":"borealis-13b"},"ratings":{"atlas-7b":{"quality":2},"borealis-13b":{"quality":4}}}"#,
            "argilla-u1 n2 label " + byFields, "argilla-u1 n3 label " + byFields,
        ])
    }

    @Test func aBadArgillaAnswerNamesTheRecordAndQuestionAndChangesNothing() throws {
        let original = try String(contentsOfFile: Samples.fixture("foreign/argilla-records.json"), encoding: .utf8)
        for (edit, message) in [
            ((#"{"value": 5, "user_id""#, #"{"value": 12, "user_id""#), "record 1 (id pref-001): quality_response1: the rating 12 must be an integer from 1 to 9"),
            ((#"{"value": ["response1", "response2"], "user_id""#, #"{"value": ["response1", "response2", "response1"], "user_id""#),
             "record 1 (id pref-001): preference ranks 3 of 2 responses; a pairwise judgment ranks two"),
            ((#""prompt": "Is 221 prime?","#, ""), "record 1 (id pref-001): fields: an item with responses needs a \"prompt\""),
        ] {
            #expect(original.contains(edit.0))
            let path = try dir.write("bad.json", original.replacingOccurrences(of: edit.0, with: edit.1))
            var failure = ""
            do {
                try load(path: path, format: .argilla, dataset: "pref", project: "pref", guide: "preference.md")
            } catch {
                failure = "\(error)"
            }
            #expect(failure.contains(message) && failure.contains("bad.json"), "\(failure)")
            #expect(try column("SELECT CAST(COUNT(*) AS TEXT) FROM items") == ["0"])
            #expect(try column("SELECT CAST(COUNT(*) AS TEXT) FROM annotations") == ["0"])
        }
    }
}
