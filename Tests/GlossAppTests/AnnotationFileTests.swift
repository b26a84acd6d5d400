import Foundation
import GlossApp
import GlossCore
import GlossStore
import Testing

@Suite("Annotation files: import all lines or none, export that imports back")
struct AnnotationFileTests {
    @Test func anExportedFileImportsIntoAnotherProjectAsTheSameDecisions() throws {
        let fixture = try AppFixture()
        try fixture.decideFromReference(count: 12)
        let out = fixture.dir.path("decisions.jsonl")
        let summary = try fixture.store.exportAnnotations(project: "reviews", to: out)
        #expect(summary.decisions == 12)
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
        let guide = try fixture.store.currentGuide(project: "reviews").guide
        try fixture.store.createProject(name: "copy", dataset: "reviews", guide: guide, author: "lead")
        let report = try fixture.store.importAnnotations(project: "copy", from: out)
        #expect(report.decisions == 12 && report.lines == 12 && report.annotators == 1)
        #expect(try fixture.store.decisionExamples(project: "copy") == fixture.store.decisionExamples(project: "reviews"))
    }

    @Test func everyBadLineIsNamedAndNothingIsWritten() throws {
        let fixture = try AppFixture()
        let file = try fixture.dir.write("bad.jsonl", """
            {"item": "r001", "annotator": "ana", "label": "positive"}
            not json
            {"item": "nope", "annotator": "ana", "label": "positive"}

            """)
        #expect {
            try fixture.store.importAnnotations(project: "reviews", from: file)
        } throws: { error in
            guard let error = error as? AnnotationImportError else { return false }
            return error.problems.map(\.line) == [2, 3] && error.total == 2 && error.source == file
        }
        #expect(try fixture.store.decisionExamples(project: "reviews").isEmpty)
    }

    /// Issue 17: a line with bytes that are not UTF-8 was read with U+FFFD in their place and
    /// imported; it is refused, named by file and line, and nothing is written.
    @Test func aLineThatIsNotUTF8IsRefusedByFileAndLine() throws {
        let fixture = try AppFixture()
        var bytes = Data(#"{"item": "r001", "annotator": "ana", "label": "positive"}"#.utf8 + [0x0A])
        bytes += Data(#"{"item": "r002", "annotator": "ana", "label": "neg"#.utf8) + Data([0xFF, 0xFE])
            + Data(#"ative"}"#.utf8 + [0x0A])
        let file = fixture.dir.path("latin1.jsonl")
        try bytes.write(to: URL(fileURLWithPath: file))
        #expect {
            try fixture.store.importAnnotations(project: "reviews", from: file)
        } throws: { error in
            guard let error = error as? AnnotationImportError else { return false }
            return error.source == file && error.problems.map(\.line) == [2] && error.total == 1
                && error.description.contains("\(file):2: invalid UTF-8 at byte 51")
        }
        #expect(try fixture.store.decisionExamples(project: "reviews").isEmpty)
    }
}
