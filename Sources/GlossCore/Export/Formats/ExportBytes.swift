/// Byte-level building blocks of the export writers: JSON strings, integers and numbers,
/// CSV fields, appended straight to a `[UInt8]` buffer (no Foundation encoders, no
/// intermediate `String` per field), so that a million records write in well under a second.
///
/// Numbers are deterministic: integers in plain decimal; doubles as Swift's shortest
/// round-trip `description` (`1.0`, `0.5`, `0.6666666666666666`, `1e-05`), which is also what
/// Python's `repr` prints, and `null` for a non-finite value (JSON has none).
extension Array where Element == UInt8 {
    @inline(__always) mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends a string's UTF-8 bytes as they are.
    @inline(__always) mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends `value` in decimal.
    mutating func appendInt(_ value: Int) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            appendUnsigned(value.magnitude)
        } else {
            appendUnsigned(UInt(value))
        }
    }

    private mutating func appendUnsigned(_ value: UInt) {
        if value < 10 { append(0x30 + UInt8(value)); return }
        var digits = 1
        var scale: UInt = 10
        while digits < 20, value >= scale {
            digits += 1
            if digits < 20 { scale &*= 10 }
        }
        let end = count + digits
        append(contentsOf: repeatElement(0x30, count: digits))
        var rest = value
        var index = end - 1
        while rest > 0 {
            self[index] = 0x30 + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
    }

    /// Appends a double the same way everywhere: `1.0` and `0.0` directly, others as the
    /// shortest round-trip description, non-finite values as `null`.
    mutating func appendNumber(_ value: Double) {
        if value == 1 { appendASCII("1.0"); return }
        if value == 0 { appendASCII("0.0"); return }
        guard value.isFinite else { appendASCII("null"); return }
        appendUTF8(value.description)
    }

    /// Appends `text` as a JSON string literal, quotes included (`JSONString.appendLiteral`).
    @inline(__always) mutating func appendJSONString(_ text: String) {
        JSONString.appendLiteral(text, to: &self)
    }

    /// Appends a JSON array of strings: `["a","b"]`.
    mutating func appendJSONStrings(_ texts: [String]) {
        append(UInt8(ascii: "["))
        for (index, text) in texts.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            appendJSONString(text)
        }
        append(UInt8(ascii: "]"))
    }

    /// Appends a JSON array of integers: `[0,2]`.
    mutating func appendJSONInts(_ values: [Int]) {
        append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            appendInt(value)
        }
        append(UInt8(ascii: "]"))
    }

    /// Appends stored JSON text (an item's metadata object) on one line: a raw line break can
    /// only be whitespace between tokens in valid JSON, so it becomes a space.
    mutating func appendRawJSON(_ json: String) {
        var json = json
        json.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { append(contentsOf: bytes); return }
            for byte in bytes { append(byte == 0x0A || byte == 0x0D ? 0x20 : byte) }
        }
    }

    /// Appends one RFC 4180 field: as it is, or in double quotes (inner quotes doubled) when it
    /// holds a comma, a quote, CR or LF. Line breaks inside quotes are kept.
    mutating func appendCSVField(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            let needsQuotes = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else { append(contentsOf: bytes); return }
            append(0x22)
            for byte in bytes {
                append(byte)
                if byte == 0x22 { append(0x22) }
            }
            append(0x22)
        }
    }
}

/// Maps an item's Unicode scalar offsets (as spans store them) to its UTF-8 bytes, so a span's
/// text is cut from the original bytes exactly.
struct ScalarOffsets {
    /// `byteOffsets[k]` is the UTF-8 offset where scalar `k` starts; the last entry is the length.
    let byteOffsets: [Int]
    let utf8: [UInt8]

    init(_ text: String) {
        utf8 = Array(text.utf8)
        var offsets: [Int] = []
        offsets.reserveCapacity(utf8.count + 1)
        for (index, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { offsets.append(index) }
        offsets.append(utf8.count)
        byteOffsets = offsets
    }

    /// The number of scalars.
    var count: Int { byteOffsets.count - 1 }

    /// Whether `start..<end` is a valid scalar range of the text.
    func contains(_ start: Int, _ end: Int) -> Bool { start >= 0 && start <= end && end <= count }

    /// The UTF-8 bytes of scalars `start..<end`.
    func bytes(_ start: Int, _ end: Int) -> ArraySlice<UInt8> { utf8[byteOffsets[start]..<byteOffsets[end]] }

    /// The text of scalars `start..<end`.
    func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes(start, end), as: UTF8.self) }
}
