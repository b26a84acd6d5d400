import Foundation

extension TeamStats {
    /// One annotator's section; `labeled` holds every annotator's current label values, so
    /// agreement is against everyone even when the report shows one annotator.
    static func annotatorStats(_ name: String, rows: [StatsDecision], labeled: [String: [String: AnnotationValue]],
                               input: StatsInput, measure: (any AgreementMeasure)?) -> AnnotatorStats {
        let mine = rows.filter { $0.annotator == name }
        let current = mine.filter(\.isCurrent)
        let undone = mine.filter(\.undone).count
        let activeHours = Double(mine.reduce(0) { $0 + ($1.activeMilliseconds ?? 0) }) / 3_600_000
        let seconds = current.compactMap(\.activeMilliseconds).map { Double($0) / 1000 }
        let shown = current.filter(\.suggestionShown)
        let accepted = shown.filter { $0.suggestionAccepted == true }.count
        return AnnotatorStats(
            name: name, rows: mine.count, decisions: current.count,
            labels: current.filter { $0.kind == .label }.count,
            skips: current.filter { $0.kind == .skip }.count,
            flags: current.filter { $0.kind == .flag }.count,
            undone: undone, undoRate: mine.isEmpty ? nil : Double(undone) / Double(mine.count),
            activeHours: activeHours,
            itemsPerHour: activeHours > 0 ? Double(current.count) / activeHours : nil,
            medianSeconds: Percentile.of(seconds, 0.5), p90Seconds: Percentile.of(seconds, 0.9),
            suggestionsShown: shown.count, suggestionsAccepted: accepted,
            suggestionAcceptance: shown.isEmpty ? nil : Double(accepted) / Double(shown.count),
            gold: gold(labeled[name] ?? [:], answers: input.gold),
            pairs: pairs(name, labeled: labeled, measure: measure, texts: input.texts),
            consensus: consensus(name, labeled: labeled, adjudications: input.adjudications),
            labelDistribution: distribution(labeled[name] ?? [:]),
            guideVersions: versions(current))
    }

    static func gold(_ values: [String: AnnotationValue], answers: [String: AnnotationValue]) -> GoldAccuracy {
        var decided = 0, missed: [String] = []
        for (item, value) in values {
            guard let answer = answers[item] else { continue }
            decided += 1
            if NominalValue.key(value) != NominalValue.key(answer) { missed.append(item) }
        }
        let correct = decided - missed.count
        return GoldAccuracy(decided: decided, correct: correct,
                            accuracy: decided > 0 ? Double(correct) / Double(decided) : nil, missed: missed.sorted())
    }

    /// The annotator's agreement with each other annotator over the items both labeled, in
    /// the other's name order; the measure's tally gets the items in id order, the two
    /// values in name order.
    static func pairs(_ name: String, labeled: [String: [String: AnnotationValue]], measure: (any AgreementMeasure)?,
                      texts: [String: String]) -> [PairAgreement] {
        let mine = labeled[name] ?? [:]
        return labeled.keys.sorted().compactMap { other -> PairAgreement? in
            guard other != name, let theirs = labeled[other] else { return nil }
            let shared = mine.keys.filter { theirs[$0] != nil }.sorted()
            guard !shared.isEmpty else { return nil }
            let values = shared.map { (mine[$0]!, theirs[$0]!) }
            let keys = values.map { (NominalValue.key($0.0), NominalValue.key($0.1)) }
            let equal = keys.filter { $0.0 == $0.1 }.count
            var pair = PairAgreement(other: other, items: shared.count, percent: Double(equal) / Double(shared.count),
                                     cohensKappa: nil, perLabel: nil, spans: nil)
            if let measure {
                let tally = measure.pairTally()
                var numbers = CategoryNumbers()
                for (item, (value, key)) in zip(shared, zip(values, keys)) {
                    let a = AgreementValue(value: value.0, category: numbers.number(for: key.0))
                    let b = AgreementValue(value: value.1, category: numbers.number(for: key.1))
                    let text = measure.readsItemText ? texts[item] ?? "" : ""
                    if name < other { tally.add(a, b, itemText: text) } else { tally.add(b, a, itemText: text) }
                }
                tally.fill(&pair)
            }
            return pair
        }
    }

    /// Agreement with the others' consensus (adjudication first, else their strict plurality).
    static func consensus(_ name: String, labeled: [String: [String: AnnotationValue]],
                          adjudications: [String: AnnotationValue]) -> ConsensusAgreement {
        var items = 0, agreeing = 0
        for (item, value) in labeled[name] ?? [:] {
            let target: String?
            if let adjudicated = adjudications[item] {
                target = NominalValue.key(adjudicated)
            } else {
                var votes: [String: Int] = [:]
                for (other, values) in labeled where other != name {
                    if let vote = values[item] { votes[NominalValue.key(vote), default: 0] += 1 }
                }
                let top = votes.values.max()
                let leaders = votes.filter { $0.value == top }
                target = leaders.count == 1 ? leaders.first!.key : nil
            }
            guard let target else { continue }
            items += 1
            if NominalValue.key(value) == target { agreeing += 1 }
        }
        return ConsensusAgreement(items: items, agreeing: agreeing, percent: items > 0 ? Double(agreeing) / Double(items) : nil)
    }

    static func distribution(_ values: [String: AnnotationValue]) -> [LabelCount] {
        var counts: [String: Int] = [:]
        for value in values.values { for label in value.outcomeNames { counts[label, default: 0] += 1 } }
        return counts.map { LabelCount(label: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.label) < ($0.count, $1.label) }
    }

    static func versions(_ current: [StatsDecision]) -> [VersionCount] {
        var counts: [Int: Int] = [:]
        for row in current { counts[row.guideVersion, default: 0] += 1 }
        return counts.keys.sorted().map { VersionCount(version: $0, decisions: counts[$0]!) }
    }
}
