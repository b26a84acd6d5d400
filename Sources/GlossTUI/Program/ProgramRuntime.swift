import Foundation
import GlossTerminal

/// How a program's run ended.
public enum ProgramExit: Sendable, Equatable {
    /// The user quit.
    case quit
    /// SIGINT, SIGTERM or SIGHUP arrived; the caller closes up and restores the terminal.
    case interrupted(signal: Int32)
}

/// The one runtime loop of every screen: reads terminal events, runs the program's
/// `update`, hands its effects to the handler and feeds the answers back, then draws
/// `view`. A key's frame is drawn before the next key is read, and the time from reading
/// a key to drawing its frame is recorded in `timings`.
public final class ProgramRuntime<Program: ScreenProgram, Handler: EffectHandler, Backend: TerminalBackend>
where Handler.Effect == Program.Effect, Handler.Message == Program.Message {
    public private(set) var state: Program.State
    /// How long each key took, from being read to its frame being drawn.
    public private(set) var timings = KeyTimings()
    /// How long a key's frame waits for the work it started (a save) before it is drawn
    /// anyway, showing that the work is still running.
    public var settleLimit: Duration = .milliseconds(50)
    private let handler: Handler
    private let terminal: Backend
    private let clock: () -> Date

    /// `clock` gives the times of keys and wake-ups.
    public init(state: Program.State, handler: Handler, terminal: Backend, clock: @escaping () -> Date = Date.init) {
        self.state = state
        self.handler = handler
        self.terminal = terminal
        self.clock = clock
    }

    /// Runs `start` through the program, draws the first frame (then calls `firstFrame`),
    /// and loops until the program finishes or a signal arrives. The terminal must be
    /// started (see `withTerminal`).
    public func run(start: [Program.Message] = [], firstFrame: () -> Void = {}) -> ProgramExit {
        for message in start { dispatch(message) }
        handler.settle(within: settleLimit)
        _ = deliverAnswers()
        if !Program.isFinished(state) {
            terminal.draw(Program.view(state))
            firstFrame()
        }
        while !Program.isFinished(state) {
            let event = terminal.nextEvent(timeout: Program.idleTimeout(state))
            let began = ContinuousClock.now
            switch event {
            case .key(let key):
                _ = deliverAnswers()  // what finished while the key was awaited comes first
                dispatch(Program.message(for: .key(key, at: clock())))
                handler.settle(within: settleLimit)
                _ = deliverAnswers()
                drawUnlessFinished()
                timings.record(milliseconds: Self.milliseconds(ContinuousClock.now - began))
            case .resize(let width, let height):
                dispatch(Program.message(for: .resize(width: width, height: height)))
                drawUnlessFinished()
            case .interrupted(let signal):
                return .interrupted(signal: signal)
            case .timeout:
                if deliverAnswers() == 0 { dispatch(Program.message(for: .idle(clock()))) }
                drawUnlessFinished()
                continue
            }
            if deliverAnswers() > 0 { drawUnlessFinished() }
        }
        return .quit
    }

    /// Feeds the answers of work that finished elsewhere to the program, after the time of
    /// their delivery (what they bring is on screen from then on); how many there were.
    private func deliverAnswers() -> Int {
        let answers = handler.takeMessages()
        guard !answers.isEmpty else { return 0 }
        dispatch(Program.message(for: .idle(clock())))
        for answer in answers { dispatch(answer) }
        return answers.count
    }

    /// Runs `message` through `update`, then each effect it asks for, feeding the answers
    /// back in order until no effect is left.
    private func dispatch(_ message: Program.Message) {
        var pending = [message]
        while !pending.isEmpty {
            for effect in Program.update(&state, pending.removeFirst()) {
                pending += handler.perform(effect)
            }
        }
    }

    private func drawUnlessFinished() {
        if !Program.isFinished(state) { terminal.draw(Program.view(state)) }
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
