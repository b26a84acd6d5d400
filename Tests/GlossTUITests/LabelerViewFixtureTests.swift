import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import Testing
@testable import GlossTUI

/// States for the view tests, built field by field (never through `Labeler.update`), with
/// fixed dates so frames are deterministic: the session started at 09:00 and it is 09:30,
/// with 12 decisions saved (24/h).
enum ViewFixtures {
    static let start = Date(timeIntervalSince1970: 1_735_722_000)  // 2025-01-01 09:00 UTC
    static let now = start.addingTimeInterval(30 * 60)

    static func guide(_ name: String) throws -> Guide {
        let text = try String(contentsOfFile: Samples.guide(name), encoding: .utf8)
        return try #require(GuideParser.lint(text).guide)
    }

    /// A state on `guide` at `width`×`height`, mid-session, without an item.
    static func state(_ guideName: String = "sentiment.md", width: Int = 80, height: Int = 24,
                      colors: Bool = true) throws -> LabelerState {
        let guide = try guide(guideName)
        var state = LabelerState(project: "reviews", guide: guide, guideVersion: 2,
                                 annotator: "alice", width: width, height: height, decided: 12,
                                 total: 50, now: start, answer: TaskKinds.kind(for: guide.task).answer, colors: colors)
        state.now = now
        state.sessionDecisions = 12
        return state
    }

    /// `state` showing `item` (and a span editor for the spans task), laid out.
    static func showing(_ item: LabelerItem?, in state: LabelerState, spans: [LabeledRange] = []) -> LabelerState {
        var state = state
        state.item = item
        if state.guide.task == .spans, let item {
            state.spanEditor = SpanEditor(text: item.text, spans: spans)
        }
        state.relayout()
        return state
    }

    static let englishReview = LabelerItem(
        rowID: 1, externalID: "r001",
        text: "Finally a budgeting app that doesn't nag me every five minutes. Syncing with my bank took under a minute.",
        metadata: #"{"source":"app-store","stars":5}"#,
        suggestion: Suggestion(value: .label("positive"), confidence: 0.87))

    static let koreanReview = LabelerItem(
        rowID: 2, externalID: "kr01",
        text: "가격 보고 반신반의했는데 생각보다 훨씬 튼튼하네요. 캠핑 가서 이틀 내내 비를 맞았는데 텐트 안은 보송보송했습니다.",
        metadata: #"{"channel":"쇼핑몰","rating":4}"#)

    static let emojiPost = LabelerItem(
        rowID: 3, externalID: "s01",
        text: "Just shipped my first open-source PR 👩‍💻🎉 the maintainer said thanks and merged it in ten minutes! "
            + "Flags 🇰🇷🇯🇵🇧🇷, family 👨‍👩‍👧‍👦, thumbs 👍🏽 and a rainbow flag 🏳️‍🌈 in one line.",
        metadata: #"{"platform":"social"}"#)

    static let newsItem = LabelerItem(
        rowID: 4, externalID: "n02",
        text: "Retail sales in Tessaly rose 1.4 percent in March, the strongest monthly gain in more than a year, "
            + "according to the national statistics office. Economists credited a mild spring and falling fuel prices.",
        metadata: #"{"published":"2026-01-07"}"#)

    static let englishEntities = LabelerItem(
        rowID: 5, externalID: "e01", text: "Maria Lopez joined Northwind Analytics in Lisbon last spring.")

    static let koreanEntities = LabelerItem(rowID: 6, externalID: "e02", text: "삼성전자가 평택에 새 반도체 공장을 짓는다.")

    static let hostile = LabelerItem(
        rowID: 7, externalID: "x\u{1B}[31mred",
        text: "evil \u{1B}[2J\u{1B}]0;pwned\u{07} and \u{202E}reversed\u{202C} text\twith\ttabs\n"
            + "C1: \u{85}NEL \u{9B}31m CSI, DEL\u{7F}, line\u{2028}separator, isolate \u{2066}x\u{2069}\r\nlast line",
        metadata: #"{"note":"\u001b]0;title\u0007"}"#)

    static func longArticle() throws -> LabelerItem {
        let text = try String(contentsOfFile: Samples.path("long-articles/climate.txt"), encoding: .utf8)
        return LabelerItem(rowID: 8, externalID: "climate", text: text, metadata: #"{"words":1200}"#)
    }
}

@Suite struct LabelerViewFixtureTests {
    @Test func fixturesAreDeterministic() throws {
        let state = try ViewFixtures.state()
        #expect(Labeler.rate(state) == "24/h")
        #expect(state.now.timeIntervalSince(state.sessionStart) == 1800)
    }

    @Test func theRateWaitsTenSeconds() throws {
        var state = try ViewFixtures.state()
        state.now = state.sessionStart.addingTimeInterval(9)
        #expect(Labeler.rate(state) == "–/h")
    }

    @Test func progressBarCountsEighths() {
        #expect(Labeler.progressBar(decided: 12, total: 50) == "[█░░░░░░░]")
        #expect(Labeler.progressBar(decided: 50, total: 50) == "[████████]")
        #expect(Labeler.progressBar(decided: 0, total: 0) == "[░░░░░░░░]")
    }
}
