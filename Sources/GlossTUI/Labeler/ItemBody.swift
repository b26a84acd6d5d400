import GlossCore
import GlossTerminal

/// Lines a task draws in the item pane in place of the item's wrapped text (the pairwise
/// task: the prompt above two responses, side by side or stacked). The task lays them out
/// for the pane's width (`TaskAnswer.itemBody`); the labeler scrolls them as it scrolls text.
public struct ItemBodyLine: Sendable, Equatable {
    public var runs: [ItemBodyRun]
    public init(_ runs: [ItemBodyRun] = []) { self.runs = runs }
}

/// A piece of an item body line: where it starts (a column of the item pane), its text (data
/// text is sanitized when drawn) and what it means, which the screen styles.
public struct ItemBodyRun: Sendable, Equatable {
    public enum Look: Sendable, Equatable {
        case plain, dim
        /// A part's title (`prompt`, `LEFT`, `RIGHT`).
        case heading
        /// A word diff: words only in the left response, and only in the right one.
        case removed, added
    }
    public var x: Int
    public var text: String
    public var look: Look
    public init(x: Int, _ text: String, _ look: Look = .plain) {
        self.x = x
        self.text = text
        self.look = look
    }
}

extension Palette {
    /// The style of an item body run: headings bold and reversed; a diff's removed words red
    /// and its added words green (monochrome: reversed, and underlined bold).
    func style(_ look: ItemBodyRun.Look) -> CellStyle {
        switch look {
        case .plain: CellStyle()
        case .dim: dim
        case .heading: CellStyle(bold: true, reverse: true)
        case .removed: colors ? CellStyle(foreground: .red, bold: true) : CellStyle(reverse: true)
        case .added: colors ? CellStyle(foreground: .green, bold: true) : CellStyle(bold: true, underline: true)
        }
    }
}
