import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTerminal
import GlossTestSupport
import GlossTUI
import Testing
@testable import GlossApp

@Suite("The labeler's runtime loop against a fake terminal and a real store")
struct LabelingRunTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try GlossDatabase.open(path: dir.path("g.db"))
        _ = try store.importItems(ImportRequest(dataset: "reviews", sources: [ImportSource(path: Samples.path("reviews.jsonl"))]))
        let text = try String(contentsOfFile: Samples.guide("sentiment.md"), encoding: .utf8)
        try store.createProject(name: "rev", dataset: "reviews", guide: #require(GuideParser.lint(text).guide), author: "lead")
    }

    func run(_ terminal: FakeTerminal, annotator: String = "ana") throws -> (ProgramExit, LabelingRun.Summary) {
        let summary = try LabelingRunTests.run(store, terminal, annotator: annotator)
        return (summary.exit, summary)
    }

    /// A labeling run of `annotator` on project "rev" without a model, in `terminal`.
    static func run(_ store: GlossDatabase, _ terminal: FakeTerminal, annotator: String = "ana",
                    guideCheckInterval: TimeInterval = 2,
                    model: ((LabelingSession) throws -> ModelWorker)? = nil) throws -> LabelingRun.Summary {
        let options = LabelingRun.Options(annotator: annotator, model: model != nil, guideCheckInterval: guideCheckInterval,
                                          host: "test")
        let run = try LabelingRun(database: store, project: "rev", options: options, terminalSize: terminal.size,
                                  clock: SteppingClock().now, model: model)
        return try withTerminal(terminal) { try run.run(on: $0, colors: false) }
    }

    func values() throws -> [String] {
        try SQLiteShell(store.path).column("SELECT value FROM annotations WHERE undone_at IS NULL AND superseded_by IS NULL ORDER BY id")
            .map { $0.string ?? "" }
    }

    @Test func eachKeySavesBeforeTheNextFrameAndQuitClosesTheSession() throws {
        let terminal = FakeTerminal(keys: [.character("p"), .character("n"), .backspace, .character("u"), .character("q")])
        let (exit, session) = try run(terminal)
        #expect(exit == .quit)
        #expect(try values() == [#"{"label":"positive"}"#, #"{"label":"neutral"}"#])
        #expect(session.decided == 2)
        #expect(terminal.stopCount >= 1 && terminal.framesDrawnWhileStopped == 0)
        #expect(terminal.frames.count == 5, "a first frame, then one per key but the last, q")
        #expect(terminal.frames[1].plainText.contains("saved #r001"))
        #expect(terminal.frames[3].plainText.contains("undone"))
        let record = try #require(try store.sessions(project: "rev").first)
        #expect(record.endReason == "quit" && record.labels == 3 && record.undos == 1 && record.keystrokes == 5)
        #expect(record.keyP50Milliseconds != nil && record.firstDrawMilliseconds != nil && record.peakRSSKilobytes != nil)
    }

    @Test func aSignalEndsTheRunWithItsNumberAndKeepsTheDecisions() throws {
        let terminal = FakeTerminal(events: [.key(.character("p")), .interrupted(signal: SIGHUP), .key(.character("n"))])
        let (exit, _) = try run(terminal)
        #expect(exit == .interrupted(signal: SIGHUP))
        #expect(try values() == [#"{"label":"positive"}"#])
        #expect(try store.sessions(project: "rev").first?.endReason == "signal 1")
    }

    @Test func historyKeysRevisitAndChangeAnEarlierDecision() throws {
        let terminal = FakeTerminal(keys: [.character("p"), .character("p"), .character("["), .character("["),
                                           .character("n"), .character("q")])
        let (_, session) = try run(terminal)
        #expect(try values() == [#"{"label":"positive"}"#, #"{"label":"negative"}"#])
        #expect(session.decided == 2)
        let superseded = try SQLiteShell(store.path).int("SELECT COUNT(*) FROM annotations WHERE superseded_by IS NOT NULL")
        #expect(superseded == 1)
    }

    @Test func changingTheNewestDecisionFromHistoryGoesBackToTheQueue() throws {
        let terminal = FakeTerminal(keys: [.character("p"), .character("p"), .character("["), .character("n"), .character("q")])
        let (_, session) = try run(terminal)
        #expect(try values() == [#"{"label":"positive"}"#, #"{"label":"negative"}"#])
        #expect(session.decided == 2)
        let afterChange = terminal.frames[4].plainText
        #expect(afterChange.contains("#r003") && afterChange.contains("saved #r002 · negative (changed)"), "\(afterChange)")
        let rows = try SQLiteShell(store.path).int("SELECT COUNT(*) FROM annotations")
        #expect(rows == 3, "one change, no repeated saves of the same item")
    }

    @Test func changingAnOlderDecisionShowsTheNextNewerOne() throws {
        let terminal = FakeTerminal(keys: [.character("p"), .character("p"), .character("p"), .character("["), .character("["),
                                           .character("["), .character("u"), .character("q")])
        _ = try run(terminal)
        let afterChange = terminal.frames[7].plainText
        #expect(afterChange.contains("#r002") && afterChange.contains("history"), "\(afterChange)")
    }

    @Test func resizingRedrawsAtTheNewSize() throws {
        let terminal = FakeTerminal(events: [.resize(width: 40, height: 12), .resize(width: 20, height: 8), .key(.character("q"))])
        _ = try run(terminal)
        // A reply of the model's thread may redraw at a size once more; the sizes come in order.
        let widths = terminal.frames.map(\.width).reduce(into: [Int]()) { if $0.last != $1 { $0.append($1) } }
        #expect(widths == [80, 40, 20], "no frame after q")
        #expect(terminal.frames.last?.plainText.contains("too small") == true)
    }
}

