import GlossCore
import Testing

/// Per-label binary agreement and span F1s on small hand-checked cases.
@Suite("Agreement per label and on spans")
struct AgreementLabelsAndSpansTests {
    @Test func perLabelBinarizesEachLabel() {
        let units: [[Set<String>]] = [
            [["billing", "환불"], ["billing"]],
            [["billing"], ["billing"], []],
            [[], []],
            [["환불"]],  // one coder: not pairable
        ]
        let result = Agreement.perLabel(units, labels: ["billing", "환불", "🔥"])
        #expect(result.map(\.label) == ["billing", "환불", "🔥"])
        #expect(result.allSatisfy { $0.units == 3 })
        // billing: units (p,p), (p,p,a), (a,a) are the small example of the nominal tests.
        let billing = Agreement.krippendorffAlpha([["p", "p"], ["p", "p", "a"], ["a", "a"]])
        #expect(result[0].alpha == billing)
        expectClose(result[0].percent, (1 + 1.0 / 3 + 1) / 3, "billing percent")
        // 환불: (p,a), (a,a,a), (a,a).
        #expect(result[1].alpha == Agreement.krippendorffAlpha([["p", "a"], ["a", "a", "a"], ["a", "a"]]))
        // Nobody used 🔥: everyone agrees it is absent, which says nothing about reliability.
        #expect(result[2].percent == 1)
        #expect(result[2].alpha == nil)
    }

    @Test func perLabelOnSingleLabelData() {
        let units: [[Set<String>]] = [[["pos"], ["pos"]], [["pos"], ["neg"]], [["neg"], ["neg"]]]
        let result = Agreement.perLabel(units, labels: ["pos", "neg"])
        // Binary single-label data with two labels: both labels see the same present/absent split.
        expectClose(result[0].alpha, 4.0 / 9.0, "pos α")
        expectClose(result[1].alpha, 4.0 / 9.0, "neg α")
        expectClose(result[0].percent, 2.0 / 3.0, "pos percent")
    }

    /// "삼성전자가 서울에서 👍🏽 발표": 삼성전자가 is scalars 0..<5, 서울에서 6..<10,
    /// 👍🏽 11..<13 (two scalars), 발표 14..<16.
    static let korean = "삼성전자가 서울에서 👍🏽 발표"

    @Test func koreanAndEmojiSpansUseScalarOffsets() {
        #expect(SpanTokenizer.tokens(Self.korean).map(\.range) == [0..<5, 6..<10, 11..<13, 14..<16])
        let first = [LabeledRange(start: 0, end: 4, label: "ORG"), LabeledRange(start: 11, end: 13, label: "🎯")]
        let second = [
            LabeledRange(start: 0, end: 5, label: "ORG"), LabeledRange(start: 11, end: 13, label: "🎯"),
            LabeledRange(start: 14, end: 16, label: "장소"),
        ]
        let result = Agreement.spans([SpanPair(text: Self.korean, first: first, second: second)])
        // Exact: only the emoji span matches: 2·1 / (2 + 3).
        #expect(result == SpanAgreement(items: 1, exactF1: 0.4, tokenF1: 0.8))
        // Tokens: 삼성전자가 ORG/ORG (the particle left out still covers the token),
        // 👍🏽 🎯/🎯, 발표 none/장소: TP 2, FP 1, FN 0 → 4/5.
        let swapped = Agreement.spans([SpanPair(text: Self.korean, first: second, second: first)])
        #expect(swapped == result)
    }

    @Test func nothingLabeledByEitherIsUndefinedButCounted() {
        let result = Agreement.spans([
            SpanPair(text: Self.korean, first: [], second: []), SpanPair(text: "", first: [], second: []),
        ])
        #expect(result == SpanAgreement(items: 2, exactF1: nil, tokenF1: nil))
    }

    @Test func oneSidedSpansScoreZero() {
        let spans = [LabeledRange(start: 6, end: 10, label: "LOC")]
        let result = Agreement.spans([SpanPair(text: Self.korean, first: spans, second: [])])
        #expect(result == SpanAgreement(items: 1, exactF1: 0, tokenF1: 0))
    }

    @Test func countsPoolOverItemsBeforeDividing() {
        let hit = LabeledRange(start: 0, end: 5, label: "ORG")
        let items = [
            SpanPair(text: Self.korean, first: [hit], second: [hit]),
            SpanPair(text: Self.korean, first: [hit, LabeledRange(start: 6, end: 10, label: "LOC")], second: []),
        ]
        // Exact: TP 1 over 1 + 1 + 2 + 0 spans gives 2/4. Tokens: TP 1, FN 2 gives 2/4.
        let result = Agreement.spans(items)
        #expect(result.exactF1 == 0.5)
        #expect(result.tokenF1 == 0.5)
        let third = SpanPair(text: "a b", first: [], second: [LabeledRange(start: 0, end: 1, label: "X")])
        // One more false positive: exact 2/5, token 2/5 (a per-item mean would give 1/3).
        #expect(Agreement.spans(items + [third]) == SpanAgreement(items: 3, exactF1: 0.4, tokenF1: 0.4))
    }

    @Test func aTokenCoveredByOverlappingSpansTakesTheEarliest() {
        // "Anika Patel": tokens 0..<5 and 6..<11. The first annotator's spans overlap.
        let first = [LabeledRange(start: 0, end: 11, label: "PER"), LabeledRange(start: 6, end: 11, label: "ORG")]
        let second = [LabeledRange(start: 6, end: 11, label: "PER")]
        let result = Agreement.spans([SpanPair(text: "Anika Patel", first: first, second: second)])
        // Tokens: Anika PER/none (FN), Patel PER/PER (TP): 2/3. Exact: no match.
        expectClose(result.tokenF1, 2.0 / 3.0, "token F1")
        #expect(result.exactF1 == 0)
    }
}
