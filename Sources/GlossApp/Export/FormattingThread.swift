import Foundation
import GlossCore

/// Formats an export's records on a thread of its own while the scan reads the next ones
/// from the store: reading and formatting each take about half of an export's time, so on
/// two cores they overlap (the hashing and the disk have a third thread, `ChunkPipe`).
/// Records arrive in batches, in order, through a bounded queue, so memory stays flat. The
/// first error `format` throws stops the formatting and is thrown to the scan at its next
/// `send`, and by `finish`.
final class FormattingThread: @unchecked Sendable {
    /// Records per batch: enough that the queue's lock is taken rarely.
    static let batchSize = 256
    /// Batches that may wait.
    static let depth = 8

    private let condition = NSCondition()
    private var queue: [[ExportRecord]] = []
    private var closed = false
    private var finished = false
    private var failure: (any Error)?
    private let format: ([ExportRecord]) throws -> Void
    private var batch: [ExportRecord] = []

    /// `format` runs on the new thread, one batch at a time, in the order records were added.
    init(format: @escaping ([ExportRecord]) throws -> Void) {
        self.format = format
        batch.reserveCapacity(Self.batchSize)
        let thread = Thread { [self] in run() }
        thread.name = "gloss-export-format"
        thread.start()
    }

    /// Adds one record (from the scan's thread); throws the formatting's error, if any.
    func add(_ record: ExportRecord) throws {
        batch.append(record)
        if batch.count >= Self.batchSize { try send() }
    }

    /// Formats what is left and waits for it; throws the formatting's error, if any.
    func finish() throws {
        if !batch.isEmpty { try send() }
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        if let failure { throw failure }
    }

    /// Stops after the batch in hand, dropping the others, and waits for the thread.
    func abandon() {
        condition.lock()
        closed = true
        queue.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func send() throws {
        var full: [ExportRecord] = []
        full.reserveCapacity(Self.batchSize)
        swap(&full, &batch)
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.depth && failure == nil && !closed { condition.wait() }
        if let failure { throw failure }
        queue.append(full)
        condition.broadcast()
    }

    private func run() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let records = queue.removeFirst()
            let failed = failure != nil
            condition.broadcast()
            condition.unlock()
            guard !failed else { continue }
            do {
                try format(records)
            } catch {
                condition.lock()
                failure = error
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
