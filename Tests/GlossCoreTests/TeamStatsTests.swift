import Foundation
@testable import GlossCore
import Testing

/// Decision rows made by hand for the statistics tests: `t(minutes)` after 2026-01-05 00:00 UTC.
enum StatsFixture {
    static let start = Date(timeIntervalSince1970: 1_767_571_200)  // 2026-01-05T00:00:00Z
    static func t(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    static func row(_ id: Int64, _ item: String, _ annotator: String, _ label: String?, kind: AnnotationKind = .label,
                    at minutes: Double = 0, ms: Int? = nil, suggestion: Bool? = nil, version: Int = 1,
                    superseded: Bool = false, undone: Bool = false) -> StatsDecision {
        StatsDecision(id: id, item: item, annotator: annotator, kind: kind, value: label.map { .label($0) }, decidedAt: t(minutes),
                      activeMilliseconds: ms, suggestionShown: suggestion != nil, suggestionAccepted: suggestion,
                      guideVersion: version, superseded: superseded, undone: undone)
    }

    static func input(_ rows: [StatsDecision], total: Int = 10, overlap: Int = 1, gold: [String: AnnotationValue] = [:]) -> StatsInput {
        StatsInput(project: StatsProjectFacts(name: "p", task: .classify, overlap: overlap, totalItems: total, labels: ["pos", "neg"]),
                   decisions: rows, gold: gold)
    }
}

/// Metrics of one annotator at a time, so no agreement coefficient is needed.
@Suite("Team statistics: work, time, suggestions, gold, progress")
struct TeamStatsTests {
    typealias F = StatsFixture

    @Test func countsUndoRateActiveHoursItemsPerHourAndSecondsPerItem() throws {
        let rows = [
            F.row(1, "x", "ana", "pos", ms: 2000, superseded: true),  // changed later: its time still counts
            F.row(2, "x", "ana", "neg", ms: 4000),
            F.row(3, "y", "ana", nil, kind: .skip, ms: 1000),
            F.row(4, "z", "ana", nil, kind: .flag, ms: 3000, undone: true),
            F.row(5, "w", "ana", "pos"),  // imported without a time: counts as a decision, not in the seconds
        ]
        let a = try #require(TeamStats.report(F.input(rows)).annotators.first)
        #expect(a.rows == 5 && a.decisions == 3 && a.labels == 2 && a.skips == 1 && a.flags == 0)
        #expect(a.undone == 1 && a.undoRate == 0.2)
        // 2 + 4 + 1 + 3 = 10 s of active time = 10/3600 h; 3 decisions / (10/3600 h) = 1080 per hour.
        #expect(abs(a.activeHours - 10.0 / 3600) < 1e-12)
        #expect(abs(try #require(a.itemsPerHour) - 1080) < 1e-9)
        // Current measured seconds: 4 and 1. Median (1+4)/2 = 2.5; p90: h = 0.9, 1 + 0.9·3 = 3.7.
        #expect(a.medianSeconds == 2.5)
        #expect(abs(try #require(a.p90Seconds) - 3.7) < 1e-12)
    }

    @Test func percentilesInterpolateBetweenClosestRanks() {
        #expect(Percentile.of([], 0.5) == nil)
        #expect(Percentile.of([7], 0.9) == 7)
        #expect(Percentile.of([4, 1, 3, 2], 0.5) == 2.5)
        #expect(Percentile.of([1, 2, 3, 4, 5], 0.5) == 3)
        // h = 0.9 · 9 = 8.1 over 10..100: 90 + 0.1 · 10 = 91.
        #expect(abs(Percentile.of(stride(from: 10.0, through: 100, by: 10).map { $0 }, 0.9)! - 91) < 1e-9)
    }

    @Test func suggestionAcceptanceGoldLabelDistributionAndGuideVersions() throws {
        let rows = [
            F.row(1, "a", "ana", "pos", suggestion: true),
            F.row(2, "b", "ana", "neg", suggestion: false, version: 2),
            F.row(3, "c", "ana", "pos", suggestion: true, version: 2),
            F.row(4, "d", "ana", "pos", version: 2),
            F.row(5, "e", "ana", "neg", suggestion: true, undone: true),  // undone: not a decision any more
        ]
        let gold: [String: AnnotationValue] = ["a": .label("pos"), "b": .label("pos"), "c": .label("pos"), "q": .label("neg")]
        let a = try #require(TeamStats.report(F.input(rows, gold: gold)).annotators.first)
        #expect(a.suggestionsShown == 3 && a.suggestionsAccepted == 2)
        #expect(abs(try #require(a.suggestionAcceptance) - 2.0 / 3) < 1e-12)
        #expect(a.gold == GoldAccuracy(decided: 3, correct: 2, accuracy: 2.0 / 3, missed: ["b"]))
        #expect(a.labelDistribution == [LabelCount(label: "pos", count: 3), LabelCount(label: "neg", count: 1)])
        #expect(a.guideVersions == [VersionCount(version: 1, decisions: 1), VersionCount(version: 2, decisions: 3)])
    }

