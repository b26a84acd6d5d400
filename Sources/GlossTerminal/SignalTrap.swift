import CSignalTrap
import Glibc

/// Catches SIGINT, SIGTERM and SIGHUP while the screen is up. The C handler only records
/// the signal (no ncurses, no allocation); `NcursesTerminal.nextEvent` takes it and
/// reports `.interrupted`, and the app stops the terminal and exits cleanly.
/// The flags live once, in CSignalTrap's C source.
struct SignalTrap {
    /// The signals that end a labeling session: Ctrl-C sent by `kill`, a shutdown, a
    /// dropped SSH connection. (In raw mode Ctrl-C typed on the keyboard is a key.)
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private var saved: [(signal: Int32, action: sigaction)] = []
    private var savedMask: sigset_t?

    /// Whether the handlers are installed.
    var isInstalled: Bool { !saved.isEmpty }

    /// Installs the handlers, keeping the previous actions; a signal that was ignored
    /// (as under `nohup`) stays ignored. The signals are unblocked on this thread, which
    /// must be the one that later calls `restore()`. Returns the signals now caught.
    @discardableResult
    mutating func install() -> [Int32] {
        guard saved.isEmpty else { return saved.map(\.signal) }
        var mask = sigset_t()
        if gloss_unblock_signals(&mask) == 0 { savedMask = mask }
        for signal in Self.signals {
            var previous = sigaction()
            if gloss_trap_signal(signal, &previous) == 1 {
                saved.append((signal, previous))
            }
        }
        return saved.map(\.signal)
    }

    /// Puts the previous actions back. A signal recorded but not yet taken stays recorded.
    mutating func restore() {
        for entry in saved.reversed() {
            var action = entry.action
            _ = gloss_restore_signal(entry.signal, &action)
        }
        saved.removeAll()
        if var mask = savedMask {
            _ = gloss_restore_signal_mask(&mask)
            savedMask = nil
        }
    }

    /// The signal that arrived since the last call, if any; clears it.
    static func takePending() -> Int32? {
        let signal = gloss_take_pending_signal()
        return signal == 0 ? nil : signal
    }
}
