import GlossCore
import GlossTerminal

/// `:stats`: the team dashboard over the labeling screen — the same report as
/// `gloss stats`, computed off the key path when the dashboard opens.
extension LabelerUpdate {
    static let statsHint = "↑↓ PgUp PgDn scroll · Esc or q back to labeling"

    /// ↑/↓ a line, PgUp/PgDn a page, Home the top; Esc or q closes (q does not quit here).
    static func statsKey(_ state: inout LabelerState, _ report: StatsReport?, scroll: Int, _ key: Key) -> [LabelerEffect] {
        let page = max(1, LabelerLayout(state).statusRow - 2)
        var next = scroll
        switch key {
        case .escape, .character(":"):
            state.mode = .labeling
            state.status = StatusLine("")
            return []
        case _ where isQuitKey(key):
            state.mode = .labeling
            state.status = StatusLine("")
            return []
        case .up: next -= 1
        case .down: next += 1
        case .pageUp: next -= page
        case .pageDown: next += page
        case .home: next = 0
        default:
            state.status = StatusLine(statsHint)
        }
        let lines = report.map { StatsRenderer.lines($0, width: max(1, state.width - 2)).count } ?? 0
        state.mode = .stats(report, scroll: min(max(0, next), max(0, lines - page)))
        return []
    }
}

extension Labeler {
    /// The dashboard fills the rows between the header and the status line.
    static func drawStats(_ report: StatsReport?, scroll: Int, _ layout: LabelerLayout, _ palette: Palette, _ screen: inout Screen) {
        let top = 1, rows = max(0, layout.statusRow - top)
        guard let report else {
            screen.put("computing the project's statistics…", x: 1, y: top + 1, style: palette.dim, maxWidth: layout.width - 2)
            return
        }
        let lines = StatsRenderer.lines(report, width: max(1, layout.width - 2))
        for (row, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
            screen.put(truncated(line, to: layout.width - 2), x: 1, y: top + row, maxWidth: layout.width - 2)
        }
    }
}
