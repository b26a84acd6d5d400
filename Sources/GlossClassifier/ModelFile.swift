import GlossCore

/// Why a model file could not be read. Each names what is wrong in words a user can act on.
public enum ModelFileError: Error, Equatable, CustomStringConvertible {
    case notAModel
    case unsupportedVersion(Int)
    case wrongKind(expected: String, found: String)
    case truncated(expectedBytes: Int, foundBytes: Int)
    case checksumMismatch
    case malformed(String)

    public var description: String {
        switch self {
        case .notAModel: return "not a Gloss model (the file does not start with GLSM)"
        case .unsupportedVersion(let v): return "model format version \(v) is not one this Gloss reads"
        case .wrongKind(let expected, let found): return "a \(found) model where a \(expected) model was expected"
        case .truncated(let expected, let found): return "the model is cut short (\(found) of \(expected) bytes)"
        case .checksumMismatch: return "the model is damaged (its SHA-256 checksum does not match)"
        case .malformed(let what): return "the model is damaged: \(what)"
        }
    }
}

/// The envelope around every model's bytes, so a damaged, truncated or foreign file is
/// refused before its payload is read:
///
///     "GLSM" | version: UInt16 LE | kind length: UInt8 | kind: UTF-8
///            | payload length: UInt64 LE | SHA-256 of payload: 32 bytes | payload
public enum ModelFile {
    /// The first four bytes of every model file.
    public static let magic: [UInt8] = Array("GLSM".utf8)
    /// The envelope format this code writes and reads.
    public static let formatVersion = 1

    /// Wraps `payload` in the envelope, labeled with `kind` (e.g. "text", "span"; at most 255 UTF-8 bytes).
    public static func encode(kind: String, payload: [UInt8]) -> [UInt8] {
        let kindBytes = Array(kind.utf8.prefix(255))
        var out = magic
        out.reserveCapacity(4 + 2 + 1 + kindBytes.count + 8 + 32 + payload.count)
        appendLittleEndian(UInt64(formatVersion), byteCount: 2, to: &out)
        out.append(UInt8(kindBytes.count))
        out += kindBytes
        appendLittleEndian(UInt64(payload.count), byteCount: 8, to: &out)
        var hasher = SHA256()
        hasher.update(payload)
        out += hasher.finalize()
        out += payload
        return out
    }

    /// Checks the envelope (magic, version, kind, length, checksum) and returns the payload.
    public static func decode(_ bytes: [UInt8], expectedKind: String) throws -> [UInt8] {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            if bytes.count < magic.count, Array(magic.prefix(bytes.count)) == bytes, !bytes.isEmpty {
                throw ModelFileError.truncated(expectedBytes: magic.count + 3, foundBytes: bytes.count)
            }
            throw ModelFileError.notAModel
        }
        var at = magic.count
        func need(_ count: Int) throws {
            if bytes.count < at + count {
                throw ModelFileError.truncated(expectedBytes: at + count, foundBytes: bytes.count)
            }
        }
        try need(3)
        let version = Int(readLittleEndian(bytes, at: at, byteCount: 2))
        at += 2
        guard version == formatVersion else { throw ModelFileError.unsupportedVersion(version) }
        let kindCount = Int(bytes[at])
        at += 1
        try need(kindCount)
        guard let kind = String(validating: bytes[at..<at + kindCount], as: UTF8.self) else {
            throw ModelFileError.malformed("its kind is not UTF-8 text")
        }
        at += kindCount
        guard kind == expectedKind else { throw ModelFileError.wrongKind(expected: expectedKind, found: kind) }
        try need(8 + 32)
        let payloadCount = readLittleEndian(bytes, at: at, byteCount: 8)
        at += 8
        let digest = Array(bytes[at..<at + 32])
        at += 32
        guard payloadCount <= UInt64(Int.max - at) else {
            throw ModelFileError.malformed("its payload length \(payloadCount) is impossible")
        }
        try need(Int(payloadCount))
        guard bytes.count == at + Int(payloadCount) else {
            throw ModelFileError.malformed("\(bytes.count - at - Int(payloadCount)) unexpected bytes after the payload")
        }
        let payload = Array(bytes[at...])
        var hasher = SHA256()
        hasher.update(payload)
        guard hasher.finalize() == digest else { throw ModelFileError.checksumMismatch }
        return payload
    }

    static func appendLittleEndian(_ value: UInt64, byteCount: Int, to out: inout [UInt8]) {
        for i in 0..<byteCount { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }

    static func readLittleEndian(_ bytes: [UInt8], at offset: Int, byteCount: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<byteCount { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        return value
    }
}
