import GlossCore
import Testing

/// Kendall's W and τ-b against scipy (Tests/Fixtures/judging/rankings-*.json).
@Suite("Ranking agreement: Kendall's W and pairwise τ-b")
struct RankingAgreementTests {
    @Test func midranksFromTieGroups() {
        #expect(Ranks.midranks([[2], [0, 1]], count: 3) == [2.5, 2.5, 1])
        #expect(Ranks.midranks([[1], [3], [0, 2, 4]], count: 5) == [4, 1, 4, 2, 4])
        #expect(Ranks.midranks([[0, 1, 2, 3]], count: 4) == [2.5, 2.5, 2.5, 2.5])
        #expect(Ranks.midranks([[0], [0]], count: 2) == nil, "a response twice")
        #expect(Ranks.midranks([[0]], count: 2) == nil, "a response missing")
        #expect(Ranks.midranks([[5]], count: 1) == nil, "no such response")
    }

    @Test func perItemAndOverallEqualScipy() throws {
        let fixture = try JudgingFixture.load("rankings-40items.json", as: JudgingFixture.Rankings.self)
        #expect(fixture.items.count == 40 && fixture.expected.perItem.count == 40)
        var tally = RankingAgreementTally()
        for (index, (item, expected)) in zip(fixture.items, fixture.expected.perItem).enumerated() {
            var rankings: [(judge: String, ranks: [Double])] = []
            for (judge, order) in item.rankings.sorted(by: { $0.key < $1.key }) {
                let groups = order.map { $0.map { item.responses.firstIndex(of: $0)! } }
                let ranks = try #require(Ranks.midranks(groups, count: item.responses.count))
                #expect(ranks == expected.ranks[judge], "item \(index) \(judge)")
                rankings.append((judge, ranks))
            }
            expectClose(rankings.count >= 2 ? KendallW.coefficient(rankings.map(\.ranks)) : nil, expected.w, "item \(index) W")
            for (pair, tau) in expected.tau {
                let names = pair.split(separator: "|").map(String.init)
                let a = try #require(rankings.first { $0.judge == names[0] }), b = try #require(rankings.first { $0.judge == names[1] })
                expectClose(KendallTau.b(a.ranks, b.ranks), tau, "item \(index) τ \(pair)")
            }
            tally.add(rankings.shuffledDeterministically(seed: index))
        }
        #expect(tally.items == fixture.expected.itemsWithW)
        expectClose(tally.meanW, fixture.expected.meanW, "mean W")
        let pairs = tally.pairs
        #expect(pairs.map { "\($0.first)|\($0.second)|\($0.items)" }
                == fixture.expected.pairs.map { "\($0.first)|\($0.second)|\($0.items)" })
        for (pair, expected) in zip(pairs, fixture.expected.pairs) {
            expectClose(pair.meanTau, expected.meanTau, "\(pair.first)-\(pair.second) mean τ")
        }
        expectClose(tally.meanPairwiseTau, fixture.expected.meanPairwiseTau, "mean pairwise τ")
    }

    @Test func judgesByObjectsTable() throws {
        let fixture = try JudgingFixture.load("rankings-6judges-12objects.json", as: JudgingFixture.RankTable.self)
        expectClose(KendallW.coefficient(fixture.ranks), fixture.expected.w, "W")
        for (i, expected) in fixture.expected.tauWithFirst.enumerated() {
            expectClose(KendallTau.b(fixture.ranks[0], fixture.ranks[i + 1]), expected, "τ 0-\(i + 1)")
        }
    }

    @Test func edges() {
        // Perfect agreement, perfect reversal, and undefined cases.
        #expect(KendallW.coefficient([[1, 2, 3], [1, 2, 3], [1, 2, 3]]) == 1)
        #expect(KendallW.coefficient([[1, 2, 3], [3, 2, 1]]) == 0)
        #expect(KendallW.coefficient([[1, 2, 3]]) == nil)
        #expect(KendallW.coefficient([[1.5, 1.5], [1.5, 1.5]]) == nil)
        #expect(KendallW.coefficient([[1, 2], [1, 2, 3]]) == nil)
        #expect(KendallTau.b([1, 2, 3], [3, 2, 1]) == -1)
        #expect(KendallTau.b([2, 2, 2], [1, 2, 3]) == nil)
        var tally = RankingAgreementTally()
        tally.add([("ana", [1, 2, 3])])
        tally.add([("ana", [1, 2]), ("bo", [1, 2, 3])])
        #expect(tally.meanW == nil && tally.meanPairwiseTau == nil && tally.pairs.isEmpty)
    }
}

extension Array {
    /// The same elements in an order fixed by `seed`: the tally must not care about order.
    func shuffledDeterministically(seed: Int) -> [Element] {
        var generator = SplitMix(state: UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15)
        return shuffled(using: &generator)
    }
}

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
