import Foundation
import GlossApp
import GlossCore
import GlossFormats
import GlossStore
import GlossTasks
import GlossTestSupport
import Testing

/// The sample preference items and a pairwise project over them (a judgment only).
private func pairwiseProject() throws -> JudgedProjectFixture {
    try JudgedProjectFixture(guide: Samples.fixture("pairwise-only.md"))
}

@Suite("Pairwise projects: items with parts, judgments in and out, the dpo export")
struct PairwiseProjectTests {
    @Test func theSampleImportsWithItsPartsAndTheGuideLintsClean() throws {
        let fixture = try pairwiseProject()
        let project = try fixture.store.project(named: "prefs")
        #expect(project.task == .pairwise)
        let rows = try SQLiteShell(fixture.dir.path("gloss.db")).rows(
            "SELECT external_id, parts FROM items WHERE parts IS NOT NULL ORDER BY id")
        #expect(rows.count >= 40)
        let parts = rows.compactMap { $0["parts"].string.flatMap(ItemParts.init(json:)) }
        #expect(parts.count == rows.count)
        let counts = parts.map(\.responses.count)
        #expect(Set(counts) == [2, 3])
        let chats = parts.filter(\.isChat).count
        #expect(chats >= 5)
        let korean = parts.filter { part in part.promptText.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }
        #expect(korean.count >= 5)
        let code = parts.filter { part in part.responses.contains { $0.text.contains("```") && $0.text.count > 500 } }
        #expect(code.count >= 5)
        let lint = GuideParser.lint(try String(contentsOfFile: Samples.fixture("pairwise-only.md"), encoding: .utf8))
        #expect(lint.errors.isEmpty && lint.warnings.isEmpty)
    }

