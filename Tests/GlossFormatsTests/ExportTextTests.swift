import GlossCore
import Testing
@testable import GlossFormats

/// Exports of typed texts: corrections as dpo rows, every member in jsonl, refusals.
@Suite("text exports: corrections as preferences, texts in jsonl")
struct ExportTextTests {
    @Test func correctionsAreChosenOverTheOriginalAndUnchangedOnesGiveNoRow() throws {
        let sink = try ExportFixtures.export(.dpo, ExportFixtures.context(.text), ExportFixtures.corrections())
        #expect(sink.text("train.jsonl") == """
            {"id":"t1","prompt":"2+2?","chosen":"It is four.","rejected":"It is five."}
            {"id":"t2","prompt":[{"role":"user","content":"물은 몇 도에서 끓나요?"}],\
            "chosen":[{"role":"assistant","content":"물은 해수면에서 100도에서 끓어요."}],\
            "rejected":[{"role":"assistant","content":"물은 항상 90도에서 끓어요."}]}

            """)
    }

    @Test func jsonLinesCarryTheTextItsModelAndItsEdits() throws {
        let sink = try ExportFixtures.export(.jsonl, ExportFixtures.context(.text), ExportFixtures.corrections())
        let first = try #require(sink.text("data.jsonl")?.split(separator: "\n").first)
        #expect(first.contains(#","answer":"It is four.","corrects":"m2","diff":[{"at":6,"del":"five.","ins":"four."}],"meta":"#))
        let again = try ExportFixtures.export(.jsonl, ExportFixtures.context(.text), ExportFixtures.corrections())
        #expect(again.text("data.jsonl") == sink.text("data.jsonl"))
        let csv = try ExportFixtures.export(.csv, ExportFixtures.context(.text), ExportFixtures.corrections())
        #expect(csv.text("data.csv")?.components(separatedBy: "\r\n")[0] == "id,text,answer,corrects,diff")
    }

    @Test func aFreeTextIsRefusedByDPOWithASentenceAndLabelStudioRefusesTexts() throws {
        var record = ExportFixtures.corrections()[0]
        record.value = .answers(QuestionAnswers(text: TypedText("a summary")))
        let error = #expect(throws: ExportWriterError.self) {
            try ExportFixtures.export(.dpo, ExportFixtures.context(.text), [record])
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("free text, not a correction"))
        #expect(!ExportFormat.labelStudio.supports(ExportFixtures.mapping(.text)))
        #expect(!ExportFormat.kto.supports(ExportFixtures.mapping(.text)))
        #expect(ExportFormat.dpo.supports(ExportFixtures.mapping(.text)))
    }

    @Test func aJudgmentsNoteGoesToJSONLinesAsItsAnswer() throws {
        var record = ExportFixtures.pairwise()[0]
        record.value = .answers(QuestionAnswers(pairwise: PairwiseJudgment(outcome: .left, left: "m1", right: "m2"),
                                                text: TypedText("m2 cannot add")))
        let sink = try ExportFixtures.export(.jsonl, ExportFixtures.context(.pairwise), [record])
        #expect(sink.text("data.jsonl")?.contains(#""models":["m1","m2"],"answer":"m2 cannot add","meta""#) == true)
    }
}
