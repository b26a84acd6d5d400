import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import Testing
@testable import GlossTUI

/// Frames of the labeling screen compared with reviewed plain text in
/// Tests/Fixtures/frames/NAME-WxH.txt. After an intended change, regenerate with
/// `GLOSS_UPDATE_GOLDEN=1 swift test --filter LabelerViewGolden` and review the diff.
@Suite("Labeler view golden frames")
struct LabelerViewGoldenTests {
    enum Scenario: String, CaseIterable, Sendable {
        case english, korean, emoji, guide, help, multilabel, spans, spansKorean
        case longScrolled, queueDone, prompt, error, hostile
        case suggested, confirm
    }

    static let sizes = [(80, 24), (40, 12)]
    static let cases: [(Scenario, Int, Int)] = Scenario.allCases.flatMap { s in sizes.map { (s, $0.0, $0.1) } }

    /// The state of `scenario` at a size.
    static func state(_ scenario: Scenario, width: Int, height: Int, colors: Bool = true) throws -> LabelerState {
        func base(_ guide: String = "sentiment.md") throws -> LabelerState {
            try ViewFixtures.state(guide, width: width, height: height, colors: colors)
        }
        func entities() throws -> LabelerState {
            var state = try base("entities.md")
            state.project = "entities"
            return state
        }
        switch scenario {
        case .english:
            var state = try base()
            state.status = StatusLine("saved · negative")
            return ViewFixtures.showing(ViewFixtures.englishReview, in: state)
        case .korean:
            var state = try base("sentiment-ko.md")
            state.project = "리뷰-ko"
            state.annotator = "서연"
            return ViewFixtures.showing(ViewFixtures.koreanReview, in: state)
        case .suggested:
            var state = try base()
            state.order = .uncertain
            state = ViewFixtures.showing(ViewFixtures.englishReview, in: state)
            state.item?.suggestion = Suggestion(value: .label("positive"), confidence: 0.72, probabilities: [
                "positive": 0.72, "negative": 0.05, "neutral": 0.15, "mixed": 0.08,
            ])
            state.relayout()
            return state
        case .confirm:
            var state = try base()
            state.order = .confident
            state = ViewFixtures.showing(ViewFixtures.englishReview, in: state)
            let texts = [
                ("r101", "Love it.\nFive stars from me", "positive", 0.97), ("r102", "Broke after a day", "negative", 0.93),
                ("r103", "서비스가 정말 친절했어요 👍", "positive", 0.9), ("r104", "\u{1B}[2Jfine I guess", "neutral", 0.81),
            ]
            let rows = texts.map { id, text, label, p in
                ConfirmRow(rowID: Int64(id.dropFirst())!, externalID: id, text: text,
                           suggestion: Suggestion(value: .label(label), confidence: p, probabilities: [label: p]), label: label)
            }
            var list = ConfirmList(rows: rows, cursor: 2, openedAt: state.now)
            list.rows[1].label = "mixed"
            state.mode = .confirm(list)
            state.relayout()
            return state
        case .emoji:
            var state = try base()
            state.order = .uncertain
            return ViewFixtures.showing(ViewFixtures.emojiPost, in: state)
        case .guide:
            var state = try base()
            state.guideVisible = true
            state.guideScroll = 2
            return ViewFixtures.showing(ViewFixtures.englishReview, in: state)
        case .help:
            var state = ViewFixtures.showing(ViewFixtures.englishReview, in: try base())
            state.mode = .help(scroll: 0)
            return state
        case .multilabel:
            var state = try base("topics.md")
            state.project = "news"
            state.selectedLabels = ["economy", "technology"]
            return ViewFixtures.showing(ViewFixtures.newsItem, in: state)
        case .spans:
            var state = ViewFixtures.showing(ViewFixtures.englishEntities, in: try entities(), spans: [
                LabeledRange(start: 0, end: 11, label: "person"),
                LabeledRange(start: 19, end: 38, label: "organization"),
            ])
            for _ in 0..<6 { state.spanEditor?.moveRight() }  // on "Lisbon"
            state.spanEditor?.extendRight()                   // "Lisbon last"
            return state
        case .spansKorean:
            var state = ViewFixtures.showing(ViewFixtures.koreanEntities, in: try entities(), spans: [
                LabeledRange(start: 0, end: 4, label: "organization"),
                LabeledRange(start: 6, end: 8, label: "location"),
            ])
            state.spanEditor?.nudgeEnd(by: -1)  // "삼성전자", the particle left out
            return state
        case .longScrolled:
            var state = ViewFixtures.showing(try ViewFixtures.longArticle(), in: try base())
            state.itemScroll = 5
            return state
        case .queueDone:
            var state = try base()
            state.decided = 50
            state.status = StatusLine("saved · mixed")
            return ViewFixtures.showing(nil, in: state)
        case .prompt:
            var state = ViewFixtures.showing(ViewFixtures.englishReview, in: try base())
            state.mode = width >= 80
                ? .prompt(Prompt(.command, text: "goto r042"))
                : .prompt(Prompt(.comment, text: "the second sentence is a different review pasted in by mistake"))
            return state
        case .error:
            var state = ViewFixtures.showing(ViewFixtures.englishReview, in: try base())
            state.status = StatusLine("no item with id zz9 in this project", isError: true)
            return state
        case .hostile:
            var state = ViewFixtures.showing(ViewFixtures.hostile, in: try base())
            state.status = StatusLine("saved · \u{1B}[2Jcleared", isError: false)
            return state
        }
    }

