/// Decisions per day as horizontal bars of block characters, eighths included, so a day
/// with half the busiest day's decisions gets half the bar.
public enum ThroughputChart {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A title line and one line per day: `2026-01-05  ████▌  123`, fitting `width` columns.
    public static func lines(_ days: [DayCount], width: Int) -> [String] {
        guard let most = days.map(\.decisions).max(), most > 0 else { return ["Decisions per day (UTC): none yet"] }
        let countWidth = NumberText.grouped(most).count
        let barWidth = max(1, width - 10 - 2 - 2 - countWidth)
        return ["Decisions per day (UTC)"] + days.map { day in
            let bar = self.bar(day.decisions, of: most, width: barWidth)
            let pad = String(repeating: " ", count: barWidth - DisplayWidth.of(bar))
            let count = NumberText.grouped(day.decisions)
            return day.date + "  " + bar + pad + "  " + String(repeating: " ", count: countWidth - count.count) + count
        }
    }

    /// `value / most` of `width` columns in full blocks and one partial block (at least a
    /// sliver for any nonzero value).
    public static func bar(_ value: Int, of most: Int, width: Int) -> String {
        guard value > 0, most > 0 else { return "" }
        let units = max(1, Int((Double(value) / Double(most) * Double(width * 8)).rounded()))
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }
}
