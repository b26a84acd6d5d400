/// The agreement half of a statistics pass: what each item's labels add to gold accuracy,
/// consensus, the project's units and the pairs of annotators, and the figures at the end.
extension TeamStatsBuilder {
    /// What two annotators share: items both labeled, how many with equal values, and the
    /// kind's tally.
    final class PairTally {
        var items = 0
        var equal = 0
        let kind: any PairAgreementTally

        init(_ kind: any PairAgreementTally) { self.kind = kind }
    }

    mutating func countGold(_ answer: AnnotationValue, item: String) {
        let category = values.category(of: answer)
        for label in itemLabels {
            annotators[label.annotator].goldDecided += 1
            if label.info.category != category { annotators[label.annotator].goldMissed.append(item) }
        }
    }

    /// Each labeler against the item's consensus without them: the adjudication when there
    /// is one, else the strict plurality of the others' values (a tie has none).
    mutating func countConsensus(_ adjudicated: Int?, times: Int) {
        votes.removeAll(keepingCapacity: true)
        for label in itemLabels {
            if let at = votes.firstIndex(where: { $0.key == label.info.category }) {
                votes[at].count += 1
            } else {
                votes.append(KeyCount(key: label.info.category, count: 1))
            }
        }
        for label in itemLabels {
            var target = adjudicated
            if target == nil {
                // The others' votes: everyone's but this labeler's one.
                var top = 0, leaders = 0, leader = 0
                for vote in votes {
                    let count = vote.count - (vote.key == label.info.category ? 1 : 0)
                    guard count > 0 else { continue }
                    if count > top {
                        (top, leaders, leader) = (count, 1, vote.key)
                    } else if count == top {
                        leaders += 1
                    }
                }
                target = leaders == 1 ? leader : nil
            }
            guard let target else { continue }
            annotators[label.annotator].consensusItems += times
            if label.info.category == target { annotators[label.annotator].consensusAgreeing += times }
        }
    }

    /// The item's labels (two or more, in annotator name order) as a unit of the project's
    /// agreement and as one shared item of each pair of its annotators; `times` such items.
    mutating func addUnit(text: String, times: Int) {
        units.add(itemLabels.lazy.map(\.info.category), times: times)
        labelPresence.add(size: itemLabels.count, labels: itemLabels.lazy.flatMap(\.info.distinctLabels), times: times)
        unitTally?.add(itemLabels.map { AgreementValue(value: $0.info.value, category: $0.info.category, judge: $0.annotator) },
                       itemText: text, times: times)
        for i in itemLabels.indices {
            for j in (i + 1)..<itemLabels.count {
                let (first, second) = (itemLabels[i], itemLabels[j])
                let (low, high) = (min(first.annotator, second.annotator), max(first.annotator, second.annotator))
                let pair: PairTally
                if let known = pairs[low][high] {
                    pair = known
                } else {
                    pair = PairTally(measure.pairTally())
                    pairs[low][high] = pair
                }
                pair.items += times
                if first.info.category == second.info.category { pair.equal += times }
                pair.kind.add(first.info.agreementValue, second.info.agreementValue, itemText: text, times: times)
            }
        }
    }

    /// The annotator's pairs, by the other's name.
    func pairAgreements(of annotator: Int) -> [PairAgreement] {
        names.indices.sorted { names[$0] < names[$1] }.compactMap { other -> PairAgreement? in
            guard other != annotator, let tally = pairs[min(annotator, other)][max(annotator, other)],
                  tally.items > 0 else { return nil }
            var pair = PairAgreement(other: names[other], items: tally.items,
                                     percent: Double(tally.equal) / Double(tally.items),
                                     cohensKappa: nil, perLabel: nil, spans: nil)
            tally.kind.fill(&pair)
            return pair
        }
    }

    /// The project's agreement over the units: the guide's labels in guide order, then the
    /// others the units used, by name.
    func projectAgreement() -> ProjectAgreement {
        let names = values.labelNames
        let guide = Set(facts.labels)
        let presence = units.units == 0 ? [] : labelPresence.results
            .map { $0.tally.agreement(label: names[$0.label]) }
            .enumerated().sorted { a, b in
                let (aGuide, bGuide) = (guide.contains(a.element.label), guide.contains(b.element.label))
                if aGuide != bGuide { return aGuide }
                return aGuide ? a.offset < b.offset : a.element.label < b.element.label
            }
            .map(\.element)
        var agreement = ProjectAgreement(
            items: units.units, krippendorffAlpha: units.alpha, fleissKappa: units.fleissKappa,
            percent: units.percent, perLabel: presence, lowestLabel: TeamStats.lowest(presence))
        unitTally?.fill(&agreement)
        return agreement
    }
}
