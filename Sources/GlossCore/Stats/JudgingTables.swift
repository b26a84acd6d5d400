/// The judging figures beside the leaderboard, as aligned tables: agreement per rating
/// criterion and position bias per annotator. Pure, like ``LeaderboardChart``.
public enum JudgingTables {
    /// `CRITERION  SCALE  ITEMS  ORDINAL α  INTERVAL α`, one row per criterion.
    public static func ratings(_ criteria: [CriterionAgreement]) -> [String] {
        guard !criteria.isEmpty else { return [] }
        var table = TextTable(headers: ["CRITERION", "SCALE", "ITEMS", "ORDINAL α", "INTERVAL α"],
                              alignments: [.left, .right, .right, .right, .right])
        for c in criteria {
            table.append([c.criterion, "1-\(c.points)", NumberText.grouped(c.units),
                          StatsRenderer.score(c.ordinal), StatsRenderer.score(c.interval)])
        }
        return ["Rating agreement (Krippendorff's α)"] + table.render().components(separatedBy: "\n")
    }

    /// `ANNOTATOR  DECISIVE  LEFT WON  95% INTERVAL  P`, flagging p < 0.05 with `◀ prefers left`
    /// or `◀ prefers right`.
    public static func positionBias(_ annotators: [PositionBias]) -> [String] {
        guard !annotators.isEmpty else { return [] }
        var table = TextTable(headers: ["ANNOTATOR", "DECISIVE", "LEFT WON", "95% INTERVAL", "P", ""],
                              alignments: [.left, .right, .right, .right, .right, .left])
        for a in annotators {
            let interval = a.lower.flatMap { low in a.upper.map { "\(StatsRenderer.percent(low)) … \(StatsRenderer.percent($0))" } }
            var flag = ""
            if let p = a.pValue, p < 0.05, let share = a.leftShare { flag = share > 0.5 ? "◀ prefers left" : "◀ prefers right" }
            table.append([a.annotator, NumberText.grouped(a.decisive), StatsRenderer.percent(a.leftShare), interval ?? "-",
                          a.pValue.map { $0 < 0.001 ? "<0.001" : StatsRenderer.fixed($0, 3) } ?? "-", flag])
        }
        return ["Position bias (sides are random: an unbiased annotator's left share is near 50%)"]
            + table.render().components(separatedBy: "\n")
    }
}
