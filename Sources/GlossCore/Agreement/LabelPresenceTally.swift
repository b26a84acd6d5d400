/// Present/absent agreement of one label, unit by unit: each coder's value on a unit becomes
/// "has the label" or "has not", and the unit adds what ``NominalUnitsTally`` would add for
/// those two categories, without building them. A unit of m values of which k have the label
/// adds k(k − 1) + (m − k)(m − k − 1) agreeing ordered pairs and m² − k² − (m − k)²
/// disagreeing ones, kept per unit size as integers, so the results are bit-for-bit those of
/// the nominal coefficients whatever the order of the units.
public struct LabelPresenceTally: Sendable {
    /// By unit size m: the agreeing and the disagreeing ordered pairs of its units.
    private var agreeingPairs: [Int] = []
    private var disagreeingPairs: [Int] = []
    private var present = 0
    private var absent = 0
    /// Pairable units added.
    public private(set) var units = 0

    /// A tally that has seen `unitsBySize[m]` pairable units of m values, none of which had
    /// the label: a label first seen late starts where it would have been.
    public init(unitsBySize: [Int] = []) {
        for (m, count) in unitsBySize.enumerated() where m >= 2 && count > 0 { add(size: m, having: 0, times: count) }
    }

    /// Adds a unit of `size` values (two or more), `having` of which have the label;
    /// `times` adds that many such units.
    public mutating func add(size m: Int, having k: Int, times: Int = 1) {
        if m >= agreeingPairs.count {
            agreeingPairs += Array(repeating: 0, count: m + 1 - agreeingPairs.count)
            disagreeingPairs += Array(repeating: 0, count: m + 1 - disagreeingPairs.count)
        }
        agreeingPairs[m] += times * (k * (k - 1) + (m - k) * (m - k - 1))
        disagreeingPairs[m] += times * (m * m - k * k - (m - k) * (m - k))
        present += k * times
        absent += (m - k) * times
        units += times
    }

    /// The label's percent and α (nil when undefined, as for a label nobody used).
    public func agreement(label: String) -> LabelAgreement {
        var agreementSum = 0.0, disagreement = 0.0
        for m in agreeingPairs.indices.dropFirst(2) {
            agreementSum += Double(agreeingPairs[m]) / Double(m * (m - 1))
            disagreement += Double(disagreeingPairs[m]) / Double(m - 1)
        }
        let n = present + absent
        let expectedPairs = n * n - present * present - absent * absent
        return LabelAgreement(
            label: label, units: units,
            percent: units == 0 ? nil : agreementSum / Double(units),
            alpha: expectedPairs > 0 ? 1 - Double(n - 1) * disagreement / Double(expectedPairs) : nil)
    }
}

/// ``LabelPresenceTally`` for several labels at once, labels being numbers (see
/// `CategoryNumbers`): the labels known from the start, in their order, then (when
/// `growing`) each label the first time a unit uses it.
public struct LabelPresenceTallies: Sendable {
    public private(set) var labels: [Int] = []
    private var tallies: [LabelPresenceTally] = []
    /// Position in `labels` by label number; -1 for none.
    private var position: [Int] = []
    private let growing: Bool
    /// Pairable units added so far, by size.
    private var unitsBySize: [Int] = []
    private var having: [Int] = []

    public init(labels: [Int] = [], growing: Bool) {
        self.growing = growing
        for label in labels where !known(label) { append(label) }
    }

    private func known(_ label: Int) -> Bool { label < position.count && position[label] >= 0 }

    private mutating func append(_ label: Int) {
        if label >= position.count { position += Array(repeating: -1, count: label - position.count + 1) }
        position[label] = labels.count
        labels.append(label)
        tallies.append(LabelPresenceTally(unitsBySize: unitsBySize))
        having.append(0)
    }

    /// Adds a unit of `size` values (fewer than two add nothing). `labels` lists, for each
    /// value, the distinct labels it has: a label's count there is how many values have it.
    /// `times` adds that many units alike.
    public mutating func add(size: Int, labels used: some Sequence<Int>, times: Int = 1) {
        guard size >= 2 else { return }
        for label in used {
            if known(label) {
                having[position[label]] += 1
            } else if growing {
                append(label)
                having[labels.count - 1] = 1
            }
        }
        for at in tallies.indices {
            tallies[at].add(size: size, having: having[at], times: times)
            having[at] = 0
        }
        if size >= unitsBySize.count { unitsBySize += Array(repeating: 0, count: size + 1 - unitsBySize.count) }
        unitsBySize[size] += times
    }

    /// Each label's tally, in the order the labels came.
    public var results: [(label: Int, tally: LabelPresenceTally)] {
        Array(zip(labels, tallies))
    }
}
