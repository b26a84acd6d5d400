/// The one JSON writer: strings, integers, numbers and arrays appended straight to a `[UInt8]`
/// buffer (no Foundation encoders, no intermediate `String` per field), so that a million
/// records write in well under a second. Export writers, the annotations export, the import
/// log and the prediction lines all write their JSON through it.
///
/// Numbers are deterministic: integers in plain decimal; doubles as Swift's shortest
/// round-trip `description` (`1.0`, `0.5`, `0.6666666666666666`, `1e-05`), which is also what
/// Python's `repr` prints, and `null` for a non-finite value (JSON has none).
extension Array where Element == UInt8 {
    @inline(__always) public mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends a string's UTF-8 bytes as they are.
    @inline(__always) public mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends `value` in decimal.
    public mutating func appendInt(_ value: Int) {
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
    public mutating func appendNumber(_ value: Double) {
        if value == 1 { appendASCII("1.0"); return }
        if value == 0 { appendASCII("0.0"); return }
        guard value.isFinite else { appendASCII("null"); return }
        appendUTF8(value.description)
    }

    /// Appends `text` as a JSON string literal, quotes included (`JSONString.appendLiteral`).
    @inline(__always) public mutating func appendJSONString(_ text: String) {
        JSONString.appendLiteral(text, to: &self)
    }

    /// Appends a JSON array of strings: `["a","b"]`.
    public mutating func appendJSONStrings(_ texts: [String]) {
        append(UInt8(ascii: "["))
        for (index, text) in texts.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            appendJSONString(text)
        }
        append(UInt8(ascii: "]"))
    }

    /// Appends a JSON array of integers: `[0,2]`.
    public mutating func appendJSONInts(_ values: [Int]) {
        append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            appendInt(value)
        }
        append(UInt8(ascii: "]"))
    }

    /// Appends stored JSON text (an item's metadata object) on one line: a raw line break can
    /// only be whitespace between tokens in valid JSON, so it becomes a space.
    public mutating func appendRawJSON(_ json: String) {
        var json = json
        json.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { append(contentsOf: bytes); return }
            for byte in bytes { append(byte == 0x0A || byte == 0x0D ? 0x20 : byte) }
        }
    }

    /// Appends a span's members, `"start":…,"end":…,"label":…`, inside an object the caller
    /// opens and closes (each writer adds its own members: a text, a confidence).
    public mutating func appendSpanMembers(_ span: LabeledRange) {
        appendASCII("\"start\":")
        appendInt(span.start)
        appendASCII(",\"end\":")
        appendInt(span.end)
        appendASCII(",\"label\":")
        appendJSONString(span.label)
    }
}
