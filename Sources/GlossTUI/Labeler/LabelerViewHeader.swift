import Foundation
import GlossCore
import GlossTerminal

extension Labeler {
    /// Cells of the progress bar in the header.
    static let progressBarCells = 8

    /// Row 0: a reverse bar with the project, guide version and annotator on the left and
    /// progress, rate and item order on the right. When it does not fit, parts go in this
    /// order: order, progress bar, annotator, rate, guide version; then the project is cut.
    static func drawHeader(_ state: LabelerState, _ layout: LabelerLayout, _ palette: Palette, _ screen: inout Screen) {
        struct Part { var text: String; var right: Bool; var dropRank: Int }
        var parts = [
            Part(text: state.project, right: false, dropRank: 99),
            Part(text: "guide v\(state.guideVersion)", right: false, dropRank: 5),
            Part(text: state.annotator, right: false, dropRank: 3),
            Part(text: "\(state.decided)/\(state.total)", right: true, dropRank: 99),
            Part(text: progressBar(decided: state.decided, total: state.total), right: true, dropRank: 2),
            Part(text: rate(state), right: true, dropRank: 4),
        ]
        parts.append(Part(text: state.browse?.list.name ?? state.order.rawValue, right: true, dropRank: 1))
        func joined(_ right: Bool) -> String {
            let texts = parts.filter { $0.right == right }.map(\.text)
            // The bar follows the count without a separator: "12/50 [██░░░░░░]".
            var out = ""
            for (index, text) in texts.enumerated() {
                if index > 0 { out += text.hasPrefix("[") ? " " : " · " }
                out += text
            }
            return out
        }
        let room = layout.width - 2
        while screenWidth(joined(false)) + 2 + screenWidth(joined(true)) > room,
              let drop = parts.indices.filter({ parts[$0].dropRank < 99 }).min(by: { parts[$0].dropRank < parts[$1].dropRank }) {
            parts.remove(at: drop)
        }
        let right = joined(true)
        let rightWidth = screenWidth(right)
        let leftRoom = max(0, room - 2 - rightWidth)
        let rest = joined(false).dropFirst(state.project.count)
        let projectRoom = max(1, leftRoom - screenWidth(String(rest)))
        let project = truncated(state.project, to: projectRoom)

        screen.fill(x: 0, y: 0, width: layout.width, height: 1, style: palette.header)
        var x = 1
        x += screen.put(project, x: x, y: 0, style: palette.headerStrong, maxWidth: leftRoom)
        screen.put(String(rest), x: x, y: 0, style: palette.header, maxWidth: max(0, 1 + leftRoom - x))
        screen.put(right, x: layout.width - 1 - rightWidth, y: 0, style: palette.header, maxWidth: rightWidth)
    }

    /// `[███░░░░░]`: the decided share in eighths.
    static func progressBar(decided: Int, total: Int) -> String {
        let filled = total > 0 ? min(progressBarCells, max(0, decided) * progressBarCells / total) : 0
        return "[" + String(repeating: "█", count: filled)
            + String(repeating: "░", count: progressBarCells - filled) + "]"
    }

    /// Decisions per hour this session ("42/h"), or "–/h" in the first ten seconds.
    static func rate(_ state: LabelerState) -> String {
        let elapsed = state.now.timeIntervalSince(state.sessionStart)
        guard elapsed >= 10 else { return "–/h" }
        return "\(Int((Double(state.sessionDecisions) * 3600 / elapsed).rounded()))/h"
    }

    /// The last row: the status (red and bold on error; monochrome: bold reverse) and a
    /// right-aligned key hint.
    static func drawStatus(_ state: LabelerState, _ layout: LabelerLayout, _ palette: Palette, _ screen: inout Screen) {
        let row = layout.statusRow
        var hint = "? help"
        if case .help = state.mode {
            hint = "Esc closes help"
        } else if layout.width >= 60 {
            hint = state.guideVisible ? "Tab closes guide · ? help" : "Tab guide · ? help"
        }
        let hintWidth = screenWidth(hint)
        let textRoom = layout.width - 2 - hintWidth - 2
        let text = truncated(state.status.text, to: max(0, textRoom))
        let style = state.status.isError ? palette.error : CellStyle()
        if !text.isEmpty { screen.put(text, x: 1, y: row, style: style, maxWidth: max(0, textRoom)) }
        screen.put(hint, x: layout.width - 1 - hintWidth, y: row, style: palette.hint, maxWidth: hintWidth)
    }

    /// The prompt on the last row: `:`, `/`, `note: ` or `comment: `, the text typed (its
    /// end when it is too long) and a reverse cell for the cursor.
    static func drawPrompt(_ prompt: Prompt, row: Int, _ palette: Palette, _ screen: inout Screen) {
        let prefix = switch prompt.kind {
        case .command: ":"
        case .search: "/"
        case .flagNote: "note: "
        case .comment: "comment: "
        }
        let room = max(2, screen.width - 1 - prefix.count - 1)
        let characters = prompt.editor.characters, cursor = prompt.editor.cursor
        // From the start when the text fits; else from where the cursor's column still shows,
        // after a "…".
        var start = 0
        if LineEditor.columns(characters[...]) > room {
            start = cursor
            var used = 1  // the "…"
            while start > 0, used + LineEditor.columns(characters[start - 1]) <= room {
                used += LineEditor.columns(characters[start - 1])
                start -= 1
            }
        }
        var x = screen.put(prefix, x: 0, y: row, style: palette.bold)
        if start > 0 { x += screen.put("…", x: x, y: row) }
        let cursorX = x + LineEditor.columns(characters[start..<cursor])
        screen.put(String(characters[start...]), x: x, y: row, maxWidth: screen.width - x)
        let under = cursor < characters.count ? String(characters[cursor]) : " "
        screen.put(under, x: cursorX, y: row, style: palette.cursor, maxWidth: 2)
    }
}
