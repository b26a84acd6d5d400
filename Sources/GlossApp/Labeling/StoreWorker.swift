import Foundation

/// One thread that runs the labeling session's store work in order, so the screen keeps
/// reading keys (and signals) while a write waits for another process's lock. Results
/// wait in an outbox until the screen's handler takes them.
final class StoreWorker<Answer: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var jobs: [@Sendable () -> [Answer]] = []
    private var answers: [Answer] = []
    private var running = 0
    private var stopping = false

    init(name: String) {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    /// Queues `job`; its answers join the outbox when it finishes.
    func submit(_ job: @escaping @Sendable () -> [Answer]) {
        condition.lock()
        jobs.append(job)
        running += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Whether some job has not finished.
    var isBusy: Bool { condition.withLock { running > 0 } }

    /// The answers of the jobs finished since the last call.
    func take() -> [Answer] {
        condition.withLock {
            defer { answers = [] }
            return answers
        }
    }

    /// Waits until every job queued has finished, or `limit` has passed.
    func settle(within limit: Duration) {
        let deadline = Date().addingTimeInterval(Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18)
        condition.lock()
        while running > 0, condition.wait(until: deadline) {}
        condition.unlock()
    }

    /// Lets the thread end after the job in hand (a job blocked in the store is left to
    /// the process's exit).
    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if stopping && jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            let result = job()
            condition.withLock {
                answers += result
                running -= 1
                condition.broadcast()
            }
        }
    }
}
