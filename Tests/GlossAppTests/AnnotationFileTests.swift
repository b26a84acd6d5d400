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
}
