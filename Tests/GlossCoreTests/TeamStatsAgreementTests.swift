import Foundation
import GlossCore
import GlossTasks
import Testing

/// The agreement parts of the report; they call GlossCore's `Agreement`, so they need its
/// implementation (the `agree` branch). The pairs' κ and F1 come from the task kind's
/// measure, handed in as `gloss stats` hands it in.
@Suite("Team statistics: pairwise and project agreement")
struct TeamStatsAgreementTests {
    typealias F = StatsFixture

    /// ana: pos pos neg neg; bob: pos neg neg neg on items a…d.
    static let rows = [
        F.row(1, "a", "ana", "pos"), F.row(2, "b", "ana", "pos"), F.row(3, "c", "ana", "neg"), F.row(4, "d", "ana", "neg"),
        F.row(5, "a", "bob", "pos"), F.row(6, "b", "bob", "neg"), F.row(7, "c", "bob", "neg"), F.row(8, "d", "bob", "neg"),
        F.row(9, "e", "bob", "pos"),  // only bob: not a unit
    ]

    @Test func cohensKappaOfAPairByHand() throws {
        let report = TeamStats.report(F.input(Self.rows), agreement: ClassifyAgreement())
        let ana = try #require(report.annotators.first { $0.name == "ana" })
        let pair = try #require(ana.pairs.first)
        #expect(pair.other == "bob" && pair.items == 4 && pair.percent == 0.75)
        // pₒ = 3/4; pₑ = ½·¼ (pos) + ½·¾ (neg) = ½; κ = (¾ − ½)/(1 − ½) = ½.
        #expect(abs(try #require(pair.cohensKappa) - 0.5) < 1e-9)
    }

    @Test func projectAlphaFleissAndPercentByHand() throws {
        let agreement = TeamStats.report(F.input(Self.rows), agreement: ClassifyAgreement()).agreement
        #expect(agreement.items == 4)
        // 8 values: pos 3, neg 5. Dₒ = 2/8 (unit b's two ordered disagreeing pairs);
        // Dₑ = 2·3·5/(8·7) = 30/56; α = 1 − (2/8)/(30/56) = 1 − 14/30 = 16/30.
        #expect(abs(try #require(agreement.krippendorffAlpha) - 16.0 / 30) < 1e-9)
        // P̄ = 3/4; Pₑ = (3/8)² + (5/8)² = 34/64; κ = (48/64 − 34/64)/(30/64) = 14/30.
        #expect(abs(try #require(agreement.fleissKappa) - 14.0 / 30) < 1e-9)
        #expect(abs(try #require(agreement.percent) - 0.75) < 1e-9)
        #expect(agreement.perLabel.map(\.label) == ["pos", "neg"])
    }

    @Test func multilabelPairsGetPerLabelAgreementAndSpansGetF1() throws {
        var input = F.input([
            StatsDecision(id: 1, item: "a", annotator: "ana", kind: .label, value: .labels(["x", "y"]), decidedAt: F.t(0)),
            StatsDecision(id: 2, item: "a", annotator: "bob", kind: .label, value: .labels(["y", "x"]), decidedAt: F.t(1)),
        ])
        input.project.task = .multilabel
        let pair = try #require(TeamStats.report(input, agreement: MultilabelAgreement()).annotators.first?.pairs.first)
        #expect(pair.percent == 1 && pair.perLabel?.map(\.label) == ["x", "y"])
        var spans = F.input([
            StatsDecision(id: 1, item: "a", annotator: "ana", kind: .label, value: .spans([LabeledRange(start: 0, end: 3, label: "ORG")]), decidedAt: F.t(0)),
            StatsDecision(id: 2, item: "a", annotator: "bob", kind: .label, value: .spans([LabeledRange(start: 0, end: 3, label: "ORG")]), decidedAt: F.t(1)),
        ])
        spans.project.task = .spans
        spans.texts = ["a": "ACME sells"]
        let spanPair = try #require(TeamStats.report(spans, agreement: SpansAgreement()).annotators.first?.pairs.first)
        #expect(spanPair.cohensKappa == nil && spanPair.spans?.exactF1 == 1)
    }
}
