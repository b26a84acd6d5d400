/// Decoding and encoding of JSON string literals, strict about UTF-8 and surrogates.
public enum JSONString {
    /// Why a string literal could not be decoded, with the byte offset of the fault.
    public struct DecodeError: Error, Equatable {
        public let offset: Int
        public let message: String
    }

    /// The value of one hexadecimal digit, or nil for any other byte.
    @inline(__always) public static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        default: nil
        }
    }

    /// Decodes the literal in `range` (quotes included) of already-scanned bytes.
    public static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hasEscapes: Bool
    ) throws(DecodeError) -> String {
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        if !hasEscapes {
            let slice = UnsafeBufferPointer(rebasing: bytes[inner])
            if let s = String(validating: slice, as: UTF8.self) { return s }
            let bad = UTF8Validation.firstInvalidOffset(slice) ?? 0
            throw DecodeError(offset: inner.lowerBound + bad, message: "invalid UTF-8 in a string")
        }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var i = inner.lowerBound
        while i < inner.upperBound {
            let b = bytes[i]
            guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
            let e = bytes[i + 1]
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var unit = hex4(bytes, i + 2)
                var consumed = 6
                if (0xD800...0xDBFF).contains(unit) {
                    let next = i + 6
                    guard next + 6 <= inner.upperBound, bytes[next] == UInt8(ascii: "\\"),
                          bytes[next + 1] == UInt8(ascii: "u"),
                          case let low = hex4(bytes, next + 2), (0xDC00...0xDFFF).contains(low)
                    else {
                        throw DecodeError(offset: i, message: "a lone high surrogate \\u\(hexString(unit)) in a string")
                    }
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    consumed = 12
                } else if (0xDC00...0xDFFF).contains(unit) {
                    throw DecodeError(offset: i, message: "a lone low surrogate \\u\(hexString(unit)) in a string")
                }
                appendUTF8(UnicodeScalar(unit)!, to: &out)
                i += consumed
                continue
            default: out.append(e)  // \" \\ \/ (the scanner admitted only valid escapes)
            }
            i += 2
        }
        if let s = String(validating: out, as: UTF8.self) { return s }
        // Escapes decode to whole scalars and other bytes are copied as they are, so the bad
        // byte is in the source too; `out` is shorter than the source after an escape.
        let bad = UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: bytes[inner])) ?? 0
        throw DecodeError(offset: inner.lowerBound + bad, message: "invalid UTF-8 in a string")
    }

    static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 << 4 | (hexValue(bytes[at + $1]) ?? 0) }
    }

    static func hexString(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    @inline(__always) static func appendUTF8(_ scalar: UnicodeScalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }

    /// Appends `string` as a JSON string literal (quotes included) to `out`: `"`, `\`, control
    /// characters and DEL are escaped (`\n`, `\r`, `\t`, else `\u00xx`), and so is U+FEFF
    /// (`\ufeff`), which Foundation's JSON reader on Linux drops from the start of a string
    /// written raw (found by Fuzz/FuzzCanonicalValue: a label lost it on the way back); runs of
    /// bytes that need no escape are copied in one go (the export writers call this per field).
    public static func appendLiteral(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isBOM = byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF
                if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x7F, !isBOM {
                    index += 1
                    continue
                }
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                if isBOM {
                    out.append(contentsOf: Array(#"\ufeff"#.utf8))
                    index += 3
                } else {
                    appendEscape(byte, to: &out)
                    index += 1
                }
                runStart = index
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            out.append(contentsOf: Array("u00".utf8))
            hex.withUTF8Buffer { digits in
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
        }
    }

    /// `string` as a JSON string literal.
    public static func literal(_ string: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count + 2)
        appendLiteral(string, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
