import Foundation
import GlossCore
import GlossFormats
import GlossStore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import GlossTUI
import Testing
@testable import GlossApp

/// The sample preference items under the correction guide (borealis-13b's answers corrected).
private func correctionProject(overlap: Int = 1) throws -> JudgedProjectFixture {
    try JudgedProjectFixture(guide: Samples.guide("correction.md"), project: "fix", overlap: overlap)
}

/// An annotation line correcting item `item`'s borealis-13b answer (`original`) into `text`.
private func correctionLine(_ item: String, _ annotator: String, _ original: String, _ text: String) -> String {
    let value = AnnotationValue.answers(QuestionAnswers(text: .correcting(original, model: "borealis-13b", into: text)))
    return #"{"item":"\#(item)","annotator":"\#(annotator)","# + value.json().dropFirst()
}

private let p001Original = "Water always boils at 100 °C, no matter the altitude."
private let p002Original = "Overfitting happens when a model is too big."

@Suite("Text projects: corrections in and out, as preferences, and in review")
struct TextProjectTests {
    @Test func correctionsRoundTripThroughAnnotationFilesAndAreChecked() throws {
        let fixture = try correctionProject()
        try fixture.annotate([
            correctionLine("p001", "ana", p001Original, "At the summit water boils at about 70 °C."),
            correctionLine("p002", "ana", p002Original, "과적합은 모델이 훈련 데이터의 잡음까지 외우는 것이다."),
        ])
        let out = fixture.dir.path("out.jsonl")
        try fixture.store.exportAnnotations(project: "fix", to: out)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""text":"At the summit water boils at about 70 °C.","corrects":"borealis-13b","diff":[{"at":0,"#))
        try fixture.createCopy()
        try fixture.store.importAnnotations(project: "copy", from: out)
        #expect(try fixture.storedValues(of: "copy") == fixture.storedValues(of: "fix"))
        // Values that do not fit the guide are refused, saying why.
        for (line, message) in [
            (#"{"item":"p003","annotator":"bo","text":"a free answer"}"#, "the guide asks for a correction"),
            (#"{"item":"p003","annotator":"bo","text":"x","corrects":"atlas-7b","diff":[]}"#,
             "the guide corrects the response of \"borealis-13b\""),
            (#"{"item":"p003","annotator":"bo","text":"x","corrects":"cirrus-70b"}"#,
             #""corrects" names "cirrus-70b", but item "p003" has no response of it to compute the "diff" from (its models: atlas-7b, borealis-13b)"#),
            (#"{"item":"p002","annotator":"bo","text":"x","corrects":"cirrus-70b"}"#,
             "the guide corrects the response of \"borealis-13b\""),
            (#"{"item":"p003","annotator":"bo","text":"","corrects":"borealis-13b","diff":[]}"#, "\"text\" is empty"),
        ] {
            let error = try #require(throws: (any Error).self) { try fixture.annotate([line], name: "bad.jsonl") }
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    /// A correction given without its diff gets the one the labeler would store: the word-level
    /// edits from the item's response of the model corrected; decisions and adjudications alike.
    @Test func aCorrectionWithoutItsDiffGetsTheLabelersDiffFromTheResponse() throws {
        let fixture = try correctionProject(overlap: 2)
        let typed = "At the summit water boils at about 70 °C."
        try fixture.annotate([
            #"{"item":"p001","annotator":"ana","text":"\#(typed)","corrects":"borealis-13b"}"#,
            #"{"item":"p001","annotator":"bo","text":"\#(p001Original)","corrects":"borealis-13b"}"#,
            #"{"record":"adjudication","item":"p001","reviewer":"lead","text":"\#(typed)","corrects":"borealis-13b"}"#,
        ])
        let labelers = AnnotationValue.answers(QuestionAnswers(text: .correcting(p001Original, model: "borealis-13b", into: typed)))
        let unchanged = AnnotationValue.answers(QuestionAnswers(text: .correcting(p001Original, model: "borealis-13b", into: p001Original)))
        #expect(try fixture.storedValues(of: "fix") == [labelers.json(), unchanged.json()])
        #expect(unchanged.json() == #"{"text":"\#(p001Original)","corrects":"borealis-13b","diff":[]}"#)
        guard case .answers(let answers) = labelers, let diff = answers.text?.correction?.diff else { return }
        #expect(!diff.isEmpty && TextEdit.apply(diff, to: p001Original) == typed)
        #expect(try fixture.store.adjudications(project: "fix").map(\.value) == [labelers])
    }

    @Test func dpoChoosesTheCorrectionOverTheOriginalWithTheSameBytesTwice() throws {
        let fixture = try correctionProject()
        try fixture.annotate([
            correctionLine("p001", "ana", p001Original, "About 70 °C at the summit."),
            correctionLine("p002", "ana", p002Original, p002Original),  // unchanged: no row
        ])
        _ = try fixture.export(.dpo, to: "dpo")
        let dpo = try String(contentsOfFile: fixture.dir.path("dpo/train.jsonl"), encoding: .utf8)
        #expect(dpo == #"{"id":"p001","prompt":"What is the boiling point of water at the top of Mount Everest, roughly?","chosen":"About 70 °C at the summit.","rejected":"\#(p001Original)"}"# + "\n")
        _ = try fixture.export(.dpo, to: "dpo-again")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.dir.path("dpo-again/train.jsonl"))) == Data(dpo.utf8))
        _ = try fixture.export(.jsonl, to: "jsonl")
        #expect(try String(contentsOfFile: fixture.dir.path("jsonl/data.jsonl"), encoding: .utf8)
            .contains(#""answer":"About 70 °C at the summit.","corrects":"borealis-13b","diff":["#))
        #expect(throws: (any Error).self) { try fixture.export(.labelStudio, to: "ls") }
    }

    @Test func aReviewerAdoptsOneAnnotatorsText() throws {
        let fixture = try correctionProject(overlap: 2)
        try fixture.annotate([
            correctionLine("p001", "ana", p001Original, "About 70 °C."),
            correctionLine("p001", "bo", p001Original, "Roughly 70 °C at the summit."),
        ])
        let entries = try fixture.store.reviewList(project: "fix", scope: .disagreements)
        #expect(entries.map(\.externalID) == ["p001"])
        let (exit, terminal) = try fixture.reviewDisagreements([.down, .enter, .character("q")])
        #expect(exit == .quit)
        #expect(terminal.frames.contains { $0.plainText.contains("corrected borealis-13b") && $0.plainText.contains("About 70 °C.") })
        let adjudications = try fixture.store.adjudications(project: "fix")
        #expect(adjudications.map(\.externalID) == ["p001"])
        guard case .answers(let answers)? = adjudications.first?.value else {
            Issue.record("expected the adopted text")
            return
        }
        #expect(answers.text?.text == "Roughly 70 °C at the summit.")
    }

    @Test func aReviewerWritesTheFinalTextAnewAndItStaysACorrectionOfTheOriginal() throws {
        let fixture = try correctionProject(overlap: 2)
        try fixture.annotate([
            correctionLine("p001", "ana", p001Original, "About 70 °C."),
            correctionLine("p001", "bo", p001Original, "Roughly 70 °C at the summit."),
        ])
        // e on ana's text, to the end, a word more (in Korean), Enter adjudicates it.
        let keys: [Key] = [.character("e"), .end, .character(" "), .character("정"), .character("상"), .enter, .character("q")]
        let (exit, terminal) = try fixture.reviewDisagreements(keys)
        #expect(exit == .quit)
        #expect(terminal.frames.contains { $0.plainText.contains("the final text · Enter adjudicates") })
        guard case .answers(let answers)? = try fixture.store.adjudications(project: "fix").first?.value,
              let text = answers.text else {
            Issue.record("expected the text written anew")
            return
        }
        #expect(text.text == "About 70 °C. 정상")
        #expect(text.correction?.model == "borealis-13b")
        #expect(TextEdit.apply(text.correction?.diff ?? [], to: p001Original) == "About 70 °C. 정상")
    }
}
