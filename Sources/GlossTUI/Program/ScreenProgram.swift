import Foundation
import GlossTerminal

/// A screen as a program (as Ashen's `Program` and bubbletea's model): its state is a
/// value, `update` applies one message to it and returns the effects to run, `view` draws
/// it. Both are pure; `ProgramRuntime` runs every screen the same way.
public protocol ScreenProgram {
    associatedtype State: Sendable
    associatedtype Message: Sendable
    associatedtype Effect: Sendable

    /// The message for a terminal event.
    static func message(for event: ScreenEvent) -> Message
    /// Applies `message` to `state` and returns what must be done outside. Pure.
    static func update(_ state: inout State, _ message: Message) -> [Effect]
    /// Draws `state` into a screen of the state's size. Pure.
    static func view(_ state: State) -> Screen
    /// Whether the program has asked to stop: the runtime returns without another frame.
    static func isFinished(_ state: State) -> Bool
    /// How long the runtime may wait for a key before waking the program with `.idle`:
    /// short while the screen waits for an answer from work running elsewhere.
    static func idleTimeout(_ state: State) -> Duration
}

/// What the terminal hands a program.
public enum ScreenEvent: Sendable, Equatable {
    /// A key, with the time it was read.
    case key(Key, at: Date)
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// The wait for a key ended with none (time passes: rates, timers).
    case idle(Date)
}

/// Runs a program's effects outside it. It sees each effect, never the program's state:
/// an effect carries everything it needs, and the answer comes back as messages of facts.
/// `perform` answers at once what it finishes at once; work that runs elsewhere (a store
/// write, a model, a report) answers later through `takeMessages`, which the runtime polls.
public protocol EffectHandler<Effect, Message>: AnyObject {
    associatedtype Effect
    associatedtype Message
    func perform(_ effect: Effect) -> [Message]
    /// Messages from work that finished elsewhere since the last call.
    func takeMessages() -> [Message]
    /// Waits up to `limit` for work in flight to finish, so that a quick answer (a save
    /// that takes a millisecond) reaches the frame of the key that asked for it.
    func settle(within limit: Duration)
}

extension EffectHandler {
    public func settle(within limit: Duration) {}
}
