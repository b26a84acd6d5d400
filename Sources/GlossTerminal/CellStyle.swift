/// The eight ANSI colors and gray: what every terminal Gloss runs on can show. Guides
/// name label colors with these words.
public enum TerminalColor: String, Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white, gray

    /// The color a guide names: "red", "green", "yellow", "blue", "magenta", "cyan",
    /// "white", "gray" or "grey" (and "black"), in any case; nil for anything else.
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "grey" {
            self = .gray
        } else if let color = TerminalColor(rawValue: lowered) {
            self = color
        } else {
            return nil
        }
    }
}

/// How a cell is drawn: optional colors (nil keeps the terminal's default, which respects
/// light and dark themes) and text attributes.
public struct CellStyle: Sendable, Hashable {
    /// The text color, or nil for the terminal's default.
    public var foreground: TerminalColor?
    /// The background color, or nil for the terminal's default.
    public var background: TerminalColor?
    /// Bold (often also brighter).
    public var bold: Bool
    /// Dim (faint), for secondary text.
    public var dim: Bool
    /// Italic, where the terminal supports it.
    public var italic: Bool
    /// Underlined.
    public var underline: Bool
    /// Foreground and background swapped: the one highlight that works without colors.
    public var reverse: Bool

    /// A style; the default is the terminal's plain text.
    public init(
        foreground: TerminalColor? = nil, background: TerminalColor? = nil,
        bold: Bool = false, dim: Bool = false, italic: Bool = false,
        underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    /// The terminal's plain text.
    public static let plain = CellStyle()
}

/// One column of the screen: a grapheme cluster with its display width and style.
/// A 2-wide character (Hangul, CJK, emoji) occupies its cell and the `continuation` cell
/// to its right. Zero-width marks never get a cell: they join the character before them.
public struct Cell: Sendable, Hashable {
    /// The grapheme cluster shown, already sanitized; empty for a continuation cell.
    public internal(set) var text: String
    /// Columns the text occupies: 1 or 2, and 0 only for a continuation cell.
    public internal(set) var width: Int
    /// How the cell is drawn.
    public internal(set) var style: CellStyle

    init(text: String, width: Int, style: CellStyle) {
        self.text = text
        self.width = width
        self.style = style
    }

    /// Whether this is the right half of the 2-wide character in the cell to its left.
    public var isContinuation: Bool { width == 0 }

    /// A blank cell in `style`.
    public static func blank(_ style: CellStyle = .plain) -> Cell {
        Cell(text: " ", width: 1, style: style)
    }

    /// The right half of a 2-wide character drawn in `style`.
    static func continuation(_ style: CellStyle) -> Cell {
        Cell(text: "", width: 0, style: style)
    }
}
