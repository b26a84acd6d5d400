import GlossCore
import GlossTerminal
import GlossTUI

/// The pairwise item pane: the prompt (or the chat, turn by turn) above the two responses,
/// side by side in columns when the pane is at least `sideBySideWidth` wide, else stacked,
/// each wrapped in its own column. Responses are titled by side (`LEFT`, `RIGHT`) and their
/// key, never by model, so judges are blind. With the diff on, words only the left response
/// has are marked removed and words only the right one has added.
enum PairwiseLayout {
    /// The item pane width (a 120-column terminal less its margins) from which the responses
    /// sit side by side.
    static let sideBySideWidth = 118

    static func lines(parts: ItemParts, left: ItemResponse, right: ItemResponse, guide: Guide, diff: Bool,
                      width: Int, focus: (side: PairwiseJudgment.Outcome, note: String)? = nil) -> [ItemBodyLine] {
        var lines = promptLines(parts, width: width)
        let pieces = diff ? WordDiff.compare(left.text, right.text)
                          : (left: WordDiff.pieces(left.text), right: WordDiff.pieces(right.text))
        var leftTitle = title(.left, guide: guide), rightTitle = title(.right, guide: guide)
        if let focus { if focus.side == .left { leftTitle += " · " + focus.note } else { rightTitle += " · " + focus.note } }
        if width >= sideBySideWidth {
            let column = (width - 3) / 2
            let rightX = column + 3
            let leftLines = [heading(leftTitle, x: 0, width: column)] + wrap(pieces.left, width: column, x: 0, changedLook: .removed)
            let rightLines = [heading(rightTitle, x: rightX, width: column)]
                + wrap(pieces.right, width: column, x: rightX, changedLook: .added)
            for row in 0..<max(leftLines.count, rightLines.count) {
                var runs: [ItemBodyRun] = row < leftLines.count ? leftLines[row].runs : []
                runs.append(ItemBodyRun(x: column + 1, "│", .dim))
                if row < rightLines.count { runs += rightLines[row].runs }
                lines.append(ItemBodyLine(runs))
            }
        } else {
            lines.append(heading(leftTitle, x: 0, width: width))
            lines += wrap(pieces.left, width: width, x: 0, changedLook: .removed)
            lines.append(ItemBodyLine())
            lines.append(heading(rightTitle, x: 0, width: width))
            lines += wrap(pieces.right, width: width, x: 0, changedLook: .added)
        }
        return lines
    }

    /// The prompt (or the chat, turn by turn, each under its role) and a blank line.
    static func promptLines(_ parts: ItemParts, width: Int) -> [ItemBodyLine] {
        var lines: [ItemBodyLine] = []
        switch parts.prompt {
        case .text(let text):
            lines.append(heading("PROMPT", x: 0, width: width))
            lines += wrap(WordDiff.pieces(text), width: width, x: 0, changedLook: .plain)
        case .chat(let turns):
            for turn in turns {
                lines.append(heading(turn.role.uppercased(), x: 0, width: width))
                lines += wrap(WordDiff.pieces(turn.content), width: width, x: 0, changedLook: .plain)
            }
        }
        lines.append(ItemBodyLine())
        return lines
    }

    /// `LEFT · key f`, from the guide's label for the side.
    static func title(_ side: PairwiseJudgment.Outcome, guide: Guide) -> String {
        let name = side.rawValue.uppercased()
        guard let key = guide.label(named: side.rawValue)?.key else { return name }
        return "\(name) · key \(key)"
    }

    /// A title bar `width` columns wide.
    static func heading(_ text: String, x: Int, width: Int) -> ItemBodyLine {
        let shown = " " + text + " "
        let pad = max(0, width - DisplayWidth.of(shown))
        return ItemBodyLine([ItemBodyRun(x: x, shown + String(repeating: " ", count: pad), .heading)])
    }

    /// `pieces` wrapped at word boundaries to `width` columns starting at column `x`: line
    /// breaks of the text kept, the indentation after them kept (code stays readable), the
    /// space at a wrap dropped, a word wider than the column cut. Changed words get
    /// `changedLook`. Tabs count as four spaces; control characters as the escapes the
    /// screen shows for them.
    static func wrap(_ pieces: [WordDiff.Piece], width: Int, x: Int, changedLook: ItemBodyRun.Look) -> [ItemBodyLine] {
        let width = max(1, width)
        var lines: [ItemBodyLine] = []
        var runs: [ItemBodyRun] = []
        var column = 0
        var afterBreak = true  // at the start of a line of the text (not a wrap)
        var lastRunEnd: Int?  // the column just past the line's last run
        func endLine(wrapped: Bool) {
            lines.append(ItemBodyLine(runs))
            runs = []
            column = 0
            lastRunEnd = nil
            afterBreak = !wrapped
        }
        func put(_ text: String, _ look: ItemBodyRun.Look, width textWidth: Int) {
            if let last = runs.last, last.look == look, lastRunEnd == x + column {
                runs[runs.count - 1].text += text
            } else {
                runs.append(ItemBodyRun(x: x + column, text, look))
            }
            column += textWidth
            lastRunEnd = x + column
        }
        for piece in pieces {
            if piece.isSpace, piece.text == " " {
                // The common space between two words, as the general case below treats it.
                if column == 0 {
                    if afterBreak { put(String(repeating: " ", count: min(1, width - 1)), .plain, width: min(1, width - 1)) }
                } else if column + 1 >= width {
                    endLine(wrapped: true)
                } else {
                    put(" ", piece.changed ? changedLook : .plain, width: 1)
                }
                continue
            }
            if piece.isSpace {
                let segments = piece.text.replacingOccurrences(of: "\t", with: "    ")
                    .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                for (index, segment) in segments.enumerated() {
                    if index > 0 { endLine(wrapped: false) }
                    let spaces = Screen.sanitized(String(segment))
                    let spaceWidth = DisplayWidth.of(spaces)
                    guard spaceWidth > 0 else { continue }
                    if column == 0 {
                        if afterBreak { put(String(repeating: " ", count: min(spaceWidth, width - 1)), .plain, width: min(spaceWidth, width - 1)) }
                    } else if column + spaceWidth >= width {
                        endLine(wrapped: true)
                    } else {
                        put(spaces, piece.changed ? changedLook : .plain, width: spaceWidth)
                    }
                }
                continue
            }
            let word = Screen.sanitized(piece.text)
            let look = piece.changed ? changedLook : .plain
            let wordWidth = DisplayWidth.of(word)
            if column + wordWidth <= width {
                put(word, look, width: wordWidth)
            } else if wordWidth <= width {
                endLine(wrapped: true)
                put(word, look, width: wordWidth)
            } else {
                for character in word {
                    let characterWidth = DisplayWidth.of(character)
                    if column + characterWidth > width { endLine(wrapped: true) }
                    put(String(character), look, width: characterWidth)
                }
            }
            afterBreak = false
        }
        if !runs.isEmpty || lines.isEmpty { lines.append(ItemBodyLine(runs)) }
        return lines
    }
}
