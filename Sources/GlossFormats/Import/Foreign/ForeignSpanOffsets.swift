import GlossCore

/// Turns other tools' span offsets into Gloss's: Unicode scalar offsets into the item's text
/// (what Python's `str` indexes count).
///
/// Prodigy and doccano count code points (their servers are Python). Label Studio counts
/// code points since its frontend fix for astral characters (label-studio-frontend PR 308;
/// issue HumanSignal/label-studio#1347 shows the older exports, which counted JavaScript
/// UTF-16 units, so every offset after an emoji was one too large). When a span carries
/// its text, both readings are tried and the one that slices that text is taken; a span
/// that matches neither is refused, never guessed.
struct ForeignSpanOffsets {
    private let scalars: [Unicode.Scalar]
    /// The scalar index at each UTF-16 offset (nil inside a surrogate pair), built on first need.
    private var scalarAtUTF16: [Int?]?

    init(text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var length: Int { scalars.count }

    /// The span's scalar offsets. `utf16Fallback` allows the UTF-16 reading when the text
    /// shows it is the right one. The error is a phrase naming the span.
    mutating func convert(start: Int, end: Int, label: String, expected: String?, utf16Fallback: Bool) throws(AnnotationLineError) -> LabeledRange {
        let direct = slice(start, end)
        if let direct, expected == nil || direct == expected {
            return LabeledRange(start: start, end: end, label: label)
        }
        if utf16Fallback, let expected, let (s, e) = utf16ToScalar(start, end), slice(s, e) == expected {
            return LabeledRange(start: s, end: e, label: label)
        }
        guard let direct else {
            throw AnnotationLineError("span \(start)-\(end) (\(label)) does not fit the text of \(NumberText.counted(scalars.count, "character")) (start < end, offsets count code points)")
        }
        throw AnnotationLineError("span \(start)-\(end) (\(label)) gives its text as \"\(expected ?? "")\" but the text at those offsets is \"\(direct)\""
            + (utf16Fallback ? " (counting code points or UTF-16 units alike)" : ""))
    }

    private func slice(_ start: Int, _ end: Int) -> String? {
        guard start >= 0, start < end, end <= scalars.count else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    private mutating func utf16ToScalar(_ start: Int, _ end: Int) -> (Int, Int)? {
        if scalarAtUTF16 == nil {
            var table: [Int?] = []
            table.reserveCapacity(scalars.count + 1)
            for (index, scalar) in scalars.enumerated() {
                table.append(index)
                if scalar.utf16.count == 2 { table.append(nil) }
            }
            table.append(scalars.count)
            scalarAtUTF16 = table
        }
        guard let table = scalarAtUTF16, start >= 0, end < table.count, start <= end,
              let s = table[start], let e = table[end] else { return nil }
        return (s, e)
    }
}
