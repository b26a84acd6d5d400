import Foundation
import GlossStore

/// Fills the store's word index of item texts while a labeler runs, on its own thread, in
/// chunks of short write transactions with a pause between them, so that the annotator's
/// saves (which share the store's one writer) never wait behind more than one chunk. It
/// stops when every item is indexed, at the end of the run, or at the first error (a
/// read-only or busy store): search still finds unindexed items, by reading them.
final class SearchIndexer: @unchecked Sendable {
    private let database: GlossDatabase
    private let chunk: Int
    private let pause: TimeInterval
    private let condition = NSCondition()
    private var stopping = false
    private var running = false
    private var added = 0
    /// Items this indexer added, for tests.
    var indexed: Int {
        condition.lock()
        defer { condition.unlock() }
        return added
    }

    private let delay: TimeInterval

    /// `delay`: how long after the start the first chunk waits, so that the launch (the
    /// session's rows, the first item, the model's warm-up) has the store to itself.
    init(database: GlossDatabase, chunk: Int = 200, pause: TimeInterval = 0.05, delay: TimeInterval = 1) {
        self.database = database
        self.chunk = chunk
        self.pause = pause
        self.delay = delay
    }

    func start() {
        condition.lock()
        running = true
        condition.unlock()
        let thread = Thread { [self] in run() }
        thread.name = "gloss-search-index"
        thread.start()
    }

    /// Stops after the chunk in hand and waits for it.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func run() {
        BackgroundPriority.lowerThisThread()
        defer {
            condition.lock()
            running = false
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        if !stopping { _ = condition.wait(until: Date().addingTimeInterval(delay)) }
        condition.unlock()
        while true {
            condition.lock()
            let stop = stopping
            condition.unlock()
            guard !stop, let progress = try? database.indexForSearch(limit: chunk) else { return }
            condition.lock()
            added += progress.indexed
            guard progress.remaining > 0 else {
                condition.unlock()
                return
            }
            if !stopping { _ = condition.wait(until: Date().addingTimeInterval(pause)) }
            condition.unlock()
        }
    }
}