    @Test(arguments: cases)
    func matchesGolden(_ c: (Scenario, Int, Int)) throws {
        let screen = Labeler.view(try Self.state(c.0, width: c.1, height: c.2))
        try GoldenFrame.check(screen, "\(c.0.rawValue)-\(c.1)x\(c.2)")
    }

    @Test(arguments: cases)
    func monochromeShowsTheSameTextWithoutColor(_ c: (Scenario, Int, Int)) throws {
        let color = Labeler.view(try Self.state(c.0, width: c.1, height: c.2))
        let mono = Labeler.view(try Self.state(c.0, width: c.1, height: c.2, colors: false))
        #expect(mono.plainText == color.plainText)
        #expect(mono.cells.allSatisfy { $0.style.foreground == nil && $0.style.background == nil })
    }

    @Test func sideBySideGuideAt120() throws {
        var state = try Self.state(.english, width: 120, height: 30)
        state.guideVisible = true
        state.relayout()
        try GoldenFrame.check(Labeler.view(state), "guide-side-120x30")
    }

    @Test func spansBesideTheGuide() throws {
        var state = try Self.state(.spans, width: 120, height: 30)
        state.guideVisible = true
        state.guideScroll = 4
        state.relayout()
        try GoldenFrame.check(Labeler.view(state), "spans-guide-side-120x30")
    }

    @Test func helpForSpansScrolled() throws {
        var state = try Self.state(.spans, width: 80, height: 24)
        state.mode = .help(scroll: 10)
        try GoldenFrame.check(Labeler.view(state), "help-spans-scrolled-80x24")
    }

    @Test func tooSmall() throws {
        let state = try Self.state(.english, width: 30, height: 10)
        try GoldenFrame.check(Labeler.view(state), "too-small-30x10")
    }
}

/// Compares a screen's plain text with a golden file, or writes it under
/// GLOSS_UPDATE_GOLDEN=1.
enum GoldenFrame {
    static func check(_ screen: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = Samples.fixture("frames/\(name).txt")
        let actual = screen.plainText + "\n"
        if ProcessInfo.processInfo.environment["GLOSS_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("no golden frame at \(path); run with GLOSS_UPDATE_GOLDEN=1 and review it",
                         sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        Issue.record(Comment(rawValue: difference(expected: expected, actual: actual, name: name, path: path)),
                     sourceLocation: sourceLocation)
    }

    /// The rows that differ, each as expected and actual between bars, then the whole frame.
    static func difference(expected: String, actual: String, name: String, path: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out = "frame \(name) differs from \(path) (GLOSS_UPDATE_GOLDEN=1 rewrites it):\n"
        for row in 0..<max(old.count, new.count) {
            let a = row < old.count ? String(old[row]) : "<none>"
            let b = row < new.count ? String(new[row]) : "<none>"
            if a != b { out += "row \(row):\n  expected |\(a)|\n  actual   |\(b)|\n" }
        }
        return out + "actual frame:\n" + actual
    }
}