    @Test func progressCountsItemsByDecisionsAndThroughputByUTCDay() {
        let rows = [
            F.row(1, "a", "ana", "pos", at: 10), F.row(2, "a", "bob", nil, kind: .skip, at: 20),
            F.row(3, "b", "ana", "pos", at: 60 * 23 + 59), F.row(4, "c", "ana", "pos", at: 60 * 24 + 1),
            F.row(5, "d", "bob", "pos", at: 60 * 24 + 2, undone: true),
        ]
        let report = TeamStats.report(F.input(rows, total: 8, overlap: 2))
        #expect(report.progress.itemsTotal == 8 && report.progress.itemsDecided == 3 && report.progress.itemsComplete == 1)
        #expect(report.progress.completeShare == 1.0 / 8)
        #expect(report.progress.itemsByDecisions == [DecisionCount(decisions: 1, items: 2), DecisionCount(decisions: 2, items: 1)])
        #expect(report.progress.decisions == 4)
        #expect(report.throughput == [DayCount(date: "2026-01-05", decisions: 3), DayCount(date: "2026-01-06", decisions: 1)])
    }

    @Test func sinceKeepsLaterRowsAndAnnotatorKeepsOneSection() {
        let rows = [F.row(1, "a", "ana", "pos", at: 0, ms: 1000), F.row(2, "b", "ana", "pos", at: 90, ms: 3000),
                    F.row(3, "c", "bob", nil, kind: .flag, at: 120)]
        let later = TeamStats.report(F.input(rows), filter: StatsFilter(since: F.t(60)))
        #expect(later.annotators.map(\.name) == ["ana", "bob"])
        #expect(later.annotators[0].decisions == 1 && later.annotators[0].medianSeconds == 3)
        #expect(later.throughput.map(\.decisions) == [2])
        let one = TeamStats.report(F.input(rows), filter: StatsFilter(annotator: "bob"))
        #expect(one.annotators.map(\.name) == ["bob"] && one.annotators[0].flags == 1)
        #expect(one.progress.decisions == 3)
    }

    @Test func consensusIsTheAdjudicationElseTheOthersStrictPlurality() {
        let v: (String) -> AnnotationValue = { .label($0) }
        let labeled: [String: [String: AnnotationValue]] = [
            "ana": ["a": v("pos"), "b": v("pos"), "c": v("neg"), "d": v("pos")],
            "bob": ["a": v("pos"), "b": v("neg"), "c": v("neg"), "d": v("neg")],
            "cy": ["a": v("neg"), "b": v("neg"), "d": v("pos")],
        ]
        // ana: a others {pos, neg} tie: none; b others neg,neg: disagrees; c adjudicated neg: agrees;
        // d others {neg, pos} tie: none. 1 of 2.
        let ana = TeamStats.consensus("ana", labeled: labeled, adjudications: ["c": v("neg")])
        #expect(ana == ConsensusAgreement(items: 2, agreeing: 1, percent: 0.5))
        // cy: a others pos: no; b others {pos, neg}: none; d others {pos, neg}: none. 0 of 1.
        #expect(TeamStats.consensus("cy", labeled: labeled, adjudications: [:]) == ConsensusAgreement(items: 1, agreeing: 0, percent: 0))
    }

    @Test func nominalValuesIgnoreOrder() {
        #expect(NominalValue.key(.labels(["b", "a", "b"])) == NominalValue.key(.labels(["a", "b"])))
        #expect(NominalValue.key(.spans([LabeledRange(start: 5, end: 7, label: "X"), LabeledRange(start: 0, end: 2, label: "Y")]))
                == NominalValue.key(.spans([LabeledRange(start: 0, end: 2, label: "Y"), LabeledRange(start: 5, end: 7, label: "X")])))
        #expect(NominalValue.key(.labels(["a"])) != NominalValue.key(.labels(["a", "b"])))
    }
}
