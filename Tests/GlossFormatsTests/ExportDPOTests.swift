import GlossCore
import Testing
@testable import GlossFormats

@Suite("dpo export: TRL preference rows")
struct ExportDPOTests {
    @Test func stringAndChatPromptsGiveTRLRowsAndTiesNone() throws {
        let sink = try ExportFixtures.export(.dpo, ExportFixtures.context(.pairwise), ExportFixtures.pairwise())
        #expect(sink.text("train.jsonl") == """
            {"id":"q1","prompt":"2+2?","chosen":"4","rejected":"five"}
            {"id":"q2","prompt":[{"role":"system","content":"간단히"},{"role":"user","content":"안녕?"}],\
            "chosen":[{"role":"assistant","content":"안녕하세요!"}],"rejected":[{"role":"assistant","content":"..."}]}

            """)
    }

    @Test func splitsGoToTheirFiles() throws {
        let context = ExportFixtures.context(.pairwise, splits: [.train, .validation, .test])
        let sink = try ExportFixtures.export(.dpo, context, ExportFixtures.pairwise(split: true))
        #expect(sink.text("train.jsonl")?.hasPrefix(#"{"id":"q1""#) == true)
        #expect(sink.text("validation.jsonl")?.hasPrefix(#"{"id":"q2""#) == true)
        #expect(sink.text("test.jsonl") == "")  // the tie gives no row
    }

    @Test func otherKindsRefuse() throws {
        #expect(!ExportFormat.dpo.supports(ExportFixtures.mapping(.classify)))
        #expect(!ExportFormat.dpo.supports(ExportFixtures.mapping(.spans)))
        #expect(ExportFormat.dpo.supports(ExportFixtures.mapping(.pairwise)))
        #expect(ExportFormat.labelStudio.supports(ExportFixtures.mapping(.pairwise)))
        #expect(throws: ExportWriterError.self) { try ExportFormat.dpo.makeWriter(context: ExportFixtures.context(.classify)) }
    }

    @Test func anItemWithoutPartsStopsTheExport() throws {
        var record = ExportFixtures.pairwise()[0]
        record.partsJSON = nil
        #expect(throws: ExportWriterError.self) {
            try ExportFixtures.export(.dpo, ExportFixtures.context(.pairwise), [record])
        }
    }
}
