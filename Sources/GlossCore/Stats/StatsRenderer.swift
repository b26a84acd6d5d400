import Foundation

/// Draws a `StatsReport` as plain text lines no wider than a given width: aligned tables,
/// the per-label agreement table with the least clear label flagged, and a per-day bar chart.
/// It prints nothing, so `gloss stats` and the labeler's `:stats` screen share it. Every
/// name and label from the data goes through `TerminalText.visible`.
public enum StatsRenderer {
    /// The report as lines of at most `width` display columns (longer lines are cut with `…`
    /// unless `clipping` is false, for output to a pipe; the bar chart fits `width` anyway).
    public static func lines(_ report: StatsReport, width: Int, clipping: Bool = true) -> [String] {
        var out: [String] = []
        out += header(report)
        out += [""] + agreement(report.agreement)
        if let judging = report.judging { out += judgingLines(judging, width: width) }
        if !report.annotators.isEmpty {
            out += [""] + annotatorTable(report.annotators)
            out += [""] + pairTable(report.annotators)
            out += [""] + usageTable(report.annotators)
            let missed = report.annotators.filter { !$0.gold.missed.isEmpty }
            if !missed.isEmpty {
                out += ["", "Gold items answered otherwise"]
                out += missed.map { "  \(safe($0.name)): \($0.gold.missed.map(safe).joined(separator: ", "))" }
            }
        } else {
            out += ["", "No decisions\(report.annotator.map { " by \(safe($0))" } ?? "") in this period."]
        }
        out += [""] + ThroughputChart.lines(report.throughput, width: width)
        return clipping ? out.map { clip($0, to: width) } : out
    }

    static func header(_ report: StatsReport) -> [String] {
        let p = report.progress
        var title = "Project \(safe(report.project)) · \(report.task.rawValue) · overlap \(report.overlap)"
        if let since = report.since { title += " · since \(ISO8601DateFormatter().string(from: since))" }
        let byCount = p.itemsByDecisions.map { "\($0.decisions): \(NumberText.grouped($0.items))" }.joined(separator: ", ")
        return [
            title,
            "Progress: \(NumberText.grouped(p.itemsComplete)) of \(NumberText.counted(p.itemsTotal, "item")) complete (\(percent(p.completeShare))), "
                + "\(NumberText.grouped(p.itemsDecided)) decided, \(NumberText.grouped(p.decisions)) decision\(p.decisions == 1 ? "" : "s")",
            "Items by number of decisions: \(byCount.isEmpty ? "none yet" : byCount)",
        ]
    }

    static func agreement(_ a: ProjectAgreement) -> [String] {
        var out = ["Agreement over \(NumberText.grouped(a.items)) item\(a.items == 1 ? "" : "s") with two or more labels: "
                   + "Krippendorff's α \(score(a.krippendorffAlpha)), Fleiss' κ \(score(a.fleissKappa)), percent \(percent(a.percent))"]
        if let figures = a.figures, !figures.isEmpty {
            out.append("Task figures: " + figures.map { "\(safe($0.name)) \(score($0.value))" }.joined(separator: ", "))
        }
        guard !a.perLabel.isEmpty else { return out }
        var table = TextTable(headers: ["LABEL", "ITEMS", "PERCENT", "ALPHA", ""], alignments: [.left, .right, .right, .right, .left])
        for label in a.perLabel {
            table.append([label.label, NumberText.grouped(label.units), percent(label.percent), score(label.alpha),
                          label.label == a.lowestLabel ? "◀ least agreed" : ""])
        }
        out += table.render().components(separatedBy: "\n")
        return out
    }

    /// The leaderboard with its chart, outcome agreement, α per criterion and position
    /// bias, each after a blank line, those without data left out.
    static func judgingLines(_ judging: JudgingStats, width: Int) -> [String] {
        var out: [String] = []
        if let board = judging.leaderboard { out += [""] + LeaderboardChart.lines(board, width: width) }
        if let o = judging.outcomes {
            out += ["", "Agreement on outcomes (the model preferred, tie or neither, whatever the sides) over "
                    + "\(NumberText.grouped(o.items)) item\(o.items == 1 ? "" : "s") judged twice or more: "
                    + "Krippendorff's α \(score(o.alpha)), percent \(percent(o.percent))"]
        }
        let ratings = JudgingTables.ratings(judging.ratings)
        if !ratings.isEmpty { out += [""] + ratings }
        let bias = JudgingTables.positionBias(judging.positionBias)
        if !bias.isEmpty { out += [""] + bias }
        return out
    }

