import GlossCore
import Testing
@testable import GlossFormats

@Suite("Ranking exports: every ordered pair as a dpo row, the groups in jsonl, csv and hf")
struct ExportRankingTests {
    @Test func dpoWritesEveryPairTheRankingOrdersAndNoTiedPair() throws {
        let sink = try ExportFixtures.export(.dpo, ExportFixtures.context(.ranking), ExportFixtures.ranking())
        // k1: m1 > m2 = m3 gives m1 over each of the tied two, not m2 against m3;
        // k2 (a chat): m3 > m1 > m2 gives its three pairs, best pairs first.
        #expect(sink.text("train.jsonl") == """
            {"id":"k1","prompt":"2+2?","chosen":"4","rejected":"five"}
            {"id":"k1","prompt":"2+2?","chosen":"4","rejected":"22"}
            {"id":"k2","prompt":[{"role":"user","content":"안녕?"}],"chosen":[{"role":"assistant","content":"hi"}],\
            "rejected":[{"role":"assistant","content":"안녕하세요!"}]}
            {"id":"k2","prompt":[{"role":"user","content":"안녕?"}],"chosen":[{"role":"assistant","content":"hi"}],\
            "rejected":[{"role":"assistant","content":"..."}]}
            {"id":"k2","prompt":[{"role":"user","content":"안녕?"}],"chosen":[{"role":"assistant","content":"안녕하세요!"}],\
            "rejected":[{"role":"assistant","content":"..."}]}

            """)
    }

    @Test func jsonlAndCSVCarryTheGroupsBestFirst() throws {
        let jsonl = try ExportFixtures.export(.jsonl, ExportFixtures.context(.ranking), ExportFixtures.ranking())
        let first = try #require(jsonl.text("data.jsonl")?.split(separator: "\n").first)
        #expect(first.contains(#","ranking":[["m1"],["m2","m3"]]"#))
        let csv = try ExportFixtures.export(.csv, ExportFixtures.context(.ranking), ExportFixtures.ranking())
        let header = try #require(csv.text("data.csv")?.components(separatedBy: "\r\n").first)
        #expect(header == "id,text,ranking")
        #expect(csv.text("data.csv")?.contains(#""[[""m1""],[""m2"",""m3""]]""#) == true)
    }

    @Test func dpoAndLabelStudioTakeRankingsAndKTORefusesThem() {
        #expect(ExportFormat.dpo.supports(ExportFixtures.mapping(.ranking)))
        #expect(ExportFormat.labelStudio.supports(ExportFixtures.mapping(.ranking)))
        #expect(!ExportFormat.kto.supports(ExportFixtures.mapping(.ranking)))
    }

    @Test func labelStudioTasksListTheResponsesAndARankerResultWithOneBucketPerPlace() throws {
        var record = ExportFixtures.ranking()[0]
        record.decisions = [ExportDecision(annotator: "ana", kind: .label, value: record.value, decidedAt: "2026-12-01 09:00:00.000")]
        let sink = try ExportFixtures.export(.labelStudio, ExportFixtures.context(.ranking), [record])
        // m1 first, then m2 and m3 tied: two buckets, the tied models in one.
        #expect(sink.text("tasks.json") == "[\n"
            + #"{"id":1,"data":{"text":"2+2?\n\n[m1]\n4\n\n[m2]\nfive\n\n[m3]\n22","id":"k1","prompt":"2+2?","responses":["#
            + #"{"id":"m1","title":"m1","body":"4"},{"id":"m2","title":"m2","body":"five"},{"id":"m3","title":"m3","body":"22"}]},"#
            + #""annotations":[{"result":[{"id":"1_1_1","from_name":"rank","to_name":"responses","type":"ranker","#
            + #""value":{"ranker":{"rank-1":["m1"],"rank-2":["m2","m3"]}}}],"#
            + #""was_cancelled":false,"completed_by":{"email":"ana"},"created_at":"2026-12-01T09:00:00.000Z"}]}"#
            + "\n]\n")
        record.partsJSON = nil
        #expect(throws: ExportWriterError.self) {
            try ExportFixtures.export(.labelStudio, ExportFixtures.context(.ranking), [record])
        }
    }
}
