import GlossCore

/// Byte-level building blocks of the export writers besides JSON (`JSONBytes` in GlossCore):
/// CSV fields, and the UTF-8 bytes of a span.
extension Array where Element == UInt8 {
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
