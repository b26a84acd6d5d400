/// The editor's text laid out in rows of a width: lines broken at their line breaks, and
/// wrapped by display width (after the last space that fits, else where the row is full),
/// never inside a grapheme cluster, so a wide character that does not fit moves whole to
/// the next row. The cursor's row and column are where the next character would show.
public struct EditorLayout: Sendable, Equatable {
    /// One screen row: the characters `range` of the text, as shown.
    public struct Row: Sendable, Equatable {
        public var range: Range<Int>
        public var text: String
    }

    public var rows: [Row]
    public var cursorRow: Int
    public var cursorColumn: Int

    public init(_ editor: LineEditor, width: Int) {
        let width = max(2, width)
        let characters = editor.characters
        var rows: [Row] = []
        var start = 0
        while true {
            let end = Self.rowEnd(characters, from: start, width: width)
            rows.append(Row(range: start..<end, text: String(characters[start..<end].filter { $0 != "\n" })))
            if end >= characters.count {
                // A text ending in a line break has an empty last row for the cursor.
                if end > start, characters[end - 1] == "\n" { rows.append(Row(range: end..<end, text: "")) }
                break
            }
            start = end
        }
        // The cursor is on the row whose range holds it (at a wrapped row's end: the next
        // row's start); at the end of the text, on the last row.
        let cursor = editor.cursor
        let row = rows.firstIndex { $0.range.contains(cursor) } ?? rows.count - 1
        self.rows = rows
        cursorRow = row
        cursorColumn = LineEditor.columns(characters[rows[row].range.lowerBound..<cursor])
        if cursorColumn >= width {
            // A full last row: the cursor waits at the start of the row below.
            self.rows.append(Row(range: cursor..<cursor, text: ""))
            cursorRow += 1
            cursorColumn = 0
        }
    }

    /// Where the row starting at `start` ends: after its line break, or where the next
    /// character would pass `width` (after the row's last space when it has one).
    static func rowEnd(_ characters: [Character], from start: Int, width: Int) -> Int {
        var used = 0
        var lastSpace: Int?
        var i = start
        while i < characters.count {
            let character = characters[i]
            // A line break needs a column for the cursor before it.
            if character == "\n" { return used + 1 > width && i > start ? i : i + 1 }
            let w = LineEditor.columns(character)
            if used + w > width, i > start {
                return lastSpace.map { $0 + 1 } ?? i
            }
            if character == " " { lastSpace = i }
            used += w
            i += 1
        }
        return i
    }
}
