import GlossCore
import GlossTerminal

extension Labeler {
    /// The guide's instructions at the start of a session (README: "shown when a labeling
    /// session starts"): a titled block over the bottom of the item pane, in the rows the
    /// item's text leaves free, or over its lower third when the text fills the pane, so the
    /// item's first lines stay in sight. It goes at the first decision or Esc; the guide pane
    /// (Tab) shows the instructions too, so it gives way while that pane is open.
    static func drawInstructions(_ state: LabelerState, _ layout: LabelerLayout, _ palette: Palette,
                                 below reserved: Int, _ screen: inout Screen) {
        guard let instructions = state.instructions, layout.guide == nil else { return }
        let rows = layout.textRows - reserved
        let title = "instructions · Esc hides them"
        let body = LineWrapper.wrap([StyledRun(TerminalText.visible(instructions))], width: layout.textWidth)
        let free = rows - min(state.itemLineCount, rows)
        let height = min(body.count + 1, max(free, rows / 3))
        guard height >= 2 else { return }
        let top = layout.textTop + rows - height
        screen.fill(x: layout.textX, y: top, width: layout.textWidth, height: height)
        let rule = "── " + title + " " + String(repeating: "─", count: max(0, layout.textWidth - screenWidth(title) - 4))
        screen.put(rule, x: layout.textX, y: top, style: palette.border, maxWidth: layout.textWidth)
        for (index, line) in body.prefix(height - 1).enumerated() {
            screen.put(line, x: layout.textX, y: top + 1 + index, maxWidth: layout.textWidth, palette: palette)
        }
    }
}
