/// Agreement on pairwise outcomes, items given one at a time: each item's judgments (one per
/// annotator) are a unit of nominal categories, `winner:MODEL`, `tie` or `neither`
/// (``JudgedPair/category``), whatever side each annotator saw the models on.
///
/// Percent agreement and Krippendorff's α are those of ``NominalUnitsTally`` (the mean per
/// item share of agreeing ordered pairs; nominal α with missing data), so ties and `neither`
/// are outcomes like the two winners: two annotators who both said `tie` agree. Checked
/// against the `krippendorff` package (nominal) to 1e-9 (Tests/Fixtures/judging/pairwise-*.json).
public struct PairwiseOutcomeTally: Sendable {
    private var numbers = CategoryNumbers()
    private var tally = NominalUnitsTally()
    private var unit: [Int] = []

    public init() {}

    /// Adds one item (or `times` items alike): the judgments its annotators made (an item
    /// with one adds nothing).
    public mutating func add(_ judgments: some Sequence<JudgedPair>, times: Int = 1) {
        unit.removeAll(keepingCapacity: true)
        for judgment in judgments { unit.append(numbers.number(for: judgment.category)) }
        tally.add(unit, times: times)
    }

    /// Items with two or more judgments.
    public var items: Int { tally.units }
    /// Mean share of agreeing pairs of judgments per item; nil without such an item.
    public var percent: Double? { tally.percent }
    /// Nominal α over the outcomes; nil when undefined (no such item, or one outcome only).
    public var alpha: Double? { tally.alpha }
}
