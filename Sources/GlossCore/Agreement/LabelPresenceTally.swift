/// Present/absent agreement of one label, unit by unit: each coder's value on a unit becomes
/// "has the label" or "has not", and the unit adds what ``NominalUnitsTally`` would add for
/// those two categories, without building them. A unit of m values of which k have the label
/// adds k(k − 1) + (m − k)(m − k − 1) agreeing ordered pairs and m² − k² − (m − k)² to the
/// disagreement, so the results are bit-for-bit those of the nominal coefficients.
public struct LabelPresenceTally: Sendable {
    private var agreementSum = 0.0
    private var disagreement = 0.0
    private var present = 0
    private var absent = 0
    /// Pairable units added.
    public private(set) var units = 0

    /// A tally that has seen `units` pairable units of `values` values in all, none of
    /// which had the label: a label first seen late starts where it would have been. Each
    /// such unit added exactly 1 to the agreement sum and 0 to the disagreement, so the
    /// partial sums are the integers below whatever order the additions ran in.
    public init(afterUnits units: Int = 0, values: Int = 0) {
        self.units = units
        agreementSum = Double(units)
        absent = values
    }

    /// Adds a unit of `size` values (two or more), `having` of which have the label;
    /// `times` adds that many such units.
    public mutating func add(size m: Int, having k: Int, times: Int = 1) {
        let agreeing = k * (k - 1) + (m - k) * (m - k - 1)
        agreementSum += Double(times) * (Double(agreeing) / Double(m * (m - 1)))
        disagreement += Double(times) * (Double(m * m - k * k - (m - k) * (m - k)) / Double(m - 1))
        present += k * times
        absent += (m - k) * times
        units += times
    }

    /// The label's percent and α (nil when undefined, as for a label nobody used).
    public func agreement(label: String) -> LabelAgreement {
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
    private var units = 0
    private var values = 0
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
        tallies.append(LabelPresenceTally(afterUnits: units, values: values))
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
        units += times
        values += size * times
    }

    /// Each label's tally, in the order the labels came.
    public var results: [(label: Int, tally: LabelPresenceTally)] {
        Array(zip(labels, tallies))
    }
}
