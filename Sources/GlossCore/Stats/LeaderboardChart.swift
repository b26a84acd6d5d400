/// The model leaderboard as text: a table (model, judgments, wins-ties-losses, win rate,
/// Bradley–Terry strength, 95% interval) and a chart with one line per model, strongest
/// first, drawing its interval as a whisker `├──●──┤` on a shared axis with zero marked `│`
/// (the mean strength, as strengths sum to zero). Pure, so `gloss stats` and `:stats` share it.
public enum LeaderboardChart {
    /// The title, the table, and the chart fitting `width` columns (at least 10 for the track).
    public static func lines(_ board: Leaderboard, width: Int) -> [String] {
        guard !board.models.isEmpty else { return ["Model leaderboard: no pairwise judgments yet."] }
        var out = ["Model leaderboard (Bradley–Terry log-strength, 95% interval)"]
        var table = TextTable(headers: ["MODEL", "JUDGMENTS", "W-T-L", "WIN RATE", "STRENGTH", "95% INTERVAL"],
                              alignments: [.left, .right, .right, .right, .right, .right])
        for m in board.models {
            table.append([m.model, NumberText.grouped(m.judgments), "\(m.wins)-\(m.ties)-\(m.losses)",
                          StatsRenderer.percent(m.winRate), StatsRenderer.score(m.strength),
                          "\(StatsRenderer.score(m.lower)) … \(StatsRenderer.score(m.upper))"])
        }
        out += table.render().components(separatedBy: "\n")
        if board.groups > 1 {
            out.append("The models fall in \(board.groups) groups never compared with each other: "
                       + "strengths across groups rest on the prior alone.")
        }
        out.append("")
        out += chart(board.models, width: width)
        return out
    }

    /// One line per model: its name, then the track with the interval and the strength.
    static func chart(_ models: [ModelStrength], width: Int) -> [String] {
        let names = models.map { StatsRenderer.clip(TextTable.cell($0.model), to: 24) }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        let track = max(10, width - nameWidth - 2)
        let low = min(0, models.map(\.lower).min()!), high = max(0, models.map(\.upper).max()!)
        func column(_ value: Double) -> Int {
            guard high > low else { return (track - 1) / 2 }
            return Int(((value - low) / (high - low) * Double(track - 1)).rounded())
        }
        let zero = column(0)
        var out: [String] = []
        for (name, model) in zip(names, models) {
            var cells = Array(repeating: " ", count: track)
            let from = column(model.lower), to = column(model.upper)
            for c in from...to { cells[c] = "─" }
            cells[zero] = cells[zero] == "─" ? "┼" : "│"
            if to > from {
                cells[from] = "├"
                cells[to] = "┤"
            }
            cells[column(model.strength)] = "●"
            let pad = String(repeating: " ", count: nameWidth - DisplayWidth.of(name))
            out.append(name + pad + "  " + trimmed(cells.joined()))
        }
        out.append(String(repeating: " ", count: nameWidth + 2) + axis(low: low, high: high, zero: zero, track: track))
        return out
    }

    /// The axis labels: the lowest value at the left end, 0 at its column and the highest
    /// value ending at the right end, each only where it does not run into the one before.
    static func axis(low: Double, high: Double, zero: Int, track: Int) -> String {
        let left = StatsRenderer.fixed(low, 2), right = StatsRenderer.fixed(high, 2)
        var line = left
        if zero >= line.count + 1, zero + 1 <= track - right.count - 1 {
            line += String(repeating: " ", count: zero - line.count) + "0"
        }
        let start = track - right.count
        if start >= line.count + 1 { line += String(repeating: " ", count: start - line.count) + right }
        return line
    }

    private static func trimmed(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
