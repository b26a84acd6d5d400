import Foundation
import GlossTestSupport
import Testing

/// `gloss import --format label-studio|prodigy|doccano`, run as a user would.
@Suite("gloss import of Label Studio, Prodigy and doccano exports")
struct ForeignImportCommandTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
    }

    static func fixture(_ name: String) -> String { Samples.fixture("foreign/" + name) }

    @discardableResult
    func expectSuccess(_ result: GlossCLI.Result, sourceLocation: SourceLocation = #_sourceLocation) -> GlossCLI.Result {
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// The issue's Done-when: two annotators per task, their agreement in `gloss stats`.
    @Test func aLabelStudioExportWithTwoAnnotatorsShowsTheirAgreement() throws {
        let result = expectSuccess(try gloss.run([
            "import", Self.fixture("label-studio-sentiment.json"), "--format", "label-studio", "--dataset", "reviews",
            "--project", "sent", "--guide", Samples.guide("sentiment.md"),
        ]))
        #expect(result.stdout.contains("Created project \"sent\" on dataset \"reviews\"."))
        #expect(result.stdout.contains("Into \"sent\": 14 decisions (1 skip) by 2 annotators, 0 unchanged."))
        #expect(result.stdout.contains("Suggestions: 2 saved, 0 unchanged (of 2 predictions)."))
        let stats = try JSONSerialization.jsonObject(with: Data(expectSuccess(gloss.run(["stats", "sent", "--json"])).stdout.utf8)) as? [String: Any]
        let annotators = try #require(stats?["annotators"] as? [[String: Any]])
        let first = try #require(annotators.first { $0["name"] as? String == "ls-1" })
        let pair = try #require((first["pairs"] as? [[String: Any]])?.first { $0["other"] as? String == "mina@example.com" })
        // Tasks 1-6 have two labels (task 7: ls-1 cancelled, a skip). They agree on 1 2 4 5 6: pₒ = 5/6.
        //   ls-1:  positive 3 (1 3 6), negative 2 (2 5), neutral 1 (4)
        //   mina:  positive 2 (1 6),   negative 3 (2 3 5), neutral 1 (4)
        //   pₑ = (3·2 + 2·3 + 1·1)/6² = 13/36;  κ = (30/36 − 13/36)/(1 − 13/36) = 17/23 ≈ 0.739
        #expect(pair["items"] as? Int == 6)
        #expect(abs(try #require(pair["percent"] as? Double) - 5.0 / 6.0) < 1e-9)
        #expect(abs(try #require(pair["cohens_kappa"] as? Double) - 17.0 / 23.0) < 1e-9)
    }

    @Test func reimportingTheSameExportChangesNothing() throws {
        let args = ["import", Self.fixture("label-studio-sentiment.json"), "--format", "label-studio", "--dataset", "reviews",
                    "--project", "sent", "--guide", Samples.guide("sentiment.md")]
        expectSuccess(try gloss.run(args))
        let again = expectSuccess(try gloss.run(args))
        #expect(again.stdout.contains("0 added, 7 duplicates"))
        #expect(again.stdout.contains("Into \"sent\": 0 decisions (0 skips) by 2 annotators, 14 unchanged."))
        #expect(again.stdout.contains("Suggestions: 0 saved, 2 unchanged (of 2 predictions)."))
    }

    @Test func withoutAProjectTheSummarySaysHowToImportTheAnnotations() throws {
        let result = expectSuccess(try gloss.run(["import", Self.fixture("prodigy-sentiment.jsonl"), "--format", "prodigy", "--dataset", "reviews"]))
        #expect(result.stdout.contains("Imported into \"reviews\": 4 added"))
        #expect(result.stdout.contains("The file holds 3 annotations by 2 annotators and 0 predictions; they were not imported."))
        #expect(result.stdout.contains("run again with a project"))
    }

    @Test func doccanoSpansWithANamedAnnotator() throws {
        expectSuccess(try gloss.run([
            "import", Self.fixture("doccano-entities.jsonl"), "--format", "doccano", "--dataset", "ents", "--project", "ner",
            "--guide", Samples.guide("entities.md"), "--annotator", "dana",
        ]))
        let export = expectSuccess(try gloss.run(["annotations", "export", "ner"])).stdout
        #expect(export.contains(#""annotator":"dana""#))
        #expect(export.contains(#""start":31,"end":33,"label":"location","text":"서울""#))
    }

    @Test func badInputIsNamedAndNothingIsImported() throws {
        let bad = try dir.write("bad.json", """
            [
              {"id": 1, "data": {"text": "fine"}, "annotations": [{"completed_by": 1, "result": [{"type": "choices", "value": {"choices": ["positive"]}}]}]},
              {"id": 2, "data": {"text": "unknown label"}, "annotations": [{"completed_by": 1, "result": [{"type": "choices", "value": {"choices": ["great"]}}]}]}
            ]
            """)
        let result = try gloss.run(["import", bad, "--format", "label-studio", "--dataset", "reviews", "--project", "sent",
                                    "--guide", Samples.guide("sentiment.md")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.json:3: task 2 (id 2): ls-1: \"great\" is not a label of the current guide of \"sent\"; the labels are: mixed, negative, neutral, positive."))
        #expect(result.stderr.contains("Nothing was imported"))
        #expect(!(try gloss.run(["datasets", "--json"]).stdout.contains("reviews")))
        let missing = try gloss.run(["import", Self.fixture("doccano-sentiment.jsonl"), "--format", "doccano", "--dataset", "reviews", "--project", "nope"])
        #expect(missing.status == 1 && missing.stderr.contains("There is no project \"nope\"; pass --guide GUIDE.md to create it on dataset \"reviews\"."))
        let misplaced = try gloss.run(["import", Self.fixture("doccano-sentiment.jsonl"), "--dataset", "reviews", "--project", "sent"])
        #expect(misplaced.status == 64 && misplaced.stderr.contains("--project applies to another tool's export"))
    }
}