@Suite("The labeler notices a guide published by another process")
struct LabelerGuideWatchTests {
    @Test func aNewGuideVersionShowsABannerAndLaterDecisionsRecordIt() throws {
        let dir = try TemporaryDirectory()
        let store = try GlossDatabase.open(path: dir.path("g.db"))
        _ = try store.importItems(ImportRequest(dataset: "reviews", sources: [ImportSource(path: Samples.path("reviews.jsonl"))]))
        let text = try String(contentsOfFile: Samples.guide("sentiment.md"), encoding: .utf8)
        try store.createProject(name: "rev", dataset: "reviews", guide: #require(GuideParser.lint(text).guide), author: "lead")
        let edited = text + "\n\nWhen in doubt, choose neutral.\n"
        let lead = try GlossDatabase.open(path: dir.path("g.db"))  // another connection, as another process has
        let terminal = FakeTerminal(keys: [.character("p"), .character("n")])
        var delivered = 0
        terminal.beforeDelivering = { _ in
            delivered += 1
            if delivered == 2 {
                _ = try? lead.publishGuide(project: "rev", guide: GuideParser.lint(edited).guide!, author: "lead", message: "sharper descriptions")
            }
        }
        // The check runs off the key's frame: the next decision comes once the banner is up
        // (polled for up to 10 s: a loaded machine may take a while).
        var polls = 0
        terminal.whenEmpty = {
            polls += 1
            let bannerUp = terminal.frames.last?.plainText.contains("guide v2 by lead") == true
            if bannerUp || polls > 2000 { terminal.whenEmpty = nil; return [.key(.character("u")), .key(.character("q"))] }
            Thread.sleep(forTimeInterval: 0.005)
            return [.timeout]
        }
        _ = try LabelingRunTests.run(store, terminal, guideCheckInterval: 0)
        let banner = terminal.frames.firstIndex { $0.plainText.contains("guide v2 by lead: sharper descriptions") }
        let shown = try #require(banner)
        #expect(terminal.frames[shown].plainText.contains("guide v2 by lead: sharper descriptions · text edited"))
        #expect(terminal.frames.last?.plainText.contains("guide v2 by lead") == false, "the next save clears the banner")
        let versions = try SQLiteShell(store.path).column("SELECT guide_version FROM annotations ORDER BY id").map(\.int)
        #expect(versions.first == 1 && versions.last == 2)
    }
}

@Suite("The labeler's :stats dashboard")
struct LabelerStatsDashboardTests {
    @Test func statsOpensTheTeamReportOffTheKeyPathAndEscGoesBack() throws {
        let dir = try TemporaryDirectory()
        let store = try GlossDatabase.open(path: dir.path("g.db"))
        _ = try store.importItems(ImportRequest(dataset: "reviews", sources: [ImportSource(path: Samples.path("reviews.jsonl"))]))
        let text = try String(contentsOfFile: Samples.guide("sentiment.md"), encoding: .utf8)
        try store.createProject(name: "rev", dataset: "reviews", guide: #require(GuideParser.lint(text).guide), author: "lead")
        let terminal = FakeTerminal(keys: [.character("p"), .character("n")])
        terminal.type(":stats")
        terminal.events.append(.key(.enter))
        var waited = 0
        terminal.whenEmpty = {
            // Wait (a few polls) until the dashboard has drawn, then leave it and quit.
            waited += 1
            let loaded = terminal.frames.last?.plainText.contains("Progress: ") == true
            return loaded || waited > 2000 ? [.key(.escape), .key(.character("q"))] : [.timeout]
        }
        _ = try LabelingRunTests.run(store, terminal)
        let dashboard = try #require(terminal.frames.last { $0.plainText.contains("Progress: ") })
        #expect(dashboard.plainText.contains("Project rev · classify · overlap 1"))
        #expect(dashboard.plainText.contains("2 decided"))
        #expect(dashboard.plainText.contains("ana"))
        #expect(terminal.frames.last?.plainText.contains("Progress: ") == false, "Esc went back to the item")
    }
}

/// A clock a quarter of a second later at each reading: fake keys arrive in microseconds,
/// and a decision sooner than a person can read the item is refused.
final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time = Date(timeIntervalSince1970: 1_700_000_000)

    var now: @Sendable () -> Date {
        { [self] in lock.withLock { time = time.addingTimeInterval(0.25); return time } }
    }
}
