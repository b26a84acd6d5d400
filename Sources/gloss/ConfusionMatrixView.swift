import GlossCore

/// A confusion matrix drawn as text: rows are gold labels, columns predicted ones, each cell
/// a count, the diagonal (right answers) in brackets. With color, each cell is shaded by its
/// share of the row: green on the diagonal, red off it. Columns are headed by the labels when
/// they fit the width, else by numbers that prefix the row names.
enum ConfusionMatrixView {
    static func render(labels: [String], counts: [[Int]], color: Bool, width: Int = 80) -> String {
        let names = labels.map { TerminalText.visible($0) }
        let largest = counts.flatMap { $0 }.max() ?? 0
        let numberWidth = String(largest).count + 2
        let labelColumn = max(numberWidth, min(names.map(DisplayWidth.of).max() ?? 0, 8))
        var rowName = min(names.map(DisplayWidth.of).max() ?? 0, 16)
        let byNumber = rowName + labels.count * (labelColumn + 2) > width
        let column = byNumber ? max(numberWidth, String(labels.count).count) : labelColumn
        let rowNames = names.enumerated().map { byNumber ? "\($0.offset + 1) \($0.element)" : $0.element }
        rowName = min(rowNames.map(DisplayWidth.of).max() ?? 0, byNumber ? 20 : 16)

        var lines: [String] = []
        var header = pad("gold \\ predicted", rowName, left: true)
        if DisplayWidth.of(header) > rowName { header = pad("", rowName, left: true) }
        for (index, name) in names.enumerated() {
            header += "  " + pad(byNumber ? String(index + 1) : truncate(name, column), column, left: false)
        }
        lines.append(trimmed(header))
        for (row, name) in rowNames.enumerated() {
            let total = max(counts[row].reduce(0, +), 1)
            var line = pad(truncate(name, rowName), rowName, left: true)
            for (col, count) in counts[row].enumerated() {
                let text = pad(row == col ? "[\(count)]" : "\(count) ", column, left: false)
                line += "  " + (color ? shade(text, share: Double(count) / Double(total), diagonal: row == col) : text)
            }
            lines.append(color ? line : trimmed(line))
        }
        return lines.joined(separator: "\n")
    }

    /// A 256-color background whose strength follows the cell's share of its row.
    static func shade(_ text: String, share: Double, diagonal: Bool) -> String {
        guard share > 0 else { return text }
        let ramp = diagonal ? [22, 28, 34, 40, 46] : [52, 88, 124, 160, 196]
        let step = min(Int(share * Double(ramp.count)), ramp.count - 1)
        let foreground = step >= 3 ? 16 : 231
        return "\u{1B}[38;5;\(foreground);48;5;\(ramp[step])m\(text)\u{1B}[0m"
    }

    static func pad(_ text: String, _ width: Int, left: Bool) -> String {
        let gap = String(repeating: " ", count: max(width - DisplayWidth.of(text), 0))
        return left ? text + gap : gap + text
    }

    /// Cuts `text` to `width` columns, ending in … when cut.
    static func truncate(_ text: String, _ width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
