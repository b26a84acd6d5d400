import GlossCore
import Testing

/// Edge cases and hand-computed values of the nominal coefficients.
@Suite("Agreement coefficients")
struct AgreementTests {
    /// Three units: a/a, a/b, b/b. Worked by hand: n_a = n_b = 3, one disagreeing unit.
    static let small: [[String]] = [["a", "a"], ["a", "b"], ["b", "b"]]

    @Test func handComputedSmallExample() {
        // Coincidences o_aa = 2, o_ab = o_ba = 1, o_bb = 2; α = 1 − 5·2 / (36 − 18) = 4/9.
        expectClose(Agreement.krippendorffAlpha(Self.small), 4.0 / 9.0, "α")
        expectClose(Agreement.percentAgreement(Self.small), 2.0 / 3.0, "percent")
        // P̄ = 2/3, P_e = 1/2: κ = (2/3 − 1/2) / (1/2) = 1/3.
        expectClose(Agreement.fleissKappa(Self.small), 1.0 / 3.0, "Fleiss κ")
        // p_o = 2/3, p_e = (2·1 + 1·2) / 9 = 4/9: κ = (2/9) / (5/9) = 0.4.
        expectClose(Agreement.cohensKappa([("a", "a"), ("a", "b"), ("b", "b")]), 0.4, "Cohen κ")
    }

    @Test func emptyInputIsUndefinedEverywhere() {
        #expect(Agreement.percentAgreement([]) == nil)
        #expect(Agreement.krippendorffAlpha([]) == nil)
        #expect(Agreement.fleissKappa([]) == nil)
        #expect(Agreement.cohensKappa([(String, String)]()) == nil)
        #expect(Agreement.cohensKappa([(String?, String?)]()) == nil)
        #expect(Agreement.perLabel([], labels: ["a"]) == [LabelAgreement(label: "a", units: 0, percent: nil, alpha: nil)])
        #expect(Agreement.spans([]) == SpanAgreement(items: 0, exactF1: nil, tokenF1: nil))
    }

    @Test func unitsWithFewerThanTwoValuesAreNotPairable() {
        let lonely: [[String]] = [["a"], [], ["b"]]
        #expect(Agreement.percentAgreement(lonely) == nil)
        #expect(Agreement.krippendorffAlpha(lonely) == nil)
        #expect(Agreement.fleissKappa(lonely) == nil)
        // Adding them to pairable data changes nothing: they are missing data, not values.
        let mixed = Self.small + lonely
        #expect(Agreement.krippendorffAlpha(mixed) == Agreement.krippendorffAlpha(Self.small))
        #expect(Agreement.percentAgreement(mixed) == Agreement.percentAgreement(Self.small))
        #expect(Agreement.fleissKappa(mixed) == Agreement.fleissKappa(Self.small))
    }

    @Test func allAgreeingOnOneCategoryIsPerfectPercentButUndefinedChanceCorrection() {
        let same: [[String]] = [["a", "a"], ["a", "a", "a"], ["a"]]
        #expect(Agreement.percentAgreement(same) == 1)
        #expect(Agreement.krippendorffAlpha(same) == nil)
        #expect(Agreement.fleissKappa(same) == nil)
        #expect(Agreement.cohensKappa([("a", "a"), ("a", "a")]) == nil)
    }

    @Test func perfectAgreementOverTwoCategoriesIsOne() {
        let units: [[String]] = [["a", "a", "a"], ["b", "b"], ["a", "a"]]
        #expect(Agreement.krippendorffAlpha(units) == 1)
        #expect(Agreement.fleissKappa(units) == 1)
        #expect(Agreement.cohensKappa([("a", "a"), ("b", "b")]) == 1)
    }

    @Test func oneUnit() {
        // m = 2, o_ab = o_ba = 1: α = 1 − 1·2 / (4 − 2) = 0; P̄ = 0, P_e = 1/2: κ = −1.
        #expect(Agreement.krippendorffAlpha([["a", "b"]]) == 0)
        #expect(Agreement.fleissKappa([["a", "b"]]) == -1)
        #expect(Agreement.percentAgreement([["a", "b"]]) == 0)
        // Three values, two agreeing: 2 of 6 ordered pairs agree.
        expectClose(Agreement.percentAgreement([["a", "a", "b"]]), 1.0 / 3.0, "percent")
    }

    @Test func coderWhoAlwaysSaysTheOppositeHasKappaZeroNotUndefined() {
        // Each coder used one category, different ones: p_o = p_e = 0.
        #expect(Agreement.cohensKappa([("a", "b"), ("a", "b")]) == 0)
    }

    @Test func cohenWithMissingValuesUsesOnlyUnitsBothCoded() {
        let pairs: [(String?, String?)] = [("a", "a"), ("a", nil), (nil, "b"), ("a", "b"), ("b", "b"), (nil, nil)]
        #expect(Agreement.cohensKappa(pairs) == Agreement.cohensKappa([("a", "a"), ("a", "b"), ("b", "b")]))
        #expect(Agreement.cohensKappa([("a", nil), (nil, "b")]) == nil)
    }

    @Test func koreanAndEmojiLabelsAreCategoriesLikeAnyOther() {
        let names = ["a": "긍정", "b": "👍🏽"]
        let renamed = Self.small.map { $0.map { names[$0]! } }
        #expect(Agreement.krippendorffAlpha(renamed) == Agreement.krippendorffAlpha(Self.small))
        #expect(Agreement.fleissKappa(renamed) == Agreement.fleissKappa(Self.small))
        // A skin tone makes a different emoji, so a different category.
        #expect(Agreement.percentAgreement([["👍", "👍🏽"]]) == 0)
        // Canonically equivalent spellings are one category.
        #expect(Agreement.percentAgreement([["\u{E9}tat", "e\u{301}tat"]]) == 1)
    }

    @Test func fleissWithUnequalCountsPoolsTheCategoryShares() {
        // P_1 = 1 (a,a,a), P_2 = 0 (a,b): P̄ = 1/2; pooled shares a = 4/5, b = 1/5:
        // P_e = 17/25, κ = (1/2 − 17/25) / (8/25) = −9/16.
        expectClose(Agreement.fleissKappa([["a", "a", "a"], ["a", "b"]]), -9.0 / 16.0, "Fleiss κ")
    }
}