    static func annotatorTable(_ annotators: [AnnotatorStats]) -> [String] {
        var table = TextTable(
            headers: ["ANNOTATOR", "DECISIONS", "LABELS", "SKIPS", "FLAGS", "UNDO", "HOURS", "ITEMS/H", "MEDIAN S", "P90 S",
                      "SUGGESTION", "GOLD", "CONSENSUS"],
            alignments: [.left] + Array(repeating: .right, count: 12))
        for a in annotators {
            table.append([
                a.name, NumberText.grouped(a.decisions), NumberText.grouped(a.labels), NumberText.grouped(a.skips),
                NumberText.grouped(a.flags), percent(a.undoRate), fixed(a.activeHours, 2), a.itemsPerHour.map { fixed($0, 1) } ?? "-",
                a.medianSeconds.map { fixed($0, 1) } ?? "-", a.p90Seconds.map { fixed($0, 1) } ?? "-",
                percent(a.suggestionAcceptance), a.gold.decided > 0 ? "\(percent(a.gold.accuracy)) of \(NumberText.grouped(a.gold.decided))" : "-",
                a.consensus.items > 0 ? "\(percent(a.consensus.percent)) of \(NumberText.grouped(a.consensus.items))" : "-",
            ])
        }
        return table.render().components(separatedBy: "\n")
    }

    static func pairTable(_ annotators: [AnnotatorStats]) -> [String] {
        // Span agreement (exact and token F1) where the measure gave it, else Cohen's κ.
        let spans = annotators.contains { $0.pairs.contains { $0.spans != nil } }
        // Figures of kinds beyond the three above get a column each, by name.
        var extra: [String] = []
        for figure in annotators.flatMap({ $0.pairs.flatMap { $0.figures ?? [] } }) where !extra.contains(figure.name) {
            extra.append(figure.name)
        }
        let headers = ["ANNOTATOR", "WITH", "ITEMS", "PERCENT", spans ? "EXACT F1" : "COHEN κ", spans ? "TOKEN F1" : ""]
        var table = TextTable(headers: headers + extra.map { safe($0).uppercased() },
                              alignments: [.left, .left] + Array(repeating: .right, count: 4 + extra.count))
        for a in annotators {
            for pair in a.pairs {
                let kind = spans ? [score(pair.spans?.exactF1), score(pair.spans?.tokenF1)]
                    : [score(pair.cohensKappa), ""]
                table.append([a.name, pair.other, NumberText.grouped(pair.items), percent(pair.percent)] + kind
                             + extra.map { name in score(pair.figures?.first { $0.name == name }?.value) })
            }
        }
        if table.rows.isEmpty { return ["Pairwise agreement: no two annotators labeled the same item yet."] }
        return ["Pairwise agreement"] + table.render().components(separatedBy: "\n")
    }

    static func usageTable(_ annotators: [AnnotatorStats]) -> [String] {
        var table = TextTable(headers: ["ANNOTATOR", "LABELS USED", "GUIDE VERSIONS"])
        for a in annotators {
            table.append([a.name, a.labelDistribution.map { "\($0.label) \(NumberText.grouped($0.count))" }.joined(separator: ", "),
                          a.guideVersions.map { "v\($0.version) \(NumberText.grouped($0.decisions))" }.joined(separator: ", ")])
        }
        return table.render().components(separatedBy: "\n")
    }

    static func safe(_ text: String) -> String { TextTable.cell(text) }

    /// "85.0%", or "-" when undefined.
    public static func percent(_ share: Double?) -> String { share.map { fixed($0 * 100, 1) + "%" } ?? "-" }
    /// "0.712" (three decimals, signed), or "-" when undefined.
    public static func score(_ value: Double?) -> String { value.map { fixed($0, 3) } ?? "-" }

    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// Cuts `line` to `width` display columns, ending with `…` when it was longer.
    static func clip(_ line: String, to width: Int) -> String {
        guard width > 0, DisplayWidth.of(line) > width else { return line }
        var out = "", used = 0
        for character in line {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}
