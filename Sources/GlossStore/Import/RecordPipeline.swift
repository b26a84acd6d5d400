import Foundation
import GlossCore
import GlossFormats

/// Reads and parses a source on its own thread while the caller writes to SQLite, so an
/// import uses two cores. Parsed records travel in batches through a small bounded queue,
/// which keeps memory flat: the reader waits when the writer falls behind.
final class RecordPipeline: @unchecked Sendable {
    struct Batch {
        var results: [RecordResult]
        var bytesRead: Int64
        var totalBytes: Int64?
    }

    struct Summary {
        var source: String
        var format: ImportFormat
        var sha256: String
        var bytes: Int64
    }

    enum Message {
        case batch(Batch)
        case finished(Summary)
        case failed(any Error)
    }

    static let batchSize = 2048
    static let capacity = 4

    private let condition = NSCondition()
    private var queue: [Message] = []  // guarded by `condition`
    private var cancelled = false  // guarded by `condition`
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading `source` on a new thread.
    static func start(source: ImportSource, fields: ImportFields) -> RecordPipeline {
        let pipeline = RecordPipeline()
        let thread = Thread { pipeline.produce(source: source, fields: fields) }
        thread.name = "gloss.import.reader"
        thread.start()
        return pipeline
    }

    /// The next message, waiting for the reader if needed.
    func next() -> Message {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        let message = queue.removeFirst()
        condition.broadcast()
        return message
    }

    /// Stops the reader (when the writer gives up) and waits until its thread has ended.
    func finish() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
        done.wait()
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

    private func produce(source: ImportSource, fields: ImportFields) {
        defer { done.signal() }
        var name = source.path
        do {
            let input = try ByteSource(path: source.path)
            name = input.displayName
            var format = source.format ?? ImportFormat.fromExtension(of: source.path)
            var stream: (any RecordStream)?
            var batch: [RecordResult] = []
            batch.reserveCapacity(Self.batchSize)
            func flush() throws {
                guard put(.batch(Batch(results: batch, bytesRead: input.bytesRead, totalBytes: input.totalBytes))) else { throw Cancelled() }
                batch.removeAll(keepingCapacity: true)
            }
            do {
                let sha = try input.forEachChunk { chunk in
                    if stream == nil {
                        let sniffed = ImportFormat.sniff(firstByte: chunk.first { !JSONArrayStream.isSpace($0) })
                        if format == nil || (format == .json && sniffed == .jsonl) { format = sniffed }
                        guard let format else {
                            throw InvalidRecord(line: 0, message: "cannot tell the format from the name or the content; pass --format (jsonl, json, csv, tsv, text)", isFatal: true)
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
                _ = put(.finished(Summary(source: name, format: format ?? .jsonl, sha256: sha, bytes: input.bytesRead)))
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
