import GlossCore
import GlossTerminal

/// The help overlay's box: rows 1 to the row above the status line, at most 78 columns,
/// centered, with the `LabelerHelp` lines inside a one-column margin.
struct HelpBox {
    static let maxWidth = 78
    let x: Int
    let y: Int
    let width: Int
    let height: Int
    let lines: [StyledLine]

    init(_ state: LabelerState) {
        width = max(6, min(state.width - 2, Self.maxWidth))
        x = max(0, (state.width - width) / 2)
        y = 1
        height = max(3, state.height - 2)
        lines = LabelerHelp.lines(for: state.guide, answer: state.answer.value, width: max(1, width - 4))
    }

    var innerX: Int { x + 2 }
    var innerWidth: Int { max(1, width - 4) }
    var innerTop: Int { y + 1 }
    var innerRows: Int { max(0, height - 2) }
    var maxScroll: Int { max(0, lines.count - innerRows) }
}

extension Labeler {
    /// The help overlay: a bordered box titled with the task, the keys from `scroll`, and
    /// how to scroll and close it in the bottom border.
    static func drawHelp(_ state: LabelerState, scroll: Int, _ palette: Palette, _ screen: inout Screen) {
        let box = HelpBox(state)
        let scroll = min(max(0, scroll), box.maxScroll)
        let right = box.x + box.width - 1, bottom = box.y + box.height - 1
        screen.fill(x: box.x, y: box.y, width: box.width, height: box.height)
        let rule = String(repeating: "─", count: max(0, box.width - 2))
        screen.put("┌" + rule + "┐", x: box.x, y: box.y, style: palette.border)
        screen.put("└" + rule + "┘", x: box.x, y: bottom, style: palette.border)
        for y in (box.y + 1)..<bottom {
            screen.put("│", x: box.x, y: y, style: palette.border)
            screen.put("│", x: right, y: y, style: palette.border)
        }
        screen.put(" help · \(state.guide.task.rawValue) ", x: box.x + 2, y: box.y, style: palette.title,
                   maxWidth: box.width - 4)
        var footer = "Esc closes"
        if box.maxScroll > 0 {
            let last = min(box.lines.count, scroll + box.innerRows)
            footer = "\(scroll + 1)–\(last)/\(box.lines.count) · PgUp PgDn · " + footer
        }
        footer = " \(footer) "
        let footerWidth = screenWidth(footer)
        if footerWidth <= box.width - 4 {
            screen.put(footer, x: right - 1 - footerWidth, y: bottom, style: palette.hint)
        }
        for row in 0..<box.innerRows where scroll + row < box.lines.count {
            screen.put(box.lines[scroll + row], x: box.innerX, y: box.innerTop + row,
                       maxWidth: box.innerWidth, palette: palette)
        }
    }
}
