import Foundation
import GlossCore

/// A bounded queue of byte chunks from the formatting thread to one writer thread, which
/// hashes each file's chunks in order and writes them to the file's descriptor.
final class ChunkPipe: @unchecked Sendable {
    /// Chunks that may wait: the memory an export holds beyond its writer is bounded by this.
    static let depth = 4

    struct Result { var bytes: Int; var sha256: String }

    private let condition = NSCondition()
    private var queue: [(file: Int, bytes: [UInt8])] = []
    private var closed = false
    private var failure: ExportFileError?
    private var finished = false
    private var results: [Result] = []
    private let descriptors: [Int32]
    private let paths: [String]

    init(descriptors: [Int32], paths: [String]) {
        self.descriptors = descriptors
        self.paths = paths
        let thread = Thread { [self] in run() }
        thread.name = "gloss-export-writer"
        thread.start()
    }

    func send(file: Int, _ bytes: [UInt8]) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.depth && failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append((file, bytes))
        condition.broadcast()
    }

    /// Waits until every chunk is written; the files' sizes and hashes, in order.
    func close() throws -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        if let failure { throw failure }
        return results
    }

    func abandon() {
        condition.lock()
        closed = true
        queue.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func run() {
        var hashers = descriptors.map { _ in SHA256() }
        var sizes = descriptors.map { _ in 0 }
        var error: ExportFileError?
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty {
                condition.unlock()
                break
            }
            let (file, bytes) = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            guard error == nil else { continue }
            bytes.withUnsafeBytes { hashers[file].update($0) }
            sizes[file] += bytes.count
            if let reason = Self.writeAll(descriptors[file], bytes) {
                error = .cannotWrite(path: paths[file], reason: reason)
                condition.lock()
                failure = error
                condition.broadcast()
                condition.unlock()
            }
        }
        for fd in descriptors where fd != STDOUT_FILENO {
            if fsync(fd) != 0 || Glibc.close(fd) != 0, error == nil {
                let reason = String(cString: strerror(errno))
                error = .cannotWrite(path: paths[descriptors.firstIndex(of: fd) ?? 0], reason: reason)
            }
        }
        condition.lock()
        failure = failure ?? error
        results = zip(sizes, hashers).map { Result(bytes: $0, sha256: $1.hexDigest()) }
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Writes every byte (retrying short writes and EINTR); the reason on failure.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += n
            }
            return nil
        }
    }
}
