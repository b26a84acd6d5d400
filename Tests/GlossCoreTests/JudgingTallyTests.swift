import Foundation
import GlossCore
import Testing

/// The judging section of a report (`JudgingTally`) fed as a statistics pass feeds it: each
/// item's current values, against the reference fixtures (Tests/Fixtures/judging), whatever
/// the order of items and however alike items are grouped.
@Suite("Judging tally: the judging section of gloss stats")
struct JudgingTallyTests {
    static func value(_ j: JudgingFixture.Pairwise.Judgment) -> AnnotationValue {
        .pairwise(PairwiseJudgment(outcome: PairwiseJudgment.Outcome(rawValue: j.outcome)!, left: j.left, right: j.right))
    }

    static func items(_ fixture: JudgingFixture.Pairwise) -> [[(annotator: String, value: AnnotationValue)]] {
        fixture.byItem.map { $0.map { (annotator: $0.annotator, value: value($0)) } }
    }

    @Test(arguments: JudgingFixture.names("pairwise-"))
    func pairwiseFiguresEqualTheReferences(_ name: String) throws {
        let fixture = try JudgingFixture.load(name, as: JudgingFixture.Pairwise.self)
        var tally = JudgingTally(criteria: [])
        for item in Self.items(fixture) { tally.add(item) }
        let stats = tally.stats
        let board = try #require(stats.leaderboard)
        #expect(board.converged)
        for expected in fixture.expected.models {
            let model = try #require(board.models.first { $0.model == expected.model })
            let counts: [Int] = [model.wins, model.ties, model.losses]
            #expect(counts == [expected.wins, expected.ties, expected.losses])
            expectClose(model.strength, expected.strength, "\(expected.model) strength", tolerance: 1e-9)
            expectClose(model.lower, expected.lower, "\(expected.model) lower", tolerance: 1e-9)
            expectClose(model.upper, expected.upper, "\(expected.model) upper", tolerance: 1e-9)
        }
        let outcomes = try #require(stats.outcomes)
        #expect(outcomes.items == fixture.expected.agreement.items)
        expectClose(outcomes.percent, fixture.expected.agreement.percent, "percent", tolerance: 1e-12)
        expectClose(outcomes.alpha, fixture.expected.agreement.alpha, "alpha", tolerance: 1e-9)
        #expect(stats.positionBias.map(\.annotator) == fixture.expected.positionBias.map(\.annotator))
        for (bias, expected) in zip(stats.positionBias, fixture.expected.positionBias) {
            let counts: [Int] = [bias.decisive, bias.leftWins]
            #expect(counts == [expected.decisive, expected.left])
            expectClose(bias.pValue, expected.pValue, "\(bias.annotator) p", tolerance: 1e-9)
        }
        #expect(stats.ratings.isEmpty)
    }

    /// The store's totals give items grouped by their values, in another order than the pass
    /// over rows: the figures must be the same bits.
    @Test func theOrderOfItemsAndTheirGroupingChangeNoBit() throws {
        let fixture = try JudgingFixture.load("pairwise-6models.json", as: JudgingFixture.Pairwise.self)
        let items = Self.items(fixture)
        var inOrder = JudgingTally(criteria: [])
        for item in items + items + items { inOrder.add(item) }
        var grouped = JudgingTally(criteria: [])
        for item in items.reversed() { grouped.add(item, times: 3) }
        #expect(inOrder.stats == grouped.stats)
        let first = try #require(inOrder.stats.leaderboard?.models.first)
        #expect(first.judgments == 3 * fixture.judgments.filter { $0.left == first.model || $0.right == first.model }.count)
    }

    /// Ratings of the item: one unit per item and criterion, α equal to the krippendorff
    /// package (with missing data); ratings of each response: one unit per item, model and
    /// criterion, so two responses rated like two items give the α of all those units.
    @Test(arguments: JudgingFixture.names("alpha-"))
    func ratingAlphaEqualsTheReference(_ name: String) throws {
        let fixture = try JudgingFixture.load(name, as: JudgingFixture.Alpha.self)
        let criteria = [RatingCriterion(name: "quality", scale: fixture.points), RatingCriterion(name: "unused", scale: 3)]
        var byItem = JudgingTally(criteria: criteria)
        for unit in fixture.units {
            byItem.add(unit.enumerated().map { (annotator: "c\($0.offset)", value: .answers(QuestionAnswers(ratings: .item(["quality": $0.element])))) })
        }
        let quality = try #require(byItem.stats.ratings.first)
        #expect(quality.criterion == "quality" && quality.points == fixture.points)
        #expect(quality.units == fixture.units.filter { $0.count >= 2 }.count)
        expectClose(quality.ordinal, fixture.expected["ordinal"] ?? nil, "\(name) ordinal", tolerance: 1e-9)
        expectClose(quality.interval, fixture.expected["interval"] ?? nil, "\(name) interval", tolerance: 1e-9)
        #expect(byItem.stats.ratings.map(\.criterion) == ["quality", "unused"])
        #expect(byItem.stats.leaderboard == nil && byItem.stats.outcomes == nil && byItem.stats.positionBias.isEmpty)

        // The same units as the two responses of half as many items.
        var byResponse = JudgingTally(criteria: criteria)
        for pair in stride(from: 0, to: fixture.units.count, by: 2) {
            let units = fixture.units[pair..<min(pair + 2, fixture.units.count)].map { $0 }
            let coders = units.map(\.count).max() ?? 0
            byResponse.add((0..<coders).compactMap { coder -> (annotator: String, value: AnnotationValue)? in
                var models: [String: [String: Int]] = [:]
                for (n, unit) in units.enumerated() where coder < unit.count { models["m\(n)"] = ["quality": unit[coder]] }
                return models.isEmpty ? nil : ("c\(coder)", .answers(QuestionAnswers(ratings: .responses(models))))
            })
        }
        #expect(byResponse.stats.ratings == byItem.stats.ratings)
    }
}

/// Judging values are longer than the short value cache takes: the judging cache keeps them
/// by their bytes, and a value differing in one byte is parsed anew.
@Suite("Canonical value cache: judgments")
struct JudgingValueCacheTests {
    @Test func longJudgmentsComeBackEqualAndADifferentOneIsParsedAnew() throws {
        var cache = CanonicalValueCache()
        func parse(_ text: String) -> AnnotationValue? {
            Array(text.utf8).withUnsafeBufferPointer { cache.parse($0) }
        }
        let first = #"{"pairwise":{"winner":"atlas-7b","side":"left","left":"atlas-7b","right":"borealis-13b"},"ratings":{"atlas-7b":{"quality":5},"borealis-13b":{"quality":1}}}"#
        let second = first.replacingOccurrences(of: #""quality":5"#, with: #""quality":4"#)
        let value = try #require(parse(first))
        #expect(parse(first) == value)
        #expect(parse(first) == AnnotationValue(json: first))
        let other = try #require(parse(second))
        #expect(other != value && other == AnnotationValue(json: second))
        #expect(parse(#"{"pairwise":{"winner":"x"}}"#) == nil)
    }
}
