import Foundation
import GlossCore
import GlossFormats
import GlossStore

/// A file or standard input, read and decoded on a thread of its own while the store writes
/// what came before, so an import uses two cores. Decoded records travel in batches through
/// a small bounded queue, which keeps memory flat: the reader waits when the writer falls
/// behind. The reader starts at the first `nextBatch`; `close` stops it.
final class StreamRecordSource: ItemRecordSource, @unchecked Sendable {
    private struct Batch {
        var results: [RecordResult]
        var bytesRead: Int64
        var totalBytes: Int64?
    }

    private enum Message {
        case batch(Batch)
        case finished(ItemSourceDigest)
        case failed(any Error)
    }

    static let batchSize = 2048
    static let capacity = 4

    let name: String
    let loggedPath: String
    private(set) var digest = ItemSourceDigest(format: .jsonl, sha256: "", bytes: 0)
    private let path: String
    private let format: ImportFormat?
    private let fields: ImportFields
    private let progress: ImportProgress?
    private var started = false
    private var records = 0
    /// The progress of the batch handed out last, told once the store asks for the next one.
    private var pendingProgress: (bytesRead: Int64, totalBytes: Int64?)?

    private let condition = NSCondition()
    private var queue: [Message] = []  // guarded by `condition`
    private var cancelled = false  // guarded by `condition`
    private let done = DispatchSemaphore(value: 0)

    init(path: String, format: ImportFormat?, fields: ImportFields, progress: ImportProgress?, loggedAs: String? = nil) {
        self.path = path
        self.format = format
        self.fields = fields
        self.progress = progress
        name = loggedAs ?? (path == "-" ? "<stdin>" : path)
        loggedPath = loggedAs ?? (path == "-" ? "<stdin>" : URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    func nextBatch() throws -> ItemRecordBatch? {
        if let pending = pendingProgress {
            progress?.importProgress(source: name, bytesRead: pending.bytesRead, totalBytes: pending.totalBytes,
                                     records: records)
            pendingProgress = nil
        }
        if !started {
            started = true
            let thread = Thread { [self] in produce() }
            thread.name = "gloss.import.reader"
            thread.start()
        }
        switch next() {
        case .batch(let batch):
            records += batch.results.count
            pendingProgress = (batch.bytesRead, batch.totalBytes)
            return ItemRecordBatch(records: batch.results, origin: name)
        case .finished(let digest):
            self.digest = digest
            return nil
        case .failed(let error):
            throw error
        }
    }

    /// Stops the reader (when the store gives up or is done) and waits until its thread has ended.
    func close() {
        guard started else { return }
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
        done.wait()
        started = false
    }

    /// The next message, waiting for the reader if needed.
    private func next() -> Message {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        let message = queue.removeFirst()
        condition.broadcast()
        return message
    }

    /// Queues a message; false once the writer has cancelled.
    private func put(_ message: Message) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(message)
        condition.broadcast()
        return true
    }

    private struct Cancelled: Error {}

    private func produce() {
        defer { done.signal() }
        var name = path
        do {
            let input = try ByteSource(path: path)
            name = input.displayName
            var format = self.format ?? ImportFormat.fromExtension(of: path)
            var stream: (any RecordStream)?
            var batch: [RecordResult] = []
            batch.reserveCapacity(Self.batchSize)
            func flush() throws {
                let read = Batch(results: batch, bytesRead: input.bytesRead, totalBytes: input.totalBytes)
                guard put(.batch(read)) else { throw Cancelled() }
                batch.removeAll(keepingCapacity: true)
            }
            do {
                let sha = try input.forEachChunk { chunk in
                    if stream == nil {
                        let sniffed = ImportFormat.sniff(chunk)
                        if format == nil || (format == .json && sniffed == .jsonl) { format = sniffed }
                        guard let format else {
                            throw InvalidRecord(
                                line: 0, message: "cannot tell the format from the name or the content; "
                                    + "pass --format (jsonl, json, csv, tsv, text)", isFatal: true)
                        }
                        stream = format.makeStream(fields: fields)
                    }
                    try stream!.feed(chunk) { result in
                        batch.append(result)
                        if batch.count >= Self.batchSize { try flush() }
                    }
                    try flush()
                }
                try stream?.finish { batch.append($0) }
                try flush()
                _ = put(.finished(ItemSourceDigest(format: format ?? .jsonl, sha256: sha, bytes: input.bytesRead)))
            } catch let error as InvalidRecord {
                try flush()  // the records before a fatal error come first
                throw ImportFailure(source: name, error: error)
            }
        } catch is Cancelled {
            return
        } catch {
            _ = put(.failed(error))
        }
    }
}
