/// The builder fed from totals instead of rows: the store keeps counters per annotator, per
/// duration, guide version and day, items counted by their number of current decisions and
/// by their labels, all up to date with every write, so a report of a million decisions
/// reads a few thousand rows. Give each total once (no `add(_:)` or `finishItem` beside
/// them); the report equals that of the rows to the bit, the agreement tallies summing
/// integers (`NominalUnitsTally`, `LabelPresenceTally`, `CohensKappaTally`).
extension TeamStatsBuilder {
    /// One annotator's counters over their decision rows (see `AnnotatorTally`).
    public struct AnnotatorCounts: Sendable, Equatable {
        public var rows = 0, undone = 0, activeMilliseconds = 0
        public var decisions = 0, labels = 0, skips = 0, flags = 0
        public var suggestionsShown = 0, suggestionsAccepted = 0

        public init() {}
    }

    /// The counters of the annotator numbered `annotator`.
    public mutating func addCounts(_ counts: AnnotatorCounts, annotator: Int) {
        var tally = annotators[annotator]
        tally.rows += counts.rows
        tally.undone += counts.undone
        tally.activeMilliseconds += counts.activeMilliseconds
        tally.decisions += counts.decisions
        tally.labels += counts.labels
        tally.skips += counts.skips
        tally.flags += counts.flags
        tally.suggestionsShown += counts.suggestionsShown
        tally.suggestionsAccepted += counts.suggestionsAccepted
        annotators[annotator] = tally
    }

    /// `count` of the annotator's current decisions took `milliseconds` of active time.
    public mutating func addDurations(_ milliseconds: Int, count: Int, annotator: Int) {
        annotators[annotator].durations.add(milliseconds, count: count)
    }

    /// `count` of the annotator's current decisions were made under guide version `version`.
    public mutating func addVersion(_ version: Int, count: Int, annotator: Int) {
        if let at = annotators[annotator].versions.firstIndex(where: { $0.key == version }) {
            annotators[annotator].versions[at].count += count
        } else {
            annotators[annotator].versions.append(KeyCount(key: version, count: count))
        }
    }

    /// `count` current decisions were made on `day`.
    public mutating func addDecisions(_ count: Int, on day: StatsDay) {
        days[day, default: 0] += count
    }

    /// `items` items have `decisions` current decisions each.
    public mutating func addItems(_ items: Int, decisions: Int) {
        progress.add(decisions, overlap: facts.overlap, items: items)
    }

    /// `items` items whose current label values are `labels` (one per annotator: the newest
    /// of their current label rows) and whose current adjudication is `adjudication`. `text`
    /// is asked for (once) only when the measure reads texts: give such items one at a time.
    public mutating func addItems(_ items: Int, labels: [(annotator: Int, value: AnnotationValue)],
                                  adjudication: AnnotationValue?, text: () throws -> String) rethrows {
        guard items > 0 else { return }
        setItemLabels(labels)
        defer { itemLabels.removeAll(keepingCapacity: true) }
        try countLabels(adjudication: adjudication, times: items, text: text)
    }

    /// The gold answer of the item `id`, whose current label values are `labels`.
    public mutating func addGold(item id: String, answer: AnnotationValue,
                                 labels: [(annotator: Int, value: AnnotationValue)]) {
        setItemLabels(labels)
        defer { itemLabels.removeAll(keepingCapacity: true) }
        countGold(answer, item: id)
    }

    private mutating func setItemLabels(_ labels: [(annotator: Int, value: AnnotationValue)]) {
        itemLabels.removeAll(keepingCapacity: true)
        for label in labels {
            itemLabels.append(ItemLabel(annotator: label.annotator, row: 0, info: values.info(for: label.value)))
        }
    }
}
