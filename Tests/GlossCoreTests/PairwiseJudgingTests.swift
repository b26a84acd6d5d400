import Foundation
import GlossCore
import Testing

/// Bradley–Terry, win rates, position bias and outcome agreement against scipy, choix and
/// the krippendorff package (Tests/Fixtures/judging/pairwise-*.json).
@Suite("Pairwise judging: leaderboard, position bias, agreement")
struct PairwiseJudgingTests {
    static let names = JudgingFixture.names("pairwise-")

    static func leaderboard(_ judgments: [JudgedPair]) -> Leaderboard {
        var tally = PairwiseTally()
        for judgment in judgments { tally.add(judgment) }
        return BradleyTerry.fit(tally)
    }

    @Test func fixturesArePresent() throws {
        #expect(Self.names == ["pairwise-6models.json", "pairwise-disconnected.json"])
        let big = try JudgingFixture.load("pairwise-6models.json", as: JudgingFixture.Pairwise.self)
        #expect(big.models.count >= 5 && big.judgments.count >= 300)
    }

    @Test(arguments: names)
    func leaderboardEqualsTheReferenceFit(_ name: String) throws {
        let fixture = try JudgingFixture.load(name, as: JudgingFixture.Pairwise.self)
        let board = Self.leaderboard(fixture.judgments.map(\.pair))
        #expect(board.converged)
        #expect(board.models.map(\.model) == fixture.expected.models.sorted { $0.strength > $1.strength }.map(\.model))
        for expected in fixture.expected.models {
            let model = try #require(board.models.first { $0.model == expected.model })
            let counts: [Int] = [model.judgments, model.wins, model.ties, model.losses]
            #expect(counts == [expected.judgments, expected.wins, expected.ties, expected.losses], "\(expected.model)")
            expectClose(model.winRate, expected.winRate, "\(expected.model) win rate", tolerance: 1e-15)
            expectClose(model.strength, expected.strength, "\(expected.model) strength", tolerance: 1e-9)
            expectClose(model.standardError, expected.standardError, "\(expected.model) se", tolerance: 1e-9)
            expectClose(model.lower, expected.lower, "\(expected.model) lower", tolerance: 1e-9)
            expectClose(model.upper, expected.upper, "\(expected.model) upper", tolerance: 1e-9)
        }
        #expect(abs(board.models.reduce(0) { $0 + $1.strength }) < 1e-12)
    }

    @Test func disconnectedGroupsAndAnUnbeatenModelStayFinite() throws {
        let fixture = try JudgingFixture.load("pairwise-disconnected.json", as: JudgingFixture.Pairwise.self)
        let board = Self.leaderboard(fixture.judgments.map(\.pair))
        #expect(board.groups == 2)
        let d = try #require(board.models.first { $0.model == "d" })
        #expect(d.winRate == 1 && d.strength.isFinite && d.upper.isFinite)
        let big = try JudgingFixture.load("pairwise-6models.json", as: JudgingFixture.Pairwise.self)
        #expect(Self.leaderboard(big.judgments.map(\.pair)).groups == 1)
    }

    @Test func sidesDoNotMatterToStrengths() throws {
        let fixture = try JudgingFixture.load("pairwise-6models.json", as: JudgingFixture.Pairwise.self)
        let judgments = fixture.judgments.map(\.pair)
        let swapped = judgments.map { j in
            JudgedPair(left: j.right, right: j.left, outcome: j.outcome == .left ? .right : j.outcome == .right ? .left : j.outcome)
        }
        let a = Self.leaderboard(judgments), b = Self.leaderboard(swapped.reversed())
        #expect(a.models.map(\.model) == b.models.map(\.model))
        for (x, y) in zip(a.models, b.models) {
            #expect(abs(x.strength - y.strength) < 1e-12 && abs(x.standardError - y.standardError) < 1e-12)
        }
    }

    @Test func smallCases() {
        #expect(Self.leaderboard([]).models.isEmpty)
        // Self-comparisons are left out; `neither` is a judgment but no comparison.
        let board = Self.leaderboard([JudgedPair(left: "a", right: "a", outcome: .left),
                                      JudgedPair(left: "a", right: "b", outcome: .neither)])
        #expect(board.models.map(\.model) == ["a", "b"])
        #expect(board.models.allSatisfy { $0.judgments == 1 && $0.winRate == nil && $0.strength == 0 })
        #expect(board.groups == 2)
        // One decisive judgment plus the virtual tie: 1.5 wins against 0.5, so θ_a − θ_b = log 3.
        let one = Self.leaderboard([JudgedPair(left: "a", right: "b", outcome: .right)])
        #expect(one.models.map(\.model) == ["b", "a"])
        expectClose(one.models[0].strength - one.models[1].strength, log(3.0), "log 3", tolerance: 1e-13)
    }

