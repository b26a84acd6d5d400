import GlossCore

/// One frame as an in-memory grid of cells. Views draw into a `Screen`; the backend diffs
/// it against the last frame and writes only what changed; tests compare `plainText`.
/// All text goes through `Screen.sanitized`, so data can never send escapes to the terminal.
public struct Screen: Sendable, Equatable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// The most scalars one cell keeps: a base, its marks, or an emoji ZWJ sequence.
    /// Longer clusters ("Zalgo" text) are cut so a frame's memory stays bounded.
    static let maxScalarsPerCell = 16

    /// A blank screen of `width` columns and `height` rows (negative sizes count as 0).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(), count: self.width * self.height)
    }

    /// The cell at column `x`, row `y` (both from 0). Out-of-range positions read as blank.
    public subscript(x: Int, y: Int) -> Cell {
        contains(x: x, y: y) ? cells[y * width + x] : .blank()
    }

    /// Whether (x, y) is on the screen.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Writes `text` left to right from column `x` of row `y` and returns the columns
    /// written. Text is sanitized first; it never goes past the right edge nor past
    /// `maxWidth` columns; a 2-wide character that does not fit becomes a space and ends
    /// the text. Columns left of the screen (negative `x`) are skipped but not counted.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .init(), maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = maxWidth.map { min(width, x + max(0, $0)) } ?? width
        var column = x
        var written = 0
        var lastWritten: Int?  // column of the last cell this call wrote, for zero-width marks
        for character in Screen.sanitized(text) {
            if column >= limit { break }
            let characterWidth = min(2, DisplayWidth.of(character))
            if characterWidth == 0 {
                if let last = lastWritten { attach(character, toCellAt: last, y: y) }
                continue
            }
            if column + characterWidth > limit {
                // A 2-wide character that does not fit: a space takes the last column.
                if column >= 0 {
                    setCell(.blank(style), x: column, y: y)
                    written += 1
                }
                break
            }
            if column >= 0 {
                setCell(Cell(text: Self.capped(character), width: characterWidth, style: style), x: column, y: y)
                lastWritten = column
                written += characterWidth
            } else if column + characterWidth > 0 {
                // A 2-wide character straddling the left edge: its visible half is a space.
                setCell(.blank(style), x: 0, y: y)
                written += 1
            }
            column += characterWidth
        }
        return written
    }

    /// Fills a rectangle with blanks in `style`, clipped to the screen: backgrounds, bars, clears.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, style: CellStyle = .init()) {
        let left = max(0, x), right = min(self.width, x + width)
        let top = max(0, y), bottom = min(self.height, y + height)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            for column in left..<right { setCell(.blank(style), x: column, y: row) }
        }
    }

    /// The characters of row `y` with trailing spaces removed; continuation cells add nothing.
    public func text(row y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var line = ""
        for cell in cells[(y * width)..<((y + 1) * width)] where !cell.isContinuation {
            line += cell.text
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Every row's `text(row:)` joined with newlines: what golden-frame tests compare.
    public var plainText: String {
        (0..<height).map { text(row: $0) }.joined(separator: "\n")
    }

    // MARK: - Keeping wide characters whole

    /// Stores `cell` at (x, y) (and its continuation when 2-wide), first blanking the other
    /// half of any 2-wide character it overwrites, so no half character is ever left behind.
    mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        let span = cell.width == 2 && x + 1 < width ? 2 : 1
        let stored = span == 1 && cell.width == 2 ? Cell.blank(cell.style) : cell
        breakWideCharacter(at: x, y: y)
        if span == 2 { breakWideCharacter(at: x + 1, y: y) }
        cells[y * width + x] = stored
        if span == 2 { cells[y * width + x + 1] = .continuation(cell.style) }
    }

    /// If (x, y) holds half of a 2-wide character, turns the other half into a blank.
    private mutating func breakWideCharacter(at x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if old.width == 2, x + 1 < width {
            cells[index + 1] = .blank(old.style)
        }
    }

    /// Adds a zero-width mark (combining accent, variation selector, joiner) to a cell.
    private mutating func attach(_ mark: Character, toCellAt x: Int, y: Int) {
        let index = y * width + x
        cells[index].text = Self.capped(cells[index].text + String(mark))
    }

    static func capped(_ character: Character) -> String { capped(String(character)) }

    static func capped(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > maxScalarsPerCell else { return text }
        var kept = ""
        kept.unicodeScalars.append(contentsOf: scalars.prefix(maxScalarsPerCell))
        return kept
    }
}

extension Screen {
    /// `text` made safe to show: nothing in it can move the cursor, clear the screen, set
    /// the window title or reorder text. C0 controls become Unicode control pictures
    /// (ESC is `␛`, line feed `␊`), DEL is `␡`, a tab is one space, and C1 controls,
    /// bidirectional controls and line/paragraph separators become visible escapes such
    /// as `\u{202E}`. Views that measure or wrap data text should sanitize it first.
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { replacement(for: $0) != nil }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if let replacement = replacement(for: scalar) {
                out += replacement
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// What replaces `scalar` on screen, or nil when it is shown as itself.
    static func replacement(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x09:
            return " "
        case 0x00..<0x20:
            return String(Unicode.Scalar(0x2400 + value)!)  // ␀ ... ␟
        case 0x7F:
            return "\u{2421}"  // ␡
        case 0x20..<0x7F:
            return nil
        default:
            return TerminalText.isInvisibleControl(scalar) ? TerminalText.codePointEscape(scalar) : nil
        }
    }
}