    @Test func aDatasetWithoutTwoResponsesIsRefusedNamingTheItem() throws {
        let fixture = try pairwiseProject()
        let file = try fixture.dir.write("mixed.jsonl", """
            {"id":"ok","prompt":"Q","responses":[{"model":"m1","text":"a"},{"model":"m2","text":"b"}]}
            {"id":"one","prompt":"Q2","responses":[{"model":"m1","text":"a"}]}
            {"id":"plain","text":"no parts at all"}
            """)
        try fixture.store.importItems(ImportRequest(dataset: "mixed", sources: [ImportSource(path: file)]))
        #expect(throws: ProjectError.itemsWithoutPair(dataset: "mixed", item: "one", count: 2)) {
            try fixture.store.createProject(name: "mixed", dataset: "mixed", guide: fixture.guide, author: "lead")
        }
        #expect(try fixture.store.projects().map(\.name) == ["prefs"])
    }

    @Test func aMalformedFileChangesNothing() throws {
        let fixture = try pairwiseProject()
        let file = try fixture.dir.write("bad.jsonl", """
            {"id":"n1","prompt":"Q","responses":[{"model":"m1","text":"a"},{"model":"m2","text":"b"}]}
            {"id":"n2","prompt":"Q","responses":[{"model":"m1","text":"a"},{"model":"m1","text":"b"}]}
            """)
        let failure = try #require(throws: ImportFailure.self) {
            try fixture.store.importItems(ImportRequest(dataset: "prefs", sources: [ImportSource(path: file)]))
        }
        #expect("\(failure)".contains("bad.jsonl:2"))
        #expect("\(failure)".contains("the model \"m1\" answers twice"))
        #expect(try SQLiteShell(fixture.dir.path("gloss.db")).int("SELECT COUNT(*) FROM items") == 42)
    }

    @Test func judgmentsRoundTripThroughAnnotationFiles() throws {
        let fixture = try pairwiseProject()
        try fixture.annotate([
            #"{"item":"p001","annotator":"ana","winner":"atlas-7b","side":"right","left":"borealis-13b","right":"atlas-7b"}"#,
            #"{"item":"p003","annotator":"ana","outcome":"tie","left":"atlas-7b","right":"borealis-13b"}"#,
            #"{"item":"p002","annotator":"ana","winner":"cirrus-70b","left":"cirrus-70b","right":"borealis-13b"}"#,
        ])
        let out = fixture.dir.path("out.jsonl")
        try fixture.store.exportAnnotations(project: "prefs", to: out)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[2].contains(#""winner":"cirrus-70b","side":"left","left":"cirrus-70b","right":"borealis-13b""#))
        #expect(lines[1].contains(#""outcome":"tie","left":"atlas-7b","right":"borealis-13b""#))
        // Into a second project over the same items: the same stored values.
        try fixture.createCopy()
        try fixture.store.importAnnotations(project: "copy", from: out)
        #expect(try fixture.storedValues(of: "copy") == fixture.storedValues(of: "prefs"))
        #expect(try SQLiteShell(fixture.dir.path("gloss.db")).int("SELECT COUNT(*) FROM annotations WHERE value_check IS NULL") == 0)
    }

    @Test(arguments: [
        (#"{"item":"p001","annotator":"ana","winner":"gpt-9","left":"atlas-7b","right":"borealis-13b"}"#,
         "the winner \"gpt-9\" is neither"),
        (#"{"item":"p001","annotator":"ana","winner":"atlas-7b"}"#, "needs \"left\" and \"right\""),
        (#"{"item":"p001","annotator":"ana","outcome":"maybe","left":"atlas-7b","right":"borealis-13b"}"#,
         "\"outcome\" is \"maybe\""),
        (#"{"item":"p001","annotator":"ana","label":"left"}"#, "pairwise"),
    ])
    func malformedJudgmentsAreRefused(_ line: String, message: String) throws {
        let fixture = try pairwiseProject()
        let error = try #require(throws: (any Error).self) { try fixture.annotate([line]) }
        #expect("\(error)".contains(message), "\(error)")
        #expect(try SQLiteShell(fixture.dir.path("gloss.db")).int("SELECT COUNT(*) FROM annotations") == 0)
    }

    @Test func theDPOExportHasTheChosenResponsesForStringsAndChats() throws {
        let fixture = try pairwiseProject()
        try fixture.annotate([
            // Two judges agree on p001 though they saw it on different sides.
            #"{"item":"p001","annotator":"ana","winner":"atlas-7b","side":"right","left":"borealis-13b","right":"atlas-7b"}"#,
            #"{"item":"p001","annotator":"bo","winner":"atlas-7b","side":"left","left":"atlas-7b","right":"borealis-13b"}"#,
            // They disagree on p004: a tie of votes, left out under majority.
            #"{"item":"p004","annotator":"ana","winner":"atlas-7b","left":"atlas-7b","right":"borealis-13b"}"#,
            #"{"item":"p004","annotator":"bo","winner":"borealis-13b","left":"atlas-7b","right":"borealis-13b"}"#,
            // A tie gives no row.
            #"{"item":"p003","annotator":"ana","outcome":"tie","left":"atlas-7b","right":"borealis-13b"}"#,
            // A chat.
            #"{"item":"c001","annotator":"ana","winner":"atlas-7b","left":"borealis-13b","right":"atlas-7b"}"#,
        ])
        let outcome = try fixture.export(.dpo, to: "dpo")
        #expect(outcome.manifest.counts.leftOut["tie"] == 1)
        let rows = try fixture.rows("dpo/train.jsonl")
        #expect(rows.map { $0["id"] as? String } == ["p001", "c001"])
        #expect(rows[0]["prompt"] as? String == "What is the boiling point of water at the top of Mount Everest, roughly?")
        #expect((rows[0]["chosen"] as? String)?.hasPrefix("Around 70 °C") == true)
        #expect(rows[0]["rejected"] as? String == "Water always boils at 100 °C, no matter the altitude.")
        let prompt = try #require(rows[1]["prompt"] as? [[String: String]])
        #expect(prompt.map { $0["role"] } == ["system", "user"])
        let chosen = try #require(rows[1]["chosen"] as? [[String: String]])
        let rejected = try #require(rows[1]["rejected"] as? [[String: String]])
        #expect(chosen.count == 1 && chosen[0]["role"] == "assistant" && chosen[0]["content"]?.hasPrefix("Most often a worn chain") == true)
        #expect(rejected.count == 1 && rejected[0]["content"]?.hasPrefix("It's probably because you pedal too hard") == true)
        #expect(rows.allSatisfy { Set($0.keys) == ["id", "prompt", "chosen", "rejected"] })
        // The same store and options give the same bytes; a split export puts rows in their splits.
        _ = try fixture.export(.dpo, to: "dpo-again")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.dir.path("dpo/train.jsonl")))
                    == Data(contentsOf: URL(fileURLWithPath: fixture.dir.path("dpo-again/train.jsonl"))))
        let split = try fixture.export(.dpo, to: "dpo-split", split: SplitPlan(shares: [0.5, 0.5, 0], seed: 3, stratify: false))
        #expect(split.manifest.files.map(\.name).sorted() == ["train.jsonl", "validation.jsonl"])
        let splitRows = try fixture.rows("dpo-split/train.jsonl") + fixture.rows("dpo-split/validation.jsonl")
        #expect(Set(splitRows.compactMap { $0["id"] as? String }) == ["p001", "c001"])
        // Under `any`, p004 goes to the judgment decided first.
        _ = try fixture.export(.dpo, to: "dpo-any", policy: .any)
        #expect(try fixture.rows("dpo-any/train.jsonl").map { $0["id"] as? String } == ["p001", "p004", "c001"])
    }

    @Test func otherFormatsRefuseDPOAndPairwiseWritesJSONLines() throws {
        let fixture = try pairwiseProject()
        try fixture.annotate([#"{"item":"p001","annotator":"ana","winner":"atlas-7b","left":"borealis-13b","right":"atlas-7b"}"#])
        _ = try fixture.export(.jsonl, to: "lines")
        let row = try #require(try fixture.rows("lines/data.jsonl").first)
        #expect(row["outcome"] as? String == "win")
        #expect(row["winner"] as? String == "atlas-7b")
        #expect(row["models"] as? [String] == ["atlas-7b", "borealis-13b"])
        // A classify project cannot be written as dpo.
        let other = try AppFixture()
        try other.decideFromReference(count: 3)
        #expect(throws: ExportWriterError.self) {
            try ExportRun.run(ExportRun.Request(project: "reviews", format: .dpo, destination: other.dir.path("x"),
                                                query: ExportQuery(split: nil)), database: other.store)
        }
    }
}
