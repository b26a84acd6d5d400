import Foundation

/// Computes a project's team statistics from its decision rows: pure, deterministic, no I/O.
///
/// Definitions (all over the decision rows that pass `--since`, i.e. decided at or after it):
/// - *decisions*: current rows (neither superseded nor undone), of any kind; *labels*, *skips*,
///   *flags* split them by kind. *rows*: every row, superseded and undone ones included.
/// - *undo rate*: undone rows / all rows of the annotator.
/// - *active hours*: the sum of `active_ms` over ALL the annotator's rows (time spent on a
///   decision that was later changed or undone was still work); unmeasured rows add nothing.
/// - *items/hour*: current decisions / active hours.
/// - *seconds per item*: `active_ms` of current decisions that have one; median and p90 by
///   linear interpolation between closest ranks (Hyndman–Fan type 7, numpy's default).
/// - *suggestion acceptance*: current decisions that took the suggestion / current decisions
///   that showed one.
/// - *gold accuracy*: current label decisions on gold items equal to the answer / current
///   label decisions on gold items (values compare as sets: label order does not matter).
/// - *pairwise agreement*: over items both annotators decided with a label (current label
///   decisions): percent equal, plus the figures of the task kind's `AgreementMeasure`
///   (classify: Cohen's κ; multilabel: κ of the label set as one nominal value, plus
///   present/absent agreement per label; spans: exact and token-overlap F1).
/// - *consensus agreement*: over the annotator's current label decisions on items with a
///   consensus of the OTHERS, the share equal to it; the consensus is the item's current
///   adjudication, else the strict plurality of the other annotators' current label values
///   (a tie has none). The annotator's own vote never counts, so nobody agrees with themself.
/// - *project agreement*: Krippendorff's α (nominal), Fleiss' κ and percent agreement over
///   items with at least two current label decisions, plus present/absent agreement per label.
/// - *throughput*: current decisions per UTC calendar day of `decided_at`.
///
/// This is the straightforward computation over rows held in memory; `TeamStatsBuilder`
/// computes the same report in one pass over rows given item by item, which is what a
/// store of a million decisions uses.
public enum TeamStats {
    /// The report of `input`, restricted by `filter`, with the kind's figures from
    /// `agreement` (without one, pairs carry only the items and percent they share).
    public static func report(_ input: StatsInput, filter: StatsFilter = StatsFilter(),
                              agreement: (any AgreementMeasure)? = nil) -> StatsReport {
        let rows = input.decisions.filter { row in filter.since.map { row.decidedAt >= $0 } ?? true }
        let labeled = labeledValues(rows)
        let names = Set(rows.map(\.annotator)).sorted()
        let shown = filter.annotator.map { name in names.filter { $0 == name } } ?? names
        return StatsReport(
            project: input.project.name, task: input.project.task, overlap: input.project.overlap,
            since: filter.since, annotator: filter.annotator,
            progress: progress(rows, facts: input.project),
            agreement: projectAgreement(labeled, labels: input.project.labels, measure: agreement, texts: input.texts),
            throughput: throughput(rows),
            annotators: shown.map { name in
                annotatorStats(name, rows: rows, labeled: labeled, input: input, measure: agreement)
            })
    }

    /// Each annotator's current label value per item: `[annotator: [item: value]]`.
    static func labeledValues(_ rows: [StatsDecision]) -> [String: [String: AnnotationValue]] {
        var out: [String: [String: AnnotationValue]] = [:]
        for row in rows where row.isCurrent && row.kind == .label {
            guard let value = row.value else { continue }
            out[row.annotator, default: [:]][row.item] = value
        }
        return out
    }

    static func progress(_ rows: [StatsDecision], facts: StatsProjectFacts) -> ProjectProgress {
        var perItem: [String: Int] = [:]
        for row in rows where row.isCurrent { perItem[row.item, default: 0] += 1 }
        var histogram: [Int: Int] = [:]
        for count in perItem.values { histogram[count, default: 0] += 1 }
        let complete = perItem.values.filter { $0 >= facts.overlap }.count
        return ProjectProgress(
            itemsTotal: facts.totalItems, itemsDecided: perItem.count, itemsComplete: complete,
            completeShare: facts.totalItems > 0 ? Double(complete) / Double(facts.totalItems) : nil,
            itemsByDecisions: histogram.keys.sorted().map { DecisionCount(decisions: $0, items: histogram[$0]!) },
            decisions: perItem.values.reduce(0, +))
    }

