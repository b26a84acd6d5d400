import GlossCore
import GlossTerminal

/// One grapheme cluster of the item text as the screen shows it.
struct DisplayUnit: Equatable {
    enum Kind: Equatable { case newline, space, text }
    /// What is drawn: the cluster itself, or `Screen.sanitized` of it (`␛`, `\u{202E}`),
    /// or four spaces for a tab.
    let text: String
    /// Columns it takes as `Screen.put` draws it alone.
    let width: Int
    /// The scalar offsets of the original text it stands for.
    let scalars: Range<Int>
    let kind: Kind
    /// A CJK ideograph, kana or fullwidth punctuation: a line may break next to it.
    let breakableWide: Bool
}

/// Wraps item text by display width into `WrappedLine`s for the item pane.
///
/// The text is measured as Screen will show it: each grapheme cluster becomes a
/// `DisplayUnit` whose text is `Screen.sanitized` of the cluster (ESC is `␛`, U+202E is
/// `\u{202E}`), a tab is four spaces. Control, bidi and separator characters are always
/// clusters of their own, so this is exact: every unit keeps the scalar offsets of the
/// cluster it came from, and a line's `scalarRange` runs from its first unit's first
/// scalar to its last unit's end. Line feeds (LF, CR LF, CR) end a line and belong to no
/// line, nor do the spaces dropped at a soft break. Lines break at spaces, between CJK
/// ideographs or kana (not before closing punctuation), and inside a word only when the
/// word is wider than the line. Leading spaces of a paragraph are kept (indentation).
enum ItemTextWrapper {
    static func wrap(_ text: String, width: Int) -> [WrappedLine] {
        let width = max(1, width)
        var lines: [WrappedLine] = []
        var paragraph: [DisplayUnit] = []
        var position = 0
        for unit in units(of: Substring(text), from: 0) {
            if unit.kind == .newline {
                wrapParagraph(paragraph, start: position, width: width, into: &lines)
                paragraph.removeAll(keepingCapacity: true)
                position = unit.scalars.upperBound
            } else {
                paragraph.append(unit)
            }
        }
        wrapParagraph(paragraph, start: position, width: width, into: &lines)
        return lines
    }

    /// The display units of `text`, whose first scalar is at offset `from` of the item.
    static func units(of text: Substring, from offset: Int) -> [DisplayUnit] {
        var out: [DisplayUnit] = []
        var position = offset
        for character in text {
            let count = character.unicodeScalars.count
            let range = position..<(position + count)
            position += count
            switch character {
            case "\n", "\r\n", "\r":
                out.append(DisplayUnit(text: "", width: 0, scalars: range, kind: .newline, breakableWide: false))
            case "\t":
                out.append(DisplayUnit(text: "    ", width: 4, scalars: range, kind: .space, breakableWide: false))
            case " ", "\u{3000}":
                out.append(DisplayUnit(text: String(character), width: character == " " ? 1 : 2,
                                       scalars: range, kind: .space, breakableWide: false))
            case _ where character.isASCII && count == 1 && character.asciiValue.map({ $0 > 0x20 && $0 < 0x7F }) == true:
                out.append(DisplayUnit(text: String(character), width: 1, scalars: range, kind: .text, breakableWide: false))
            default:
                let shown = Screen.sanitized(String(character))
                var columns = 0
                for piece in shown { columns += min(2, DisplayWidth.of(piece)) }
                out.append(DisplayUnit(text: shown, width: columns, scalars: range, kind: .text,
                                       breakableWide: isBreakableWide(character)))
            }
        }
        return out
    }

    /// Wraps one paragraph (no line feeds) starting at scalar offset `start`.
    private static func wrapParagraph(_ units: [DisplayUnit], start: Int, width: Int, into lines: inout [WrappedLine]) {
        var first = 0, end = 0, used = 0
        var startedLines = false
        func emit() {
            lines.append(line(units[first..<end], at: start))
            startedLines = true
            used = 0
        }
        var index = 0
        while index < units.count {
            // One atom: spaces, then the unbreakable run after them.
            let spaceStart = index
            while index < units.count && units[index].kind == .space { index += 1 }
            let bodyStart = index
            if index < units.count {
                index += 1
                while index < units.count && units[index].kind != .space
                    && !canBreak(between: units[index - 1], and: units[index]) { index += 1 }
            }
            if bodyStart == index { break }  // trailing spaces: dropped
            let spaceWidth = columns(units[spaceStart..<bodyStart])
            let bodyWidth = columns(units[bodyStart..<index])
            if end > first {
                if used + spaceWidth + bodyWidth <= width {
                    end = index
                    used += spaceWidth + bodyWidth
                    continue
                }
                emit()
                first = bodyStart; end = bodyStart
            } else if !startedLines && spaceStart == 0 && spaceWidth + bodyWidth <= width {
                first = spaceStart; end = index; used = spaceWidth + bodyWidth
                continue
            } else {
                first = bodyStart; end = bodyStart
            }
            if bodyWidth <= width {
                end = index
                used = bodyWidth
                continue
            }
            // Wider than a line: break between clusters.
            for unitIndex in bodyStart..<index {
                let w = units[unitIndex].width
                if end > first && used + w > width {
                    emit()
                    first = unitIndex; end = unitIndex
                }
                end = unitIndex + 1
                used += w
            }
        }
        if end > first || !startedLines { lines.append(line(units[first..<end], at: start)) }
    }

    private static func line(_ units: ArraySlice<DisplayUnit>, at start: Int) -> WrappedLine {
        guard let head = units.first, let tail = units.last else {
            return WrappedLine(text: "", scalarRange: start..<start)
        }
        return WrappedLine(text: units.map(\.text).joined(),
                           scalarRange: head.scalars.lowerBound..<tail.scalars.upperBound)
    }

    private static func columns(_ units: ArraySlice<DisplayUnit>) -> Int {
        units.reduce(0) { $0 + $1.width }
    }

    // MARK: - Break opportunities between wide characters

    static func canBreak(between before: DisplayUnit, and after: DisplayUnit) -> Bool {
        guard before.breakableWide && after.breakableWide,
              let b = before.text.first, let a = after.text.first else { return false }
        return LineWrapper.canBreak(between: b, and: a)
    }

    /// CJK ideographs, kana, CJK punctuation and fullwidth forms (as the guide's wrapper
    /// has them), but not the ideographic space, which breaks like a space here.
    static func isBreakableWide(_ character: Character) -> Bool {
        character != "\u{3000}" && LineWrapper.isBreakableWide(character)
    }
}
