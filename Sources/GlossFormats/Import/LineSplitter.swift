import Foundation
import GlossCore

/// Splits a byte stream into lines (LF or CRLF), chunk by chunk, without copying lines that
/// lie whole inside a chunk. Only a line that straddles two chunks is copied.
public struct LineSplitter: Sendable {
    private var carry: [UInt8] = []
    public private(set) var line = 0
    public let maxLineBytes: Int

    public init(maxLineBytes: Int = RecordLimits.maxRecordBytes) {
        self.maxLineBytes = maxLineBytes
    }

    /// Calls `body` with each complete line (without its terminator) and its 1-based number.
    public mutating func feed(
        _ chunk: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) throws {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        while start < chunk.count {
            guard let hit = memchr(base + start, 0x0A, chunk.count - start) else {
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start...]))
                if carry.count > maxLineBytes {
                    throw InvalidRecord(
                        line: line + 1,
                        message: "the line is longer than \(RecordLimits.describe(maxLineBytes)); is a line break missing?", isFatal: true)
                }
                return
            }
            let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            line += 1
            if carry.isEmpty {
                try body(Self.trimCR(UnsafeBufferPointer(rebasing: chunk[start..<end])), line)
            } else {
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<end]))
                try carry.withUnsafeBufferPointer { try body(Self.trimCR($0), line) }
                carry.removeAll(keepingCapacity: true)
            }
            start = end + 1
        }
    }

    /// Emits the last line when the input does not end with a line break.
    public mutating func finish(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) rethrows {
        guard !carry.isEmpty else { return }
        line += 1
        try carry.withUnsafeBufferPointer { try body(Self.trimCR($0), line) }
        carry.removeAll()
    }

    @inline(__always) static func trimCR(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if let last = line.last, last == 0x0D { return UnsafeBufferPointer(rebasing: line.dropLast()) }
        return line
    }

    @inline(__always) static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in line where !(b == 0x20 || b == 0x09 || b == 0x0D) { return false }
        return true
    }
}
