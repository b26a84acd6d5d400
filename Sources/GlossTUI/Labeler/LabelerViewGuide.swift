import GlossCore
import GlossTerminal

extension Labeler {
    /// The guide pane: beside the item behind a vertical border, or an overlay over the
    /// lower part of the item text under a titled top border. Lines from `guideScroll`.
    static func drawGuidePane(_ state: LabelerState, _ pane: GuidePaneLayout, _ palette: Palette, _ screen: inout Screen) {
        let lines = state.guideLines
        let scroll = min(max(0, state.guideScroll), max(0, lines.count - pane.rows))
        let title = "guide v\(state.guideVersion) · Tab closes"
        let position = lines.isEmpty ? "" : "\(scroll + 1)–\(min(lines.count, scroll + pane.rows))/\(lines.count)"
        if let borderX = pane.borderX {
            screen.fill(x: borderX, y: pane.titleRow, width: screen.width - borderX, height: pane.rows + pane.top - pane.titleRow)
            for y in pane.titleRow..<(pane.top + pane.rows) {
                screen.put("│", x: borderX, y: y, style: palette.border)
            }
            let used = screen.put(title, x: pane.x, y: pane.titleRow, style: palette.title, maxWidth: pane.width)
            let positionWidth = screenWidth(position)
            if used + 2 + positionWidth <= pane.width {
                screen.put(position, x: pane.x + pane.width - positionWidth, y: pane.titleRow, style: palette.hint)
            }
        } else {
            screen.fill(x: 0, y: pane.titleRow, width: screen.width, height: pane.rows + 1)
            screen.put(String(repeating: "─", count: screen.width), x: 0, y: pane.titleRow, style: palette.border)
            let used = screen.put(" \(title) ", x: 2, y: pane.titleRow, style: palette.title, maxWidth: screen.width - 4)
            let label = " \(position) "
            let labelWidth = screenWidth(label)
            if !position.isEmpty && 2 + used + 2 + labelWidth + 2 <= screen.width {
                screen.put(label, x: screen.width - 2 - labelWidth, y: pane.titleRow, style: palette.hint)
            }
        }
        for row in 0..<pane.rows where scroll + row < lines.count {
            screen.put(lines[scroll + row], x: pane.x, y: pane.top + row, maxWidth: pane.width, palette: palette)
        }
    }
}
