/// Inter-annotator agreement coefficients, pure and deterministic.
///
/// Data comes as *units* (items): each unit lists the values the coders (annotators) who
/// coded it gave, one per coder, so a coder who did not code a unit is simply absent
/// (missing data). Every function returns nil when the coefficient is undefined for the
/// data (no pairable unit, or expected disagreement of zero), never NaN.
///
/// Undefined cases, and how the reference implementations treat them:
/// - No unit with two values (empty input, one coder only): every coefficient is nil.
/// - Every pairable value is the same category: percent agreement is 1, but κ and α are
///   0/0 and nil. Krippendorff (2011) calls α undefined there ("no variation"); the
///   `krippendorff` package raises and sklearn's `cohen_kappa_score` gives NaN, while
///   nltk's `AnnotationTask.alpha` returns 1. We follow the definition: nil, never 1,
///   so that a lead does not read "perfect agreement" into data that cannot show any.
///
/// Values are compared as Swift strings, so canonically equivalent spellings of a label
/// (a precomposed "é" and "e" + U+0301) count as the same category.
public enum Agreement {
    /// Pairwise percent agreement: over all units with at least two values, the share of
    /// agreeing ordered pairs of values within each unit, averaged over those units.
    ///
    /// This is the P̄ of Fleiss' κ. With missing data each unit weighs the same whatever
    /// number of coders coded it, as in Gwet's `irrCAC` (its Fleiss `pa`), which the
    /// fixtures match; nltk's `AnnotationTask.avg_Ao` agrees only on complete data, since it
    /// divides every coder pair's agreements by all units, coded by both or not.
    public static func percentAgreement(_ units: [[String]]) -> Double? {
        tally(units).percent
    }

    /// Cohen's κ of two coders, from the units both coded (`pairs[i] = (a, b)`).
    ///
    /// κ = (p_o − p_e) / (1 − p_e) with p_e from each coder's own category shares; nil for
    /// no pairs or when both coders used one and the same category (p_e = 1).
    public static func cohensKappa(_ pairs: [(String, String)]) -> Double? {
        kappaOfTwoCoders(pairs)
    }

    /// Cohen's κ of two coders where either may have left a unit out (`nil`): only the
    /// units both coded count.
    public static func cohensKappa(_ pairs: [(String?, String?)]) -> Double? {
        kappaOfTwoCoders(pairs.compactMap { a, b in
            guard let a, let b else { return nil }
            return (a, b)
        })
    }

    /// Fleiss' κ over units with at least two values. Units may have different numbers of
    /// values (each unit's agreement uses its own count; category shares use all values).
    ///
    /// See ``NominalUnitsTally/fleissKappa`` for the generalization to unequal counts and
    /// the implementations it was checked against.
    public static func fleissKappa(_ units: [[String]]) -> Double? {
        tally(units).fleissKappa
    }

    /// Krippendorff's α for nominal data, with missing data: units with fewer than two
    /// values are not pairable and are left out, as in Krippendorff (2011).
    ///
    /// Computed from the coincidence matrix; nil when the pairable values all share one
    /// category (expected disagreement 0).
    public static func krippendorffAlpha(_ units: [[String]]) -> Double? {
        tally(units).alpha
    }

    /// Binary agreement per label: each coder's value on a unit becomes "has the label" or
    /// "has not", for every label in `labels` (single-label data passes one-element sets).
    /// Percent is ``percentAgreement(_:)`` and α is ``krippendorffAlpha(_:)`` on the
    /// binarized units, so a label nobody used (or everybody always used) has α nil.
    public static func perLabel(_ units: [[Set<String>]], labels: [String]) -> [LabelAgreement] {
        var numbers = CategoryNumbers()
        var tallies = LabelPresenceTallies(labels: labels.map { numbers.number(for: $0) }, growing: false)
        for unit in units {
            tallies.add(size: unit.count, labels: unit.flatMap { $0 }.map { numbers.number(for: $0) })
        }
        return tallies.results.map { $0.tally.agreement(label: labels[$0.label]) }
    }

    /// Span agreement between two annotators over the items both annotated: exact-match F1
    /// (same start, end and label) and token-overlap F1 (tokens of `text`, by label).
    /// See `AgreementSpans.swift` for exactly how tokens get labels and how counts pool.
    public static func spans(_ items: [SpanPair]) -> SpanAgreement {
        spanAgreement(items)
    }

    /// The units, one after the other, through the streaming tally of the three coefficients.
    static func tally(_ units: [[String]]) -> NominalUnitsTally {
        var numbers = CategoryNumbers()
        var tally = NominalUnitsTally()
        for unit in units { tally.add(unit.map { numbers.number(for: $0) }) }
        return tally
    }
}

/// One label's binary agreement (present/absent) across coders.
public struct LabelAgreement: Sendable, Equatable, Codable {
    public var label: String
    /// Units with at least two values that the label's agreement was computed on.
    public var units: Int
    public var percent: Double?
    public var alpha: Double?
    public init(label: String, units: Int, percent: Double?, alpha: Double?) {
        self.label = label
        self.units = units
        self.percent = percent
        self.alpha = alpha
    }
}

/// Two annotators' spans on one item.
public struct SpanPair: Sendable, Equatable {
    public var text: String
    public var first: [LabeledRange]
    public var second: [LabeledRange]
    public init(text: String, first: [LabeledRange], second: [LabeledRange]) {
        self.text = text
        self.first = first
        self.second = second
    }
}

/// Span agreement of two annotators: F1 treating one as the reference (symmetric).
public struct SpanAgreement: Sendable, Equatable, Codable {
    public var items: Int
    public var exactF1: Double?
    public var tokenF1: Double?
    public init(items: Int, exactF1: Double?, tokenF1: Double?) {
        self.items = items
        self.exactF1 = exactF1
        self.tokenF1 = tokenF1
    }
}
