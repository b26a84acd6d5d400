import GlossCore
import Testing
@testable import GlossFormats

@Suite("kto export: TRL unpaired preference rows")
struct ExportKTOTests {
    @Test func winnersAreDesirableAndLosersNotTiesGiveNone() throws {
        let sink = try ExportFixtures.export(.kto, ExportFixtures.context(.pairwise), ExportFixtures.pairwise())
        #expect(sink.text("train.jsonl") == """
            {"id":"q1","prompt":"2+2?","completion":"4","label":true}
            {"id":"q1","prompt":"2+2?","completion":"five","label":false}
            {"id":"q2","prompt":[{"role":"system","content":"간단히"},{"role":"user","content":"안녕?"}],\
            "completion":[{"role":"assistant","content":"안녕하세요!"}],"label":true}
            {"id":"q2","prompt":[{"role":"system","content":"간단히"},{"role":"user","content":"안녕?"}],\
            "completion":[{"role":"assistant","content":"..."}],"label":false}

            """)
    }

    @Test func aThresholdLabelsEachRatedResponse() throws {
        var context = ExportFixtures.context(.pairwise)
        context.ktoThreshold = 4
        let sink = try ExportFixtures.export(.kto, context, ExportFixtures.judgedAndRated())
        // q3 is a tie, but both of its answers were rated: 2 and 3 are under 4.
        #expect(sink.text("train.jsonl") == """
            {"id":"q1","prompt":"2+2?","completion":"4","label":true}
            {"id":"q1","prompt":"2+2?","completion":"five","label":false}
            {"id":"q2","prompt":[{"role":"user","content":"안녕?"}],"completion":[{"role":"assistant","content":"안녕하세요!"}],"label":true}
            {"id":"q2","prompt":[{"role":"user","content":"안녕?"}],"completion":[{"role":"assistant","content":"..."}],"label":true}
            {"id":"q3","prompt":"2+2?","completion":"4","label":false}
            {"id":"q3","prompt":"2+2?","completion":"five","label":false}

            """)
        // Judgments without ratings give no row under a threshold.
        #expect(try ExportFixtures.export(.kto, context, ExportFixtures.pairwise()).text("train.jsonl") == "")
    }

    @Test func otherKindsRefuseAndTheSameRecordsGiveTheSameBytes() throws {
        #expect(!ExportFormat.kto.supports(ExportFixtures.mapping(.classify)))
        #expect(!ExportFormat.kto.supports(ExportFixtures.mapping(.rating)))
        #expect(ExportFormat.kto.supports(ExportFixtures.mapping(.pairwise)))
        let context = ExportFixtures.context(.pairwise, splits: [.train, .validation, .test])
        let first = try ExportFixtures.export(.kto, context, ExportFixtures.judgedAndRated(split: true))
        let second = try ExportFixtures.export(.kto, context, ExportFixtures.judgedAndRated(split: true))
        #expect(first.files == second.files)
        #expect(first.text("validation.jsonl")?.hasPrefix(#"{"id":"q2""#) == true)
    }

    @Test func jsonLinesCarryTheRatingsBesideTheJudgment() throws {
        let sink = try ExportFixtures.export(.jsonl, ExportFixtures.context(.pairwise), ExportFixtures.judgedAndRated())
        let first = try #require(sink.text("data.jsonl")?.split(separator: "\n").first)
        #expect(first.contains(#""outcome":"win","winner":"m1","models":["m1","m2"],"ratings":{"m1":{"quality":5},"m2":{"quality":1}}"#))
        let ratings = try ExportFixtures.export(.jsonl, ExportFixtures.context(.rating), ExportFixtures.rating())
        #expect(ratings.text("data.jsonl")?.contains(#""ratings":{"clarity":3,"correctness":5}"#) == true)
    }
}
