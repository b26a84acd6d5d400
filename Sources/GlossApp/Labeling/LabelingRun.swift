import Foundation
import GlossCore
import GlossStore
import GlossTerminal
import GlossTasks
import GlossTUI

/// One annotator's labeling session in a terminal: it opens the session in the store, runs
/// the labeler (the `Labeler` program with `LabelingEffects`) until the annotator quits or
/// a signal arrives, then closes the session row and reports what the session did.
public final class LabelingRun {
    /// How the session runs.
    public struct Options {
        public var annotator: String
        /// The item order (nil: the project's); sequential without a model.
        public var order: ItemOrder?
        /// Whether the model suggests labels and picks items.
        public var model: Bool
        /// A fixed list to walk instead of the queue (`gloss eval --browse`); no model then.
        public var browse: BrowseList?
        public var lease: TimeInterval
        /// When the process started, for the first-draw time stored on the session.
        public var launchedAt: Date
        /// How often the store is asked for a newer guide.
        public var guideCheckInterval: TimeInterval
        /// The host recorded on the session row.
        public var host: String

        public init(annotator: String, order: ItemOrder? = nil, model: Bool = true, browse: BrowseList? = nil,
                    lease: TimeInterval = LabelingSession.defaultLease, launchedAt: Date = Date(),
                    guideCheckInterval: TimeInterval = 2, host: String = HostName.current) {
            self.annotator = annotator
            self.order = order
            self.model = model
            self.browse = browse
            self.lease = lease
            self.launchedAt = launchedAt
            self.guideCheckInterval = guideCheckInterval
            self.host = host
        }
    }

    /// What a finished run did, for the line printed after it.
    public struct Summary: Sendable, Equatable {
        public var exit: ProgramExit
        public var sessionID: Int64
        /// The session's labels, skips and flags that stand at the end, counted as `gloss
        /// stats` and `:stats` count them (a changed or undone decision is not one).
        public var labels, skips, flags: Int
        /// Decisions the session changed, and undos it made.
        public var changes, undos: Int
        /// The annotator's decided count at the end, and the project's item count.
        public var decided: Int
        public var total: Int
        /// What a save still waiting for the store when the run ended was saving (it was
        /// stopped, so it is not stored), e.g. "positive".
        public var unsaved: String?
    }

    public let session: LabelingSession
    private let database: GlossDatabase
    private let options: Options
    private let order: ItemOrder
    private let clock: @Sendable () -> Date
    private let model: ModelWorker?
    /// Fills the search index while the annotator works.
    private let searchIndexer: SearchIndexer

    /// Opens the session (its row records the terminal's size and the order). `model`
    /// makes the model worker instead of the labeler's own (tests).
    public init(database: GlossDatabase, project: String, options: Options, terminalSize: (width: Int, height: Int),
                clock: @escaping @Sendable () -> Date = { Date() },
                model: ((LabelingSession) throws -> ModelWorker)? = nil) throws {
        let summary = try database.project(named: project)
        let stored = summary.itemOrder
        // A task no model learns (pairwise) labels without one, in sequence.
        let wantsModel = options.model && options.browse == nil && TaskKinds.kind(for: summary.task).modelFamily != .none
        order = wantsModel ? options.order ?? stored : .sequential
        self.database = database
        self.options = options
        self.clock = clock
        session = try LabelingSession.start(
            database: database, project: project, annotator: options.annotator, host: options.host,
            terminalWidth: terminalSize.width, terminalHeight: terminalSize.height,
            order: options.browse?.name ?? order.rawValue, lease: options.lease)
        searchIndexer = SearchIndexer(database: database)
        if let model {
            self.model = try model(session)
        } else if wantsModel {
            self.model = ModelWorker(model: LabelModels.make(for: session.guide), feed: session.sampler(), order: order,
                                     guideVersion: session.guideVersion)
        } else {
            self.model = nil
        }
    }

