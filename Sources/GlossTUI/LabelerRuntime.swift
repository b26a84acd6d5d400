import Foundation
import GlossCore
import GlossStore
import GlossTerminal

/// How a labeling run ended.
public enum LabelerExit: Sendable, Equatable {
    /// The annotator quit.
    case quit
    /// SIGINT, SIGTERM or SIGHUP arrived; the session was closed and the terminal restored.
    case interrupted(signal: Int32)
}

/// The runtime loop of the labeling screen: reads terminal events, runs `Labeler.update`,
/// performs its effects against the store (each decision committed in its own transaction
/// before the next frame), draws `Labeler.view` and times every key from read to flush.
public final class LabelerRuntime<Backend: TerminalBackend> {
    private let session: LabelingSession
    private let terminal: Backend
    private let launchedAt: Date
    private let clock: () -> Date
    private var state: LabelerState
    private var timings = KeyTimings()
    private var exit: LabelerExit?

    /// `launchedAt` is when the process started (for the first-draw time stored on the
    /// session); `clock` gives the times stored with decisions.
    public init(session: LabelingSession, terminal: Backend, colors: Bool, launchedAt: Date = Date(),
                clock: @escaping () -> Date = Date.init) {
        self.session = session
        self.terminal = terminal
        self.launchedAt = launchedAt
        self.clock = clock
        let size = terminal.size
        state = LabelerState(project: session.project, guide: session.guide, guideVersion: session.guideVersion,
                             annotator: session.annotator, width: size.width, height: size.height,
                             decided: session.decided, total: session.total, now: clock(), colors: colors)
    }

    /// The key timings so far, as stored on the session row.
    public var stats: KeystrokeStats {
        KeystrokeStats(keystrokes: timings.count, p50Milliseconds: timings.percentile(0.5),
                       p99Milliseconds: timings.percentile(0.99), maxMilliseconds: timings.count > 0 ? timings.maxMilliseconds : nil)
    }

    /// Runs until the annotator quits or a signal arrives. The terminal must be started
    /// (see `withTerminal`). Store errors on saves are shown on the status line; other
    /// errors end the run and are thrown after the session row is closed.
    public func run() throws -> LabelerExit {
        do {
            let exit = try loop()
            let reason: String
            switch exit {
            case .quit: reason = "quit"
            case .interrupted(let signal): reason = "signal \(signal)"
            }
            try session.finish(reason: reason, stats: stats, peakRSSKilobytes: PeakMemory.kilobytes(), at: clock())
            return exit
        } catch {
            try? session.finish(reason: "error: \(error)", stats: stats, peakRSSKilobytes: PeakMemory.kilobytes(), at: clock())
            throw error
        }
    }