    static func projectAgreement(_ labeled: [String: [String: AnnotationValue]], labels: [String],
                                 measure: (any AgreementMeasure)?, texts: [String: String]) -> ProjectAgreement {
        var byItem: [String: [(String, AnnotationValue)]] = [:]
        for (annotator, items) in labeled {
            for (item, value) in items { byItem[item, default: []].append((annotator, value)) }
        }
        let units = byItem.keys.sorted().compactMap { item -> (item: String, values: [AnnotationValue])? in
            let values = byItem[item]!.sorted { $0.0 < $1.0 }.map(\.1)
            return values.count >= 2 ? (item, values) : nil
        }
        let nominal = units.map { $0.values.map(NominalValue.key) }
        let allLabels = orderedLabels(guide: labels, seen: units.flatMap { $0.values.flatMap(\.outcomeNames) })
        let perLabel = units.isEmpty ? []
            : Agreement.perLabel(units.map { $0.values.map { Set($0.outcomeNames) } }, labels: allLabels)
        var agreement = ProjectAgreement(
            items: units.count,
            krippendorffAlpha: units.isEmpty ? nil : Agreement.krippendorffAlpha(nominal),
            fleissKappa: units.isEmpty ? nil : Agreement.fleissKappa(nominal),
            percent: units.isEmpty ? nil : Agreement.percentAgreement(nominal),
            perLabel: perLabel, lowestLabel: lowest(perLabel))
        if let measure, let tally = measure.unitTally() {
            var numbers = CategoryNumbers()
            for (unit, keys) in zip(units, nominal) {
                let values = zip(unit.values, keys).map { AgreementValue(value: $0, category: numbers.number(for: $1)) }
                tally.add(values, itemText: measure.readsItemText ? texts[unit.item] ?? "" : "")
            }
            tally.fill(&agreement)
        }
        return agreement
    }

    /// Guide labels in guide order, then labels seen in decisions but not in the guide, sorted.
    static func orderedLabels(guide: [String], seen: [String]) -> [String] {
        let known = Set(guide)
        return guide + Set(seen).subtracting(known).sorted()
    }

    /// The label with the lowest α among those with one, else the lowest percent.
    static func lowest(_ labels: [LabelAgreement]) -> String? {
        if let byAlpha = labels.filter({ $0.alpha != nil }).min(by: { $0.alpha! < $1.alpha! }) { return byAlpha.label }
        return labels.filter { $0.percent != nil }.min(by: { $0.percent! < $1.percent! })?.label
    }

    static func throughput(_ rows: [StatsDecision]) -> [DayCount] {
        var days: [String: Int] = [:]
        for row in rows where row.isCurrent { days[UTCDay.string(row.decidedAt), default: 0] += 1 }
        return days.keys.sorted().map { DayCount(date: $0, decisions: days[$0]!) }
    }
}

/// A decision value as one nominal category, so that agreement coefficients can compare it:
/// a label is itself, a label set its sorted distinct labels, spans their sorted offsets and labels,
/// a pairwise judgment its pair of models and the model preferred (whichever side it was on).
public enum NominalValue {
    public static func key(_ value: AnnotationValue) -> String {
        switch value {
        case .label(let name): name
        case .labels(let names): Set(names).sorted().joined(separator: "\u{1F}")
        case .spans(let spans):
            spans.sorted { ($0.start, $0.end, $0.label) < ($1.start, $1.end, $1.label) }
                .map { "\($0.start)-\($0.end):\($0.label)" }.joined(separator: "\u{1F}")
        case .pairwise(let judgment):
            // The pair whatever its sides, and the model preferred (or tie, neither).
            [min(judgment.left, judgment.right), max(judgment.left, judgment.right),
             judgment.winner.map { "winner:" + $0 } ?? judgment.outcome.rawValue].joined(separator: "\u{1F}")
        case .answers(let answers):
            // A combined judgment agrees by its pairwise part; ratings alone by their points;
            // a ranking by its order, whatever order it was shown in.
            answers.pairwise.map { key(.pairwise($0)) } ?? "ratings\u{1F}" + AnnotationValue.answers(answers.decided).json()
        }
    }
}

/// Calendar days in UTC as `YYYY-MM-DD`.
public enum UTCDay {
    public static func string(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return string(year: c.year!, month: c.month!, day: c.day!)
    }

    static func string(year: Int, month: Int, day: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// The Gregorian calendar in UTC.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

/// Percentiles by linear interpolation between closest ranks (Hyndman–Fan type 7): for
/// sorted x₁…xₙ and p in [0, 1], h = (n − 1)·p and the value is x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋)
/// (0-based), so the median of an even count is the mean of the middle two.
public enum Percentile {
    public static func of(_ values: [Double], _ p: Double) -> Double? {
        let sorted = values.sorted()
        return of(count: sorted.count, p) { sorted[$0] }
    }

    /// The percentile of `count` values known by rank: `value(i)` is the i-th smallest
    /// (0-based), so values kept as counts per distinct value need not be spelled out.
    public static func of(count: Int, _ p: Double, value: (Int) -> Double) -> Double? {
        guard count > 0 else { return nil }
        let h = Double(count - 1) * p
        let low = Int(h.rounded(.down))
        let high = min(low + 1, count - 1)
        let first = value(low)
        return first + (h - Double(low)) * (value(high) - first)
    }
}
