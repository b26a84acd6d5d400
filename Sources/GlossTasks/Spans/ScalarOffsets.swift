import GlossCore
import GlossFormats

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

extension ExportRecord {
    /// The record's spans with their scalar offsets checked against the text, or an error
    /// naming the item and the span.
    func checkedSpans(_ offsets: ScalarOffsets, _ spans: [LabeledRange]) throws(ExportWriterError) -> [LabeledRange] {
        for span in spans where !offsets.contains(span.start, span.end) {
            throw ExportWriterError(
                "Item \"\(id)\" has a span \(span.start)..<\(span.end) labeled \"\(span.label)\" outside its text "
                    + "of \(NumberText.counted(offsets.count, "character")); the export stopped rather than write a wrong slice.")
        }
        return spans
    }
}
