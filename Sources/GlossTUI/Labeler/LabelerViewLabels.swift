import GlossCore
import GlossTerminal

/// One label in the label bar: `p positive` (or `:name` for a label without a key), and
/// with a suggestion a one-cell bar of the model's probability for it: `p positive ▆`.
struct LabelChip: Equatable {
    let label: GuideLabel
    /// "p " or ":"; the name, cut short with `…` when the bar is narrow.
    let key: String
    let name: String
    let padded: Bool
    var bar: Bool = false
    var width: Int { (padded ? 2 : 0) + screenWidth(key) + screenWidth(name) + (bar ? 2 : 0) }

    /// Eight heights of a one-cell bar, for 0...1 (an empty cell below 1/16).
    static func barCell(_ probability: Double) -> String {
        let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        guard probability.isFinite, probability >= 1.0 / 16 else { return " " }
        return levels[min(7, Int(probability * 8))]
    }
}

/// How the labels are laid out in the bar: one row if they fit, else two. From 60 columns
/// chips have a space of padding each side and full names are preferred on two rows to cut
/// names on one; narrower, chips are unpadded (from column 1 to the last) and names are cut
/// (to 4 columns at least) to keep one row before a second row is used. What still does not fit is counted in `hidden`.
struct LabelBarLayout: Equatable {
    static let maxRows = 2
    let rows: [[LabelChip]]
    let hidden: Int
    let padded: Bool

    var start: Int { padded ? 0 : 1 }
    var separator: Int { padded ? 0 : 1 }

    init(labels: [GuideLabel], width: Int, bars: Bool = false) {
        let padded = width >= 60
        self.padded = padded
        let room = max(1, width - (padded ? 0 : 1))
        let longest = labels.map { screenWidth($0.name) }.max() ?? 0
        func pack(cap: Int?) -> [[LabelChip]] {
            var rows: [[LabelChip]] = [[]]
            var used = 0
            for label in labels {
                let name = cap.map { truncated(label.name, to: $0) } ?? label.name
                let chip = LabelChip(label: label, key: label.key.map { "\($0) " } ?? ":", name: name, padded: padded, bar: bars)
                let extra = (rows[rows.count - 1].isEmpty ? 0 : (padded ? 0 : 1)) + chip.width
                if !rows[rows.count - 1].isEmpty && used + extra > room {
                    rows.append([chip])
                    used = chip.width
                } else {
                    rows[rows.count - 1].append(chip)
                    used += extra
                }
            }
            return rows
        }
        var candidates: [(cap: Int?, rows: Int)] = [(nil, 1)]
        if !padded { candidates += stride(from: longest - 1, through: 4, by: -1).map { ($0, 1) } }
        candidates.append((nil, 2))
        candidates += stride(from: longest - 1, through: 3, by: -1).map { ($0, 2) }
        for candidate in candidates {
            let rows = pack(cap: candidate.cap)
            if rows.count <= candidate.rows {
                self.rows = rows
                hidden = 0
                return
            }
        }
        // Too many labels: two rows of short names and "+N" for the rest (`:label NAME` picks them).
        var rows = pack(cap: 3)
        var hidden = rows.dropFirst(Self.maxRows).reduce(0) { $0 + $1.count }
        rows = Array(rows.prefix(Self.maxRows))
        func lastWidth() -> Int { rows[rows.count - 1].reduce(0) { $0 + $1.width + (padded ? 0 : 1) } }
        while !rows[rows.count - 1].isEmpty && lastWidth() + " +\(hidden + 1)".count > room {
            rows[rows.count - 1].removeLast()
            hidden += 1
        }
        self.rows = rows
        self.hidden = hidden
    }
}

