/// Computes the report of `TeamStats` in one pass over a project's decision rows given item
/// by item, so that a store of a million decisions never holds them: memory keeps the rows of
/// one item, counters per annotator and per pair of annotators, and one entry per distinct
/// value (per distinct span set for span projects), never the rows.
///
/// Give it the rows of an item with `add(_:)`, in any order, then `finishItem(id:…)`; items
/// come in the order of their external ids (the report's sums then run in the order
/// `TeamStats.report` runs them, so both give the same bits). The rows are those that pass
/// `filter.since`: the caller filters them. `report()` may be called at any time.
public struct TeamStatsBuilder {
    let facts: StatsProjectFacts
    let filter: StatsFilter
    let measure: any AgreementMeasure
    var values: StatsValues
    var names: [String] = []
    private var numbers: [String: Int] = [:]
    /// Each annotator's place in name order, by number.
    var rank: [Int] = []
    var annotators: [AnnotatorTally] = []
    /// The item in progress: its current decisions, and its current label values (one per
    /// annotator, the latest row winning, as `TeamStats.labeledValues` keeps them).
    var itemDecisions = 0
    var itemLabels: [ItemLabel] = []
    var progress = ProgressTally()
    var days: [StatsDay: Int] = [:]
    var units = NominalUnitsTally()
    var labelPresence: LabelPresenceTallies
    let unitTally: (any UnitAgreementTally)?
    /// The pairs of annotators, `pairs[low][high]` by annotator number.
    var pairs: [[PairTally?]] = []
    /// Category counts of the item in progress, for consensus.
    var votes: [KeyCount] = []
    /// The judging figures, when the measure asks for them.
    var judging: JudgingTally?

    public init(project: StatsProjectFacts, filter: StatsFilter, agreement: any AgreementMeasure) {
        facts = project
        self.filter = filter
        measure = agreement
        values = StatsValues(guideLabels: project.labels)
        labelPresence = LabelPresenceTallies(labels: Array(values.labelNames.indices), growing: true)
        unitTally = agreement.unitTally()
        if agreement.judgingFigures { judging = JudgingTally(criteria: project.criteria) }
    }

    /// The number of the annotator named `name`, for `StatsRow.annotator`.
    public mutating func annotator(named name: String) -> Int {
        if let number = numbers[name] { return number }
        numbers[name] = names.count
        names.append(name)
        annotators.append(AnnotatorTally())
        for low in pairs.indices { pairs[low].append(nil) }
        pairs.append(Array(repeating: nil, count: names.count))
        rank = Array(repeating: 0, count: names.count)
        for (place, number) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rank[number] = place }
        return names.count - 1
    }

    /// Everyone with a row so far, by name.
    public var annotatorNames: [String] {
        names.indices.filter { annotators[$0].rows > 0 }.map { names[$0] }.sorted()
    }

    /// One row of the item in progress.
    public mutating func add(_ row: StatsRow) {
        annotators[row.annotator].add(row)
        guard row.isCurrent else { return }
        itemDecisions += 1
        days[row.day, default: 0] += 1
        guard row.kind == .label, let value = row.value else { return }
        let info = values.info(for: value)
        let label = ItemLabel(annotator: row.annotator, row: row.id, info: info)
        if let at = itemLabels.firstIndex(where: { $0.annotator == row.annotator }) {
            if row.id > itemLabels[at].row { itemLabels[at] = label }
        } else {
            itemLabels.append(label)
        }
    }

    /// Ends the item in progress: `id` is its external id, `gold` its known answer,
    /// `adjudication` its current adjudication; `text` is asked for only when the measure
    /// reads texts and two or more annotators labeled the item.
    public mutating func finishItem(id: String, gold: AnnotationValue?, adjudication: AnnotationValue?,
                                    text: () throws -> String) rethrows {
        defer {
            itemDecisions = 0
            itemLabels.removeAll(keepingCapacity: true)
        }
        progress.add(itemDecisions, overlap: facts.overlap)
        guard !itemLabels.isEmpty else { return }
        if let gold { countGold(gold, item: id) }
        try countLabels(adjudication: adjudication, times: 1, text: text)
    }

    /// What the labels of `times` items alike (`itemLabels`, their adjudication) add: label
    /// uses, consensus, and with two or more labels a unit and its pairs.
    mutating func countLabels(adjudication: AnnotationValue?, times: Int, text: () throws -> String) rethrows {
        for label in itemLabels {
            for number in label.info.labels { annotators[label.annotator].labelUses[number, default: 0] += times }
        }
        countConsensus(adjudication.map { values.category(of: $0) }, times: times)
        judging?.add(itemLabels.map { (names[$0.annotator], $0.info.value) }, times: times)
        guard itemLabels.count >= 2 else { return }
        itemLabels.sort { rank[$0.annotator] < rank[$1.annotator] }
        try addUnit(text: measure.readsItemText ? text() : "", times: times)
    }

    /// The report of the rows so far.
    public func report() -> StatsReport {
        let everyone = annotatorNames
        let shown = filter.annotator.map { name in everyone.filter { $0 == name } } ?? everyone
        return StatsReport(
            project: facts.name, task: facts.task, overlap: facts.overlap, since: filter.since,
            annotator: filter.annotator, progress: progress.progress(totalItems: facts.totalItems),
            agreement: projectAgreement(),
            throughput: days.keys.sorted().map { DayCount(date: $0.string, decisions: days[$0]!) },
            annotators: shown.map { name in
                let number = numbers[name]!
                return annotators[number].stats(name: name, pairs: pairAgreements(of: number),
                                                labelNames: values.labelNames)
            },
            judging: judging?.stats)
    }
}

/// One annotator's current label value on the item in progress.
struct ItemLabel {
    var annotator: Int
    /// The row it comes from.
    var row: Int64
    var info: StatsValues.Info
}

/// Items by their number of current decisions.
struct ProgressTally {
    var decided = 0
    var complete = 0
    var decisions = 0
    var itemsByDecisions: [Int: Int] = [:]

    /// Counts `items` items (one by default) of `count` current decisions each.
    mutating func add(_ count: Int, overlap: Int, items: Int = 1) {
        guard count > 0 else { return }
        decided += items
        if count >= overlap { complete += items }
        decisions += count * items
        itemsByDecisions[count, default: 0] += items
    }

    func progress(totalItems: Int) -> ProjectProgress {
        ProjectProgress(
            itemsTotal: totalItems, itemsDecided: decided, itemsComplete: complete,
            completeShare: totalItems > 0 ? Double(complete) / Double(totalItems) : nil,
            itemsByDecisions: itemsByDecisions.keys.sorted().map {
                DecisionCount(decisions: $0, items: itemsByDecisions[$0]!)
            },
            decisions: decisions)
    }
}
