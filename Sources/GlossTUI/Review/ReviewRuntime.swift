import Foundation
import GlossCore
import GlossStore
import GlossTerminal

/// How a review run ended.
public enum ReviewExit: Sendable, Equatable {
    case quit
    /// SIGINT, SIGTERM or SIGHUP arrived; the terminal was restored.
    case interrupted(signal: Int32)
}

/// The review screen's loop: reads terminal events, runs `Review.update`, performs its
/// effects against the store (each adjudication committed in its own transaction before
/// the next frame) and draws `Review.view`.
public final class ReviewRuntime<Backend: TerminalBackend> {
    private let database: GlossDatabase
    private let terminal: Backend
    private let clock: () -> Date
    public private(set) var state: ReviewState
    private var exit: ReviewExit?

    /// `state` holds the list to walk; `clock` gives the times stored with adjudications.
    public init(database: GlossDatabase, terminal: Backend, state: ReviewState, clock: @escaping () -> Date = Date.init) {
        self.database = database
        self.terminal = terminal
        self.clock = clock
        self.state = state
        let size = terminal.size
        _ = Review.update(&self.state, .resize(width: size.width, height: size.height))
    }

    /// Runs until the reviewer quits or a signal arrives. The terminal must be started
    /// (see `withTerminal`).
    public func run() -> ReviewExit {
        terminal.draw(Review.view(state))
        while exit == nil {
            switch terminal.nextEvent(timeout: .seconds(60)) {
            case .key(let key):
                dispatch(.key(key))
            case .resize(let width, let height):
                dispatch(.resize(width: width, height: height))
            case .interrupted(let signal):
                return .interrupted(signal: signal)
            case .timeout:
                continue
            }
            if exit == nil { terminal.draw(Review.view(state)) }
        }
        return exit ?? .quit
    }

    private func dispatch(_ message: ReviewMessage) {
        var pending = [message]
        while !pending.isEmpty {
            for effect in Review.update(&state, pending.removeFirst()) {
                if let reply = perform(effect) { pending.append(reply) }
            }
        }
    }

    private func perform(_ effect: ReviewEffect) -> ReviewMessage? {
        do {
            switch effect {
            case .adjudicate(let itemRowID, let value):
                return .adjudicated(try database.adjudicate(project: state.project, itemRowID: itemRowID,
                                                            reviewer: state.reviewer, value: value, at: clock()))
            case .undo:
                return .undone(try database.undoLastAdjudication(project: state.project, reviewer: state.reviewer, at: clock()))
            case .quit:
                exit = .quit
                return nil
            }
        } catch {
            let reason = StoreFailure.sentence(for: error) ?? "\(error)"
            return .failed(effect == .undo ? "not undone: \(reason)" : "not saved: \(reason)")
        }
    }
}