extension Labeler {
    /// The label bar: every label in its color, the current choice reverse.
    static func drawLabelBar(_ state: LabelerState, _ layout: LabelerLayout, _ palette: Palette, _ screen: inout Screen) {
        let bar = layout.labelBar
        let chosen: Set<String>
        if case .confirm(let list) = state.mode, list.rows.indices.contains(list.cursor) {
            chosen = [list.rows[list.cursor].label]
        } else {
            chosen = chosenLabels(state)
        }
        let probabilities = barProbabilities(state)
        let right = layout.mainWidth
        for (index, row) in bar.rows.enumerated() {
            let y = layout.labelTop + index
            var x = bar.start
            for chip in row where x < right {
                var style = palette.label(chip.label)
                if chosen.contains(chip.label.name) { style.reverse = true; style.bold = true }
                var keyStyle = style
                keyStyle.bold = true
                if chip.padded { x += screen.put(" ", x: x, y: y, style: style, maxWidth: right - x) }
                x += screen.put(chip.key, x: x, y: y, style: keyStyle, maxWidth: max(0, right - x))
                x += screen.put(chip.name, x: x, y: y, style: style, maxWidth: max(0, right - x))
                if chip.bar {
                    let probability = probabilities[chip.label.name] ?? 0
                    x += screen.put(" ", x: x, y: y, style: style, maxWidth: max(0, right - x))
                    x += screen.put(LabelChip.barCell(probability), x: x, y: y, style: style, maxWidth: max(0, right - x))
                }
                if chip.padded { x += screen.put(" ", x: x, y: y, style: style, maxWidth: max(0, right - x)) }
                x += bar.separator
            }
            if index == bar.rows.count - 1 && bar.hidden > 0 {
                screen.put("+\(bar.hidden)", x: x + (bar.padded ? 1 : 0), y: y, style: palette.hint, maxWidth: max(0, right - x))
            }
        }
    }

    /// The model's probability per label for the bar's cells: the item's suggestion, or in
    /// confirm mode the row under the cursor's; empty without one (no cells drawn).
    static func barProbabilities(_ state: LabelerState) -> [String: Double] {
        if case .confirm(let list) = state.mode {
            return list.rows.indices.contains(list.cursor) ? list.rows[list.cursor].suggestion.probabilities : [:]
        }
        return state.item?.suggestion?.probabilities ?? [:]
    }

    /// The names shown as chosen: the decision's label (classify), the toggled labels
    /// (multilabel), the labels of the spans (spans).
    static func chosenLabels(_ state: LabelerState) -> Set<String> {
        state.item.flatMap { LabelerUpdate.chosenValue(state, $0) }.map { Set($0.labelNames) } ?? []
    }

    /// The line above the label bar: the suggestion, and what the bar alone cannot say
    /// (the selection and the span at the cursor, toggled labels, a skip or flag being
    /// revisited, a pending comment).
    static func drawDetailLine(_ state: LabelerState, _ layout: LabelerLayout, _ palette: Palette, _ screen: inout Screen) {
        guard let item = state.item else { return }
        var parts: [[(String, CellStyle)]] = []
        if let suggestion = item.suggestion {
            let percent = Int((suggestion.confidence * 100).rounded())
            let from = suggestion.source.map { " (\(TerminalText.visible($0)))" } ?? ""
            var part: [(String, CellStyle)] = [("suggestion\(from): ", palette.dim)]
            part += state.answer.value.describe(suggestion: suggestion.value, guide: state.guide).map {
                palette.style($0, state.guide)
            }
            if suggestion.scored { part.append((" \(percent)%", palette.dim)) }
            parts.append(part)
        }
        if let existing = item.existing, existing.kind != .label {
            parts.append([(existing.kind == .skip ? "skipped" : "flagged", palette.dim)])
        }
        let detail = state.answer.value.detail(guide: state.guide)
        if !detail.isEmpty { parts.append(detail.map { palette.style($0, state.guide) }) }
        if let comment = state.pendingComment {
            parts.append([("comment: " + comment, palette.dim)])
        }
        let right = layout.textX + layout.textWidth
        var x = layout.textX
        for (index, part) in parts.enumerated() where x < right {
            if index > 0 { x += screen.put(" · ", x: x, y: layout.detailRow, style: palette.dim, maxWidth: right - x) }
            for (text, style) in part where x < right {
                let shown = truncated(text, to: right - x)
                x += screen.put(shown, x: x, y: layout.detailRow, style: style, maxWidth: right - x)
            }
        }
    }
}
