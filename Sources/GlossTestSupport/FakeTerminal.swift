import GlossTerminal

/// A terminal for tests: replays queued events (keys, resizes, signals, timeouts) and
/// records every frame drawn, so a test drives a screen and compares `plainText` frames.
/// When the queue is empty `nextEvent` returns `.timeout`.
public final class FakeTerminal: TerminalBackend {
    /// Events still to be delivered, first first.
    public var events: [TerminalEvent]
    /// Every screen drawn, in order.
    public private(set) var frames: [Screen] = []
    /// The timeout of each `nextEvent` call, in order: shows how the loop waits.
    public private(set) var requestedTimeouts: [Duration?] = []
    /// Whether the terminal is between `start()` and `stop()`.
    public private(set) var isStarted = false
    /// How many times `start()` and `stop()` ran (a second `stop()` is counted but harmless).
    public private(set) var startCount = 0
    public private(set) var stopCount = 0
    /// Frames drawn while the terminal was not started: a bug in the caller.
    public private(set) var framesDrawnWhileStopped = 0
    /// When set, `start()` throws it, as `NcursesTerminal` does without a terminal.
    public var startError: (any Error)?
    /// Called with each event just before it is delivered (to check the world at that moment).
    public var beforeDelivering: ((TerminalEvent) -> Void)?
    /// Asked for more events when the queue runs dry (nil or empty: `.timeout`).
    public var whenEmpty: (() -> [TerminalEvent])?
    /// The size now; a delivered `.resize` event changes it.
    public private(set) var size: (width: Int, height: Int)

    /// A `width`×`height` terminal that will deliver `events`.
    public init(width: Int = 80, height: Int = 24, events: [TerminalEvent] = []) {
        size = (width, height)
        self.events = events
    }

    /// A terminal that will deliver `keys`, one event each.
    public convenience init(width: Int = 80, height: Int = 24, keys: [Key]) {
        self.init(width: width, height: height, events: keys.map { .key($0) })
    }

    /// Queues one `.character` key per character of `text`, as typing it would.
    public func type(_ text: String) {
        events += text.map { .key(.character($0)) }
    }

    /// The last frame drawn, or nil before the first.
    public var lastFrame: Screen? { frames.last }

    public func start() throws {
        if let startError { throw startError }
        isStarted = true
        startCount += 1
    }

    public func stop() {
        stopCount += 1
        isStarted = false
    }

    public func nextEvent(timeout: Duration?) -> TerminalEvent {
        requestedTimeouts.append(timeout)
        if events.isEmpty, let more = whenEmpty?() { events = more }
        guard !events.isEmpty else { return .timeout }
        let event = events.removeFirst()
        beforeDelivering?(event)
        if case .resize(let width, let height) = event { size = (width, height) }
        return event
    }

    public func draw(_ screen: Screen) {
        if !isStarted { framesDrawnWhileStopped += 1 }
        frames.append(screen)
    }
}
