import GlossCore
import Testing
@testable import GlossFormats

/// A correction line may leave out its diff: the parser marks it for the importer, which
/// knows the item's responses; a line with its diff keeps it as given.
@Suite("Annotation lines: corrections with and without their diff")
struct AnnotationCorrectionLineTests {
    @Test func aCorrectionWithoutItsDiffIsMarkedForTheImporter() throws {
        let bare = try AnnotationRecord.parse(#"{"item":"p1","annotator":"ana","text":"fixed","corrects":"m1"}"#)
        #expect(bare.diffFromOriginal)
        #expect(bare.value == .answers(QuestionAnswers(text: TypedText("fixed", correction: .init(model: "m1", diff: [])))))
        let given = try AnnotationRecord.parse(
            #"{"item":"p1","annotator":"ana","text":"fixed","corrects":"m1","diff":[{"at":0,"del":"broken","ins":"fixed"}]}"#)
        #expect(!given.diffFromOriginal)
        #expect(given.value == .answers(QuestionAnswers(text: TypedText("fixed", correction:
            .init(model: "m1", diff: [TextEdit(at: 0, removed: "broken", inserted: "fixed")])))))
        #expect(try !AnnotationRecord.parse(#"{"item":"p1","annotator":"ana","text":"free"}"#).diffFromOriginal)
    }
}
