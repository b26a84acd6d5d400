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

    @Test func labelStudioRefusesRankingsAndDPOTakesThem() {
        #expect(ExportFormat.dpo.supports(ExportFixtures.mapping(.ranking)))
        #expect(!ExportFormat.labelStudio.supports(ExportFixtures.mapping(.ranking)))
        #expect(!ExportFormat.kto.supports(ExportFixtures.mapping(.ranking)))
    }
}
