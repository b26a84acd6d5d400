import Foundation
import GlossStore

/// Fills the store's word index of item texts while a labeler runs, on its own thread, in
/// chunks of short write transactions, timed so that the annotator's saves (which share the
/// store's one writer) do not wait for them: a chunk runs just after an item is shown (the
/// labeler takes no decision on an item shown for less than 150 ms, and a chunk takes a few
/// milliseconds), and while the annotator reads for longer than `idleAfter`, chunks follow
/// each other `pause` apart. It stops when every item is indexed, at the end of the run, or
/// at the first error (a read-only or busy store): search still finds unindexed items, by
/// reading them.
final class SearchIndexer: @unchecked Sendable {
    private let database: GlossDatabase
    private let chunk: Int
    private let pause: TimeInterval
    private let idleAfter: TimeInterval
    private let condition = NSCondition()
    private var stopping = false
    private var running = false
    private var nudged = false
    private var lastNudge = Date()
    private var added = 0
    /// Items this indexer added, for tests.
    var indexed: Int {
        condition.lock()
        defer { condition.unlock() }
        return added
    }

    init(database: GlossDatabase, chunk: Int = 200, pause: TimeInterval = 0.05, idleAfter: TimeInterval = 2) {
        self.database = database
        self.chunk = chunk
        self.pause = pause
        self.idleAfter = idleAfter
    }

    func start() {
        condition.lock()
        running = true
        lastNudge = Date()
        condition.unlock()
        let thread = Thread { [self] in run() }
        thread.name = "gloss-search-index"
        thread.start()
    }

    /// An item was just shown: one chunk now, before the annotator can decide.
    func nudge() {
        condition.lock()
        nudged = true
        lastNudge = Date()
        condition.broadcast()
        condition.unlock()
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
        var lastChunk = Date.distantPast
        while true {
            condition.lock()
            // Wait for a nudge, or for the annotator to have read past `idleAfter`.
            while !stopping, !nudged {
                let next = max(lastNudge.addingTimeInterval(idleAfter), lastChunk.addingTimeInterval(pause))
                if Date() >= next { break }
                _ = condition.wait(until: next)
            }
            nudged = false
            let stop = stopping
            condition.unlock()
            guard !stop, let progress = try? database.indexForSearch(limit: chunk) else { return }
            condition.lock()
            added += progress.indexed
            condition.unlock()
            guard progress.remaining > 0 else { return }
            lastChunk = Date()
        }
    }
}
