/// A full-screen terminal as the runtime loop uses it: start, read events, draw frames,
/// stop. `NcursesTerminal` is the real one; tests use `FakeTerminal` from GlossTestSupport.
/// Backends are not Sendable: one thread starts, uses and stops a backend.
public protocol TerminalBackend: AnyObject {
    /// Takes over the terminal (alternate screen, raw keys, hidden cursor). Throws when
    /// there is no usable terminal.
    func start() throws
    /// Gives the terminal back as it was. Safe to call twice, and after a signal.
    func stop()
    /// Columns and rows of the terminal now.
    var size: (width: Int, height: Int) { get }
    /// Waits up to `timeout` (forever when nil) for a key, a resize or a signal.
    func nextEvent(timeout: Duration?) -> TerminalEvent
    /// Shows `screen`, writing only what changed since the last frame.
    func draw(_ screen: Screen)
}

/// What a terminal backend hands the runtime loop: a key, a new size, a signal, or nothing.
public enum TerminalEvent: Sendable, Hashable {
    /// A key was pressed.
    case key(Key)
    /// The terminal now has this many columns and rows; the next frame must fit them.
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP (a dropped SSH session) arrived: save, stop the
    /// terminal and exit. The signal number is kept for the exit status.
    case interrupted(signal: Int32)
    /// The wait ended with no event.
    case timeout
}

/// Runs `body` with `backend` started and stops it however `body` ends, so an error
/// thrown while the screen is up is printed on a restored terminal, not into the
/// alternate screen.
public func withTerminal<Backend: TerminalBackend, Result>(
    _ backend: Backend, _ body: (Backend) throws -> Result
) throws -> Result {
    try backend.start()
    defer { backend.stop() }
    return try body(backend)
}

/// The async form of `withTerminal`, for a runtime loop that awaits effects; it stays in
/// the caller's isolation (run it on the main actor so ncurses stays on one thread).
nonisolated(nonsending) public func withTerminal<Backend: TerminalBackend, Result>(
    _ backend: Backend,
    _ body: nonisolated(nonsending) (Backend) async throws -> Result
) async throws -> Result {
    try backend.start()
    defer { backend.stop() }
    return try await body(backend)
}

/// Why the terminal could not be started, as a sentence that says what to do.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (redirected, piped, or run by cron).
    case notATerminal
    /// ncurses has no terminfo entry for `$TERM`.
    case unknownTerminalType(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "this command needs a terminal: run it in a terminal window or an SSH session, without redirecting its input or output"
        case .unknownTerminalType(let name):
            "the terminal type \"\(name)\" (from $TERM) is unknown to ncurses; set TERM to a known type such as xterm-256color, or install its terminfo entry"
        }
    }
}
