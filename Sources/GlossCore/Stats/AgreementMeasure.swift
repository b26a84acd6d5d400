/// How one task kind measures agreement beyond the figures every kind gets (items shared,
/// percent equal, project α, Fleiss' κ, per-label agreement): the figures of two annotators
/// (Cohen's κ for labels, F1 for spans, …) and any figures over the project's units (an
/// ordinal α for ratings, Kendall's W for rankings). Each kind implements it in its folder
/// (GlossTasks), and whoever asks for statistics hands the project's measure in, so adding a
/// kind adds its agreement without touching the statistics.
///
/// Statistics feed the tallies item by item, items in the order of their external ids, so a
/// measure sees a million items without holding them.
public protocol AgreementMeasure: Sendable {
    /// Whether the tallies read each item's text (token-level span agreement does); when
    /// false they are given "".
    var readsItemText: Bool { get }
    /// A new tally of the items two annotators both labeled.
    func pairTally() -> any PairAgreementTally
    /// A new tally of the project's units, for figures of the kind's own; nil when the
    /// kind adds none.
    func unitTally() -> (any UnitAgreementTally)?
}

extension AgreementMeasure {
    public var readsItemText: Bool { false }
    public func unitTally() -> (any UnitAgreementTally)? { nil }
}

/// One decision value as tallies receive it, with its nominal category: equal values
/// (labels compared as sets, spans whatever their order) share a category number, so
/// counting categories needs no string work. Numbers are only comparable within one report.
public struct AgreementValue: Sendable {
    public var value: AnnotationValue
    public var category: Int
    /// Who gave it, as a number fixed within one report (a unit tally that follows pairs
    /// of judges across items reads it; -1 when not told).
    public var judge: Int

    public init(value: AnnotationValue, category: Int, judge: Int = -1) {
        self.value = value
        self.category = category
        self.judge = judge
    }
}

/// The agreement of two annotators, fed each item both labeled. The pair is unordered:
/// `first` and `second` come in name order, so its figures must not depend on which
/// annotator is first (κ and F1 do not).
public protocol PairAgreementTally: AnyObject {
    /// Adds one item both labeled; `itemText` is "" unless the measure reads texts.
    func add(_ first: AgreementValue, _ second: AgreementValue, itemText: String)
    /// Adds `times` items both labeled alike (a default adds them one by one).
    func add(_ first: AgreementValue, _ second: AgreementValue, itemText: String, times: Int)
    /// Writes the kind's figures into the pair's section (`items` and `percent` are set).
    func fill(_ pair: inout PairAgreement)
}

extension PairAgreementTally {
    /// Adds `times` items both labeled alike (the store's aggregates count items by their
    /// values); a tally whose figures are counts overrides it to add them at once.
    public func add(_ first: AgreementValue, _ second: AgreementValue, itemText: String, times: Int) {
        for _ in 0..<times { add(first, second, itemText: itemText) }
    }
}

/// A kind's own figures over the units: items with two or more current labels, each given
/// its values in annotator name order.
public protocol UnitAgreementTally: AnyObject {
    func add(_ unit: [AgreementValue], itemText: String)
    /// Adds `times` units alike (a default adds them one by one).
    func add(_ unit: [AgreementValue], itemText: String, times: Int)
    /// Writes the kind's figures into the project's agreement (usually into `figures`).
    func fill(_ agreement: inout ProjectAgreement)
}

extension UnitAgreementTally {
    /// Adds `times` units alike; a tally of counts may override it to add them at once.
    public func add(_ unit: [AgreementValue], itemText: String, times: Int) {
        for _ in 0..<times { add(unit, itemText: itemText) }
    }
}

/// A named agreement figure a kind adds to the report, such as `ordinal_alpha`; nil when
/// undefined for the data. Lists of them stay absent from the JSON for kinds without any.
public struct AgreementFigure: Sendable, Equatable, Codable {
    public var name: String
    public var value: Double?

    public init(name: String, value: Double?) {
        self.name = name
        self.value = value
    }
}