    /// 200,000 judgments of 20 models in a fixed pattern (model i % 20 on the left against
    /// (i / 20) % 20, outcomes left, right, tie, neither in turn): with counts this large the
    /// fit must still converge. Expected: choix 0.4.1 `ilsr_pairwise_dense` on the same
    /// counts with the virtual ties (tol 1e-14): m0 1.750846237387083, m1 −1.7508462373870823.
    @Test func manyJudgmentsConverge() throws {
        var tally = PairwiseTally()
        let models = (0..<20).map { "m\($0)" }
        let outcomes: [JudgedPair.Outcome] = [.left, .right, .tie, .neither]
        for i in 0..<200_000 {
            tally.add(JudgedPair(left: models[i % 20], right: models[(i / 20) % 20], outcome: outcomes[i % 4]))
        }
        let board = BradleyTerry.fit(tally)
        #expect(board.converged)
        expectClose(board.models.first { $0.model == "m0" }?.strength, 1.750846237387083, "m0")
        expectClose(board.models.first { $0.model == "m1" }?.strength, -1.7508462373870823, "m1")
        expectClose(board.models.first { $0.model == "m2" }?.strength, 0, "m2")
    }

    @Test(arguments: names)
    func positionBiasEqualsBinomtest(_ name: String) throws {
        let fixture = try JudgingFixture.load(name, as: JudgingFixture.Pairwise.self)
        var tally = PositionBiasTally()
        for j in fixture.judgments { tally.add(j.pair, by: j.annotator) }
        let results = tally.results
        #expect(results.map(\.annotator) == fixture.expected.positionBias.map(\.annotator))
        for (result, expected) in zip(results, fixture.expected.positionBias) {
            #expect(result.decisive == expected.decisive && result.leftWins == expected.left)
            expectClose(result.leftShare, expected.share, "\(name) \(expected.annotator) share", tolerance: 1e-15)
            expectClose(result.pValue, expected.pValue, "\(name) \(expected.annotator) p", tolerance: 1e-12)
            expectClose(result.lower, expected.wilsonLower, "\(name) \(expected.annotator) lower", tolerance: 1e-12)
            expectClose(result.upper, expected.wilsonUpper, "\(name) \(expected.annotator) upper", tolerance: 1e-12)
        }
    }

    /// scipy.stats.binomtest(k, n, 0.5): pvalue and proportion_ci(method="wilson"), 17 digits.
    @Test(arguments: [
        (0, 10, 0.001953125, 0, 0.27753279986288926),
        (10, 10, 0.001953125, 0.72246720013711085, 1),
        (3, 17, 0.012725830078125, 0.061911266376209945, 0.41029458568834121),
        (500_500, 1_000_000, 0.31779469136332972, 0.49952001845927102, 0.50147997769928487),
        (499_000, 1_000_000, 0.045608299865389598, 0.49802002569140347, 0.49997998199148463),
        (1, 1, 1, 0.20654931437723745, 1),
        (5, 10, 1, 0.236593090512564, 0.76340690948743606),
    ])
    func binomialAgainstScipy(_ k: Int, _ n: Int, _ p: Double, _ lower: Double, _ upper: Double) throws {
        let value = try #require(Binomial.twoSidedPValue(successes: k, trials: n))
        #expect(abs(value - p) <= 1e-9 * p, "p \(value) want \(p)")
        let interval = try #require(Binomial.wilson(successes: k, trials: n))
        expectClose(interval.lower, lower, "lower", tolerance: 1e-12)
        expectClose(interval.upper, upper, "upper", tolerance: 1e-12)
        #expect(Binomial.twoSidedPValue(successes: 0, trials: 0) == nil)
    }

    @Test(arguments: names)
    func outcomeAgreementEqualsThePackage(_ name: String) throws {
        let fixture = try JudgingFixture.load(name, as: JudgingFixture.Pairwise.self)
        var tally = PairwiseOutcomeTally()
        for item in fixture.byItem { tally.add(item.map(\.pair)) }
        #expect(tally.items == fixture.expected.agreement.items)
        expectClose(tally.percent, fixture.expected.agreement.percent, "\(name) percent")
        expectClose(tally.alpha, fixture.expected.agreement.alpha, "\(name) alpha")
    }

    @Test func outcomesDoNotDependOnSides() {
        var tally = PairwiseOutcomeTally()
        tally.add([JudgedPair(left: "x", right: "y", outcome: .left), JudgedPair(left: "y", right: "x", outcome: .right)])
        tally.add([JudgedPair(left: "x", right: "y", outcome: .tie), JudgedPair(left: "y", right: "x", outcome: .tie)])
        tally.add([JudgedPair(left: "x", right: "y", outcome: .left), JudgedPair(left: "x", right: "y", outcome: .right)])
        tally.add([JudgedPair(left: "x", right: "y", outcome: .neither)])
        #expect(tally.items == 3)
        expectClose(tally.percent, 2.0 / 3, "percent", tolerance: 1e-15)
    }
}
