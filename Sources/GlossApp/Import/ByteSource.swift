import Foundation
import GlossCore

/// Reads a file or standard input in fixed-size chunks (memory stays flat whatever the
/// size), computing the SHA-256 of the raw bytes as it goes.
/// A UTF-8 byte order mark is dropped; UTF-16 and UTF-32 are refused with a hint.
final class ByteSource {
    static let chunkSize = 1 << 20

    let displayName: String
    let totalBytes: Int64?
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var sha = SHA256()
    private(set) var bytesRead: Int64 = 0

    init(path: String) throws {
        if path == "-" {
            fd = 0
            ownsDescriptor = false
            displayName = "<stdin>"
            totalBytes = nil
        } else {
            fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                throw ImportFailure(source: path, error: InvalidRecord(
                    line: 0, message: "cannot open the file: \(reason)", isFatal: true))
            }
            ownsDescriptor = true
            displayName = path
            var info = stat()
            totalBytes = fstat(fd, &info) == 0 ? Int64(info.st_size) : nil
        }
        buffer = .allocate(capacity: Self.chunkSize)
    }

    deinit {
        if ownsDescriptor { close(fd) }
        buffer.deallocate()
    }

    /// Calls `body` with each chunk until the end of the input; returns the SHA-256 hex.
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> String {
        var first = true
        while true {
            let count = try fill()
            if count == 0 { break }
            sha.update(UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<count]))
            var chunk = UnsafeBufferPointer(rebasing: buffer[0..<count])
            if first {
                first = false
                chunk = try Self.dropByteOrderMark(chunk, source: displayName)
            }
            try body(chunk)
        }
        return sha.hexDigest()
    }

    /// Reads until the buffer is full or the input ends (pipes deliver short reads).
    private func fill() throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw ImportFailure(source: displayName, error: InvalidRecord(
                    line: 0, message: "read error: \(reason)", isFatal: true))
            }
            if n == 0 { break }
            filled += n
        }
        bytesRead += Int64(filled)
        return filled
    }

    static func dropByteOrderMark(_ chunk: UnsafeBufferPointer<UInt8>, source: String) throws
        -> UnsafeBufferPointer<UInt8> {
        let head = Array(chunk.prefix(4))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return UnsafeBufferPointer(rebasing: chunk.dropFirst(3)) }
        let encoding: String? =
            head.starts(with: [0xFF, 0xFE, 0, 0]) || head.starts(with: [0, 0, 0xFE, 0xFF]) ? "UTF-32"
            : head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) ? "UTF-16" : nil
        if let encoding {
            throw ImportFailure(source: source, error: InvalidRecord(
                line: 1, message: "the file is \(encoding), not UTF-8; convert it first, e.g. iconv -f \(encoding) "
                    + "-t UTF-8 \(source) > converted", isFatal: true))
        }
        return chunk
    }
}
