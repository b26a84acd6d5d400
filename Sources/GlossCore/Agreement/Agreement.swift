/// Inter-annotator agreement coefficients, pure and deterministic.
///
/// Data comes as *units* (items): each unit lists the values the coders (annotators) who
/// coded it gave, one per coder, so a coder who did not code a unit is simply absent
/// (missing data). Every function returns nil when the coefficient is undefined for the
/// data (no pairable unit, or expected disagreement of zero), never NaN.
public enum Agreement {
    /// Pairwise percent agreement: over all units with at least two values, the share of
    /// agreeing ordered pairs of values within each unit, averaged over those units.
    public static func percentAgreement(_ units: [[String]]) -> Double? {
        fatalError("contract: implemented in the agreement branch")
    }

    /// Cohen's κ of two coders, from the units both coded (`pairs[i] = (a, b)`).
    public static func cohensKappa(_ pairs: [(String, String)]) -> Double? {
        fatalError("contract: implemented in the agreement branch")
    }

    /// Fleiss' κ over units with at least two values. Units may have different numbers of
    /// values (each unit's agreement uses its own count; category shares use all values).
    public static func fleissKappa(_ units: [[String]]) -> Double? {
        fatalError("contract: implemented in the agreement branch")
    }

    /// Krippendorff's α for nominal data, with missing data: units with fewer than two
    /// values are not pairable and are left out, as in Krippendorff (2011).
    public static func krippendorffAlpha(_ units: [[String]]) -> Double? {
        fatalError("contract: implemented in the agreement branch")
    }

    /// Binary agreement per label: each coder's value on a unit becomes "has the label" or
    /// "has not", for every label in `labels` (single-label data passes one-element sets).
    public static func perLabel(_ units: [[Set<String>]], labels: [String]) -> [LabelAgreement] {
        fatalError("contract: implemented in the agreement branch")
    }

    /// Span agreement between two annotators over the items both annotated: exact-match F1
    /// (same start, end and label) and token-overlap F1 (tokens of `text`, by label).
    public static func spans(_ items: [SpanPair]) -> SpanAgreement {
        fatalError("contract: implemented in the agreement branch")
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
