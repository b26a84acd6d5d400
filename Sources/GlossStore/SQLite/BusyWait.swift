import Foundation

/// How a connection waits when another process holds the store: it polls every millisecond
/// (so that it takes the lock in the short pause between two chunks of an import, where
/// SQLite's own handler, sleeping up to 100 ms between tries, would miss it) for at most
/// `limit` seconds of real time, and not at all once `stop()` was called (a session that
/// closes must not wait out another process's lock).
final class BusyWait: @unchecked Sendable {
    /// The longest wait of one statement, as the busy timeout was.
    static let limit: TimeInterval = 30
    private let lock = NSLock()
    private var stopped = false
    /// When each thread's current wait began (a statement waits on the thread running it).
    private var started: [pthread_t: Date] = [:]

    /// SQLite's busy callback: whether to try again after `tries` failed tries.
    func shouldRetry(_ tries: Int) -> Bool {
        let thread = pthread_self(), now = Date()
        let begun: Date? = lock.withLock {
            if stopped { return nil }
            if tries == 0 { started[thread] = now }
            return started[thread] ?? now
        }
        guard let begun, now.timeIntervalSince(begun) < Self.limit else {
            _ = lock.withLock { started.removeValue(forKey: thread) }
            return false
        }
        usleep(1_000)
        return true
    }

    /// Whether `stop()` was called.
    var isStopped: Bool { lock.withLock { stopped } }

    /// Every wait, now and later, gives up at once.
    func stop() {
        lock.withLock { stopped = true }
    }
}
