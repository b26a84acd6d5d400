import Foundation
import GlossCore
import GlossTerminal

extension Labeler {
    /// Confirm mode: under the header, column titles and one row per item (its id, the
    /// label it will be saved with, the model's confidence, the text on one line); the
    /// cursor row reverse, fixed rows marked `*`. The label bar and status line stay.
    static func drawConfirm(_ state: LabelerState, _ list: ConfirmList, _ layout: LabelerLayout, _ palette: Palette,
                            _ screen: inout Screen) {
        let right = layout.mainWidth
        let top = 2
        let rows = max(0, layout.labelTop - top)
        let idWidth = min(12, max(2, list.rows.map { screenWidth($0.externalID) }.max() ?? 2))
        let labelWidth = min(16, max(5, state.guide.labels.map { screenWidth($0.name) }.max() ?? 5))
        let textX = 1 + idWidth + 1 + 2 + labelWidth + 1 + 4 + 1
        let fixedCount = list.rows.filter(\.isFixed).count
        let title = "confirm \(list.rows.count) item\(list.rows.count == 1 ? "" : "s") · \(fixedCount) fixed"
        screen.put(title, x: 1, y: 1, style: palette.title, maxWidth: right - 2)
        // Rows scroll with the cursor when the list is longer than the screen.
        let first = max(0, min(list.cursor - rows + 1, list.rows.count - rows))
        for (offset, row) in list.rows.dropFirst(first).prefix(rows).enumerated() {
            let index = first + offset
            let y = top + offset
            let atCursor = index == list.cursor
            var base = atCursor ? palette.cursor : CellStyle()
            if atCursor { screen.put(String(repeating: " ", count: max(0, right)), x: 0, y: y, style: base) }
            var x = 1
            screen.put(truncated(row.externalID, to: idWidth), x: x, y: y, style: base, maxWidth: idWidth)
            x += idWidth + 1
            screen.put(row.isFixed ? "*" : " ", x: x, y: y, style: base, maxWidth: 1)
            x += 2
            var labelStyle = palette.label(state.guide.label(named: row.label))
            labelStyle.reverse = atCursor
            labelStyle.bold = row.isFixed
            screen.put(truncated(row.label, to: labelWidth), x: x, y: y, style: labelStyle, maxWidth: labelWidth)
            x += labelWidth + 1
            let percent = row.isFixed ? "" : "\(Int((row.suggestion.confidence * 100).rounded()))%"
            base.dim = !atCursor
            screen.put(String(repeating: " ", count: max(0, 4 - percent.count)) + percent, x: x, y: y, style: base, maxWidth: 4)
            base.dim = false
            let line = String(String.UnicodeScalarView(row.text.unicodeScalars.prefix(400).map {
                $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0
            }))
            if textX < right - 1 {
                screen.put(truncated(line, to: right - 1 - textX), x: textX, y: y, style: base, maxWidth: right - 1 - textX)
            }
        }
    }
}
