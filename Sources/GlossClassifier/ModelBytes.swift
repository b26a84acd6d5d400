/// Builds a model payload: little-endian integers, Float32 arrays and length-prefixed
/// strings, so the same model gives the same bytes on every platform.
public struct ModelWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ value: UInt8) { bytes.append(value) }
    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    public mutating func write(_ value: UInt32) { ModelFile.appendLittleEndian(UInt64(value), byteCount: 4, to: &bytes) }
    public mutating func write(_ value: UInt64) { ModelFile.appendLittleEndian(value, byteCount: 8, to: &bytes) }
    public mutating func write(_ value: Float) { write(value.bitPattern) }
    public mutating func write(_ value: Double) { write(value.bitPattern) }

    /// A UInt32 byte count, then the UTF-8 bytes.
    public mutating func write(_ value: String) {
        let utf8 = Array(value.utf8)
        write(UInt32(utf8.count))
        bytes += utf8
    }

    /// A UInt32 count, then each string.
    public mutating func write(_ values: [String]) {
        write(UInt32(values.count))
        for value in values { write(value) }
    }
}

/// Reads what `ModelWriter` wrote; running out of bytes or an impossible value throws
/// `ModelFileError.malformed` naming the field.
public struct ModelReader: Sendable {
    private let bytes: [UInt8]
    public private(set) var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte was read.
    public var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int, _ field: String) throws -> Int {
        guard count >= 0, bytes.count - offset >= count else {
            throw ModelFileError.malformed("the payload ends inside \(field)")
        }
        defer { offset += count }
        return offset
    }

    public mutating func uint8(_ field: String) throws -> UInt8 { bytes[try take(1, field)] }

    public mutating func bool(_ field: String) throws -> Bool {
        switch try uint8(field) {
        case 0: return false
        case 1: return true
        case let other: throw ModelFileError.malformed("\(field) is \(other), not 0 or 1")
        }
    }

    public mutating func uint32(_ field: String) throws -> UInt32 {
        UInt32(ModelFile.readLittleEndian(bytes, at: try take(4, field), byteCount: 4))
    }

    public mutating func uint64(_ field: String) throws -> UInt64 {
        ModelFile.readLittleEndian(bytes, at: try take(8, field), byteCount: 8)
    }

    public mutating func float(_ field: String) throws -> Float { Float(bitPattern: try uint32(field)) }
    public mutating func double(_ field: String) throws -> Double { Double(bitPattern: try uint64(field)) }

    public mutating func string(_ field: String) throws -> String {
        let count = Int(try uint32("the length of \(field)"))
        let start = try take(count, field)
        guard let text = String(validating: bytes[start..<start + count], as: UTF8.self) else {
            throw ModelFileError.malformed("\(field) is not UTF-8 text")
        }
        return text
    }

    /// A count, checked against the bytes left (each element takes at least `minimumElementBytes`).
    public mutating func count(_ field: String, minimumElementBytes: Int = 1) throws -> Int {
        let count = Int(try uint32("the count of \(field)"))
        guard count * max(minimumElementBytes, 0) <= bytes.count - offset else {
            throw ModelFileError.malformed("\(field) claims \(count) entries, more than the payload holds")
        }
        return count
    }

    public mutating func strings(_ field: String) throws -> [String] {
        let count = try count(field, minimumElementBytes: 4)
        var values: [String] = []
        values.reserveCapacity(count)
        for i in 0..<count { values.append(try string("\(field) #\(i + 1)")) }
        return values
    }
}
