import GlossCore
import Testing

@Suite("Rating criteria tally and the judging tables")
struct JudgingTablesTests {
    /// Two criteria rated together on the same items give each its own fixture's α.
    @Test func criteriaKeepTheirOwnUnitsAndScales() throws {
        let helpful = try JudgingFixture.load("alpha-5coders-5points-missing.json", as: JudgingFixture.Alpha.self)
        let safe = try JudgingFixture.load("alpha-4coders-2points.json", as: JudgingFixture.Alpha.self)
        var tally = RatingAgreementTally(criteria: [("helpful", 1...5), ("safe", 1...2)])
        for i in 0..<max(helpful.units.count, safe.units.count) {
            let a = i < helpful.units.count ? helpful.units[i] : [], b = i < safe.units.count ? safe.units[i] : []
            let annotators = (0..<max(a.count, b.count)).map { j in
                var ratings: [String: Int] = ["unknown": 3]
                if j < a.count { ratings["helpful"] = a[j] }
                if j < b.count { ratings["safe"] = b[j] }
                return ratings
            }
            tally.add(annotators)
        }
        let results = tally.results
        #expect(results.map(\.criterion) == ["helpful", "safe"])
        expectClose(results[0].ordinal, helpful.expected["ordinal"] ?? nil, "helpful ordinal")
        expectClose(results[0].interval, helpful.expected["interval"] ?? nil, "helpful interval")
        expectClose(results[1].ordinal, safe.expected["ordinal"] ?? nil, "safe ordinal")
        #expect(results[0].units == helpful.units.filter { $0.count >= 2 }.count)
        #expect(results.allSatisfy { $0.outOfScale == 0 })
    }

    @Test func goldenTables() {
        let ratings = JudgingTables.ratings([
            CriterionAgreement(criterion: "helpfulness", points: 5, units: 1_204, ordinal: 0.71234, interval: 0.69, outOfScale: 0),
            CriterionAgreement(criterion: "safety", points: 2, units: 3, ordinal: nil, interval: nil, outOfScale: 1),
        ])
        #expect(ratings.joined(separator: "\n") == """
        Rating agreement (Krippendorff's α)
        CRITERION    SCALE  ITEMS  ORDINAL α  INTERVAL α
        helpfulness    1-5  1,204      0.712       0.690
        safety         1-2      3          -           -
        """)
        let bias = JudgingTables.positionBias([
            PositionBias(annotator: "ana", decisive: 64, leftWins: 35, leftShare: 35.0 / 64, pValue: 0.5323, lower: 0.4257, upper: 0.6627),
            PositionBias(annotator: "bo", decisive: 66, leftWins: 45, leftShare: 45.0 / 66, pValue: 0.00427, lower: 0.5621, upper: 0.7816),
            PositionBias(annotator: "dara", decisive: 70, leftWins: 20, leftShare: 20.0 / 70, pValue: 0.0004, lower: 0.19, upper: 0.39),
            PositionBias(annotator: "eli", decisive: 0, leftWins: 0, leftShare: nil, pValue: nil, lower: nil, upper: nil),
        ])
        #expect(bias.joined(separator: "\n") == """
        Position bias (sides are random: an unbiased annotator's left share is near 50%)
        ANNOTATOR  DECISIVE  LEFT WON   95% INTERVAL       P
        ana              64     54.7%  42.6% … 66.3%   0.532
        bo               66     68.2%  56.2% … 78.2%   0.004  ◀ prefers left
        dara             70     28.6%  19.0% … 39.0%  <0.001  ◀ prefers right
        eli               0         -              -       -
        """)
        #expect(JudgingTables.ratings([]).isEmpty && JudgingTables.positionBias([]).isEmpty)
    }
}
