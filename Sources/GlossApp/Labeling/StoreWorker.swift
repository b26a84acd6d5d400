import Foundation

/// One thread that runs the labeling session's store work in order, so the screen keeps
/// reading keys (and signals) while a write waits for another process's lock. Results
/// wait in an outbox until the screen's handler takes them.
final class StoreWorker<Answer: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var jobs: [(run: @Sendable () -> [Answer], awaited: Bool)] = []
    private var answers: [Answer] = []
    /// Jobs queued or running that the screen waits for (see `submit`).
    private var running = 0
    private var stopping = false

    init(name: String) {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    /// Queues `job`; its answers join the outbox when it finishes. A job not `awaited`
    /// (housekeeping whose answer the screen does not show, such as renewing claims) runs
    /// in turn like the others but neither `settle` nor `isBusy` waits for it, so a key
    /// that happens to queue one is not held up by a write in hand.
    func submit(awaited: Bool = true, _ job: @escaping @Sendable () -> [Answer]) {
        condition.lock()
        jobs.append((job, awaited))
        if awaited { running += 1 }
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
            let result = job.run()
            condition.withLock {
                answers += result
                if job.awaited { running -= 1 }
                condition.broadcast()
            }
        }
    }
}
