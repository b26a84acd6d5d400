import Foundation
import GlossCore
import Testing

@Suite("Stats renderer: tables, flagged label, bars, escaping, width")
struct StatsRendererTests {
    static func report(name: String = "ana") -> StatsReport {
        let annotator = AnnotatorStats(
            name: name, rows: 4, decisions: 3, labels: 2, skips: 1, flags: 0, undone: 1, undoRate: 0.25, activeHours: 0.5,
            itemsPerHour: 6, medianSeconds: 2.5, p90Seconds: 3.7, suggestionsShown: 2, suggestionsAccepted: 1,
            suggestionAcceptance: 0.5, gold: GoldAccuracy(decided: 2, correct: 1, accuracy: 0.5, missed: ["item-7"]),
            pairs: [PairAgreement(other: "bob", items: 3, percent: 2.0 / 3, cohensKappa: -0.125, perLabel: nil, spans: nil)],
            consensus: ConsensusAgreement(items: 2, agreeing: 2, percent: 1), labelDistribution: [LabelCount(label: "pos", count: 2)],
            guideVersions: [VersionCount(version: 1, decisions: 3)])
        return StatsReport(
            project: "p", task: .classify, overlap: 2, since: nil, annotator: nil,
            progress: ProjectProgress(itemsTotal: 10, itemsDecided: 4, itemsComplete: 3, completeShare: 0.3,
                                      itemsByDecisions: [DecisionCount(decisions: 1, items: 1), DecisionCount(decisions: 2, items: 3)], decisions: 7),
            agreement: ProjectAgreement(items: 3, krippendorffAlpha: 0.412, fleissKappa: 0.4, percent: 0.75,
                                        perLabel: [LabelAgreement(label: "pos", units: 3, percent: 0.9, alpha: 0.7),
                                                   LabelAgreement(label: "neg", units: 3, percent: 0.6, alpha: 0.1)],
                                        lowestLabel: "neg"),
            throughput: [DayCount(date: "2026-01-05", decisions: 8), DayCount(date: "2026-01-06", decisions: 2)],
            annotators: [annotator])
    }

    @Test func drawsTablesAndFlagsTheLeastAgreedLabel() {
        let lines = StatsRenderer.lines(Self.report(), width: 200)
        #expect(lines.contains("Progress: 3 of 10 items complete (30.0%), 4 decided, 7 decisions"))
        #expect(lines.contains { $0.hasPrefix("neg") && $0.hasSuffix("◀ least agreed") })
        #expect(!lines.contains { $0.hasPrefix("pos ") && $0.contains("least agreed") })
        #expect(lines.contains { $0.hasPrefix("ana") && $0.contains("bob") && $0.contains("66.7%") && $0.contains("-0.125") })
        #expect(lines.contains("  ana: item-7"))
    }

    @Test func barsAreProportionalAndFitTheWidth() throws {
        let lines = StatsRenderer.lines(Self.report(), width: 40)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        let day1 = try #require(lines.first { $0.hasPrefix("2026-01-05") })
        let day2 = try #require(lines.first { $0.hasPrefix("2026-01-06") })
        // 40 columns - date 10 - gaps 4 - count 1 = 25 columns of bar; 8 of 8 fills it, 2 of 8 a quarter.
        #expect(day1 == "2026-01-05  " + String(repeating: "█", count: 25) + "  8")
        #expect(day2.hasPrefix("2026-01-06  " + String(repeating: "█", count: 6) + "▎"))
        #expect(ThroughputChart.bar(1, of: 1000, width: 10) == "▏")
    }

    @Test func namesFromTheDataAreEscaped() {
        let lines = StatsRenderer.lines(Self.report(name: "ev\u{1B}[2Jil"), width: 200)
        #expect(!lines.joined().contains("\u{1B}"))
        #expect(lines.contains { $0.contains("ev\\u{1B}[2Jil") })
    }

    @Test func jsonKeysAreSnakeCaseWithISODates() throws {
        var report = Self.report()
        report.since = Date(timeIntervalSince1970: 1_767_571_200)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        let text = String(decoding: try encoder.encode(report), as: UTF8.self)
        #expect(text.contains("\"since\":\"2026-01-05T00:00:00Z\""))
        #expect(text.contains("\"krippendorff_alpha\":0.412") && text.contains("\"items_per_hour\":6"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(StatsReport.self, from: Data(text.utf8)) == report)
    }
}