    /// Runs the labeler on `terminal` (started; `colors`: whether it draws in color) and
    /// closes the session however it ends.
    public func run<Backend: TerminalBackend>(on terminal: Backend, colors: Bool) throws -> Summary {
        model?.start()
        searchIndexer.start()
        defer { searchIndexer.stop() }
        var keepModel = true
        defer { model?.stop(keepingState: keepModel) }
        let handler = LabelingEffects(session: session, model: model, clock: clock)
        let runtime = ProgramRuntime<Labeler, LabelingEffects, Backend>(
            state: initialState(size: terminal.size, colors: colors), handler: handler, terminal: terminal, clock: clock)
        handler.keyStats = { [unowned runtime] in Self.stats(runtime.timings) }
        handler.itemShown = { [searchIndexer] in searchIndexer.nudge() }
        handler.suspendTerminal = { body in
            terminal.stop()
            body()
            try? terminal.start()
        }
        let exit = runtime.run(start: [.opened(at: clock())]) {
            try? session.record(stats: Self.stats(runtime.timings),
                                firstDrawMilliseconds: Date().timeIntervalSince(options.launchedAt) * 1000)
        }
        defer { handler.stop() }
        let abandoned = abandonWait(handler, state: runtime.state)
        keepModel = !abandoned.interrupted  // a store still busy would hold the quit up
        let reason = switch exit {
        case .quit: "quit"
        case .interrupted(let signal): "signal \(signal)"
        }
        if !abandoned.interrupted {
            try session.finish(reason: reason, stats: Self.stats(runtime.timings), peakRSSKilobytes: PeakMemory.kilobytes(),
                               at: clock())
        }
        let record = try database.sessions(project: session.project).first { $0.id == session.sessionID }
        let standing = try session.standingDecisions()
        return Summary(exit: exit, sessionID: session.sessionID, labels: standing.labels, skips: standing.skips,
                       flags: standing.flags, changes: record?.changes ?? 0, undos: record?.undos ?? 0,
                       decided: runtime.state.decided, total: session.total, unsaved: abandoned.unsaved)
    }

    /// A run that ends while a save still waits for the store (quit or a signal during a
    /// lock held elsewhere) stops the wait rather than outlast it: the write is interrupted
    /// (so it cannot commit later), and what it was saving is reported as not saved. The
    /// session row is then left for its lease to expire, as a killed session's is (the
    /// store, interrupted, no longer waits for the other process's lock).
    private func abandonWait(_ handler: LabelingEffects, state: LabelerState) -> (interrupted: Bool, unsaved: String?) {
        guard handler.isBusy else { return (false, nil) }
        session.interrupt()
        handler.settle(within: .milliseconds(500))
        let saved = handler.takeMessages().contains {
            if case .loaded(let navigation) = $0, case .saved = navigation.cause { true } else { false }
        }
        return (true, saved ? nil : state.waiting?.saving)
    }

    private func initialState(size: (width: Int, height: Int), colors: Bool) -> LabelerState {
        var state = LabelerState(
            project: session.project, guide: session.guide, guideVersion: session.guideVersion,
            annotator: session.annotator, width: size.width, height: size.height, decided: session.decidedAtStart,
            total: session.total, now: clock(), answer: TaskKinds.kind(for: session.guide.task).answer,
            colors: colors, order: order,
            model: model == nil ? .none : .warming, browse: options.browse)
        state.instructions = session.guide.instructions
        state.guideCheckInterval = options.guideCheckInterval
        state.claimRenewalInterval = Labeler.claimRenewal
        return state
    }

    static func stats(_ timings: KeyTimings) -> KeystrokeStats {
        KeystrokeStats(keystrokes: timings.count, p50Milliseconds: timings.percentile(0.5),
                       p99Milliseconds: timings.percentile(0.99),
                       maxMilliseconds: timings.count > 0 ? timings.maxMilliseconds : nil)
    }
}

extension LabelingRun.Summary {
    /// "Session 4 of ana on rev: 3 labels, 1 undo; 2 of 60 items decided."
    public func line(annotator: String, project: String) -> String {
        let parts = [("label", labels), ("skip", skips), ("flag", flags), ("change", changes), ("undo", undos)]
            .filter { $0.1 > 0 }.map { "\($0.1) \($0.0)\($0.1 == 1 ? "" : "s")" }
        return "Session \(sessionID) of \(annotator) on \(project): "
            + (parts.isEmpty ? "no decisions" : parts.joined(separator: ", ")) + "; \(decided) of \(NumberText.counted(total, "item")) decided."
    }
}