    private func loop() throws -> LabelerExit {
        let start = clock()
        let head = try session.queueHead()
        let resumed = session.decided > 0 && head != nil ? "resumed: \(session.decided) of \(session.total) decided" : ""
        dispatch(.loaded(Navigation(item: head.map(RuntimeText.labelerItem), context: .queue, decided: session.decided,
                                    status: StatusLine(resumed), at: start)))
        terminal.draw(Labeler.view(state))
        try session.record(stats: stats, firstDrawMilliseconds: Date().timeIntervalSince(launchedAt) * 1000)
        while exit == nil {
            let event = terminal.nextEvent(timeout: .seconds(15))
            let began = ContinuousClock.now
            switch event {
            case .key(let key):
                dispatch(.key(key, at: clock()))
                if exit == nil { terminal.draw(Labeler.view(state)) }  // no frame for a screen about to go
                let elapsed = ContinuousClock.now - began
                timings.record(milliseconds: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            case .resize(let width, let height):
                dispatch(.resize(width: width, height: height))
                terminal.draw(Labeler.view(state))
            case .interrupted(let signal):
                return .interrupted(signal: signal)
            case .timeout:
                dispatch(.tick(clock()))
                terminal.draw(Labeler.view(state))
            }
        }
        return exit ?? .quit
    }

    /// Runs `message` through `update`, then every effect it asks for, feeding each reply back.
    private func dispatch(_ message: LabelerMessage) {
        var pending = [message]
        while !pending.isEmpty {
            let effects = Labeler.update(&state, pending.removeFirst())
            for effect in effects {
                if let reply = perform(effect) { pending.append(reply) }
            }
        }
    }

    private func perform(_ effect: LabelerEffect) -> LabelerMessage? {
        do {
            switch effect {
            case .save(let draft): return try save(draft)
            case .undo:
                guard let item = try session.undoLast(stats: stats, at: clock()) else { return .failed("nothing to undo") }
                let what = item.decision.map { "restored " + RuntimeText.describe($0.kind, $0.value) } ?? "undecided again"
                return navigate(item, item.decision == nil ? .queue : .jumped, status: "undone · #\(item.externalID) \(what)")
            case .historyBack(let before):
                guard let (id, item) = try session.history(before: before) else {
                    return .failed(before == nil ? "no decisions yet" : "this is your oldest decision")
                }
                return navigate(item, .history(annotationID: id), status: "your earlier decision · [ older · ] newer · Esc the queue")
            case .historyForward(let after):
                if let (id, item) = try session.history(after: after) {
                    return navigate(item, .history(annotationID: id), status: "your earlier decision · [ older · ] newer · Esc the queue")
                }
                return navigate(try session.queueHead(), .queue, status: "back at the queue")
            case .search(let query, let after):
                guard let item = try session.search(query, after: after) else { return .failed("no item contains \"\(query)\"") }
                return navigate(item, .jumped, status: "found \"\(query)\" in #\(item.externalID) · / again for the next")
            case .goto(let id):
                guard let item = try session.item(externalID: id) else { return .failed("no item has the id \"\(id)\" in this dataset") }
                return navigate(item, .jumped, status: "#\(item.externalID)")
            case .next:
                return navigate(try session.queueHead(), .queue, status: "")
            case .quit:
                exit = .quit
                return nil
            }
        } catch {
            let reason = StoreFailure.sentence(for: error) ?? "\(error)"
            switch effect {
            case .save: return .failed("not saved: \(reason)")
            case .undo: return .failed("not undone: \(reason)")
            default: return .failed(reason)
            }
        }
    }

    private func save(_ draft: DecisionInput) throws -> LabelerMessage {
        var historyAfter: Int64?
        if case .history(let id) = state.context { historyAfter = id }
        let outcome = try session.save(draft, stats: stats, historyAfter: historyAfter)
        let savedID = state.item?.externalID ?? "?"
        let status = "saved #\(savedID) · " + RuntimeText.describe(draft.kind, draft.value) + (outcome.replaced ? " (changed)" : "")
        let context = outcome.nextHistoryID.map { ItemContext.history(annotationID: $0) } ?? .queue
        return .loaded(Navigation(item: outcome.next.map(RuntimeText.labelerItem), context: context, decided: outcome.decided,
                                  savedDecision: true, status: StatusLine(status), at: clock()))
    }

    private func navigate(_ item: StoredItem?, _ context: ItemContext, status: String) -> LabelerMessage {
        .loaded(Navigation(item: item.map(RuntimeText.labelerItem), context: context, decided: session.decided,
                           status: StatusLine(status), at: clock()))
    }
}

/// Conversions between the store's records and the labeler's.
enum RuntimeText {
    static func describe(_ kind: AnnotationKind, _ value: AnnotationValue?) -> String {
        switch kind {
        case .label: value?.summary ?? "label"
        case .skip: "skipped"
        case .flag: "flagged for review"
        }
    }

    static func labelerItem(_ item: StoredItem) -> LabelerItem {
        LabelerItem(rowID: item.rowID, externalID: item.externalID, text: item.text, metadata: item.metadata,
                    existing: item.decision.map {
                        ExistingDecision(annotationID: $0.annotationID, kind: $0.kind, value: $0.value, comment: $0.comment)
                    })
    }
}

/// The process's peak resident memory. On Linux this is `VmHWM` from /proc/self/status:
/// `getrusage`'s maximum is kept across exec, so under `swift run` it would report the
/// build tool's memory instead of ours.
enum PeakMemory {
    static func kilobytes() -> Int? {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let value = Int(line.dropFirst("VmHWM:".count).filter(\.isNumber)) {
            return value
        }
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return nil }
        return Int(usage.ru_maxrss)
    }
}
