/// Where an exported item's value came from.
public enum ExportSource: String, Sendable, Codable, CaseIterable {
    /// A reviewer's adjudication (`gloss review`).
    case adjudicated
    /// The annotators' decisions, combined under the export's consensus policy.
    case consensus
    /// The project's model, for an item nobody labeled (`--include-predictions`).
    case prediction
}

/// The part of a split export an item falls in.
public enum ExportSplit: String, Sendable, Codable, CaseIterable, Comparable {
    case train, validation, test

    public static func < (a: ExportSplit, b: ExportSplit) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One annotator's current decision on an exported item (Label Studio writes each as an
/// annotation; other formats use only the combined value).
public struct ExportDecision: Sendable, Equatable {
    public var annotator: String
    public var kind: AnnotationKind
    /// The decision's value; nil for a skip or a flag.
    public var value: AnnotationValue?
    /// As stored: UTC text `YYYY-MM-DD HH:MM:SS.SSS` (writers convert it to their format).
    public var decidedAt: String
    /// Active time on the item, when the labeler measured it.
    public var activeMilliseconds: Int?
    /// What the model suggested when the decision was made, if anything.
    public var suggestion: AnnotationValue?

    public init(annotator: String, kind: AnnotationKind, value: AnnotationValue?, decidedAt: String,
                activeMilliseconds: Int? = nil, suggestion: AnnotationValue? = nil) {
        self.annotator = annotator
        self.kind = kind
        self.value = value
        self.decidedAt = decidedAt
        self.activeMilliseconds = activeMilliseconds
        self.suggestion = suggestion
    }
}

/// One item as an export writes it: the item, its final value under the policy, who labeled
/// it, how much they agreed, and its split. Span offsets count Unicode scalars of `text`.
public struct ExportRecord: Sendable, Equatable {
    /// The item's row id in the store (stable, increasing in import order).
    public var rowID: Int64
    /// The item's id from its dataset (`items.external_id`).
    public var id: String
    public var text: String
    /// The item's other fields: a JSON object's text as stored, or nil.
    public var metadataJSON: String?
    /// The final value: `.label` for classify, `.labels` (guide order) for multilabel,
    /// `.spans` (sorted by start, then end) for spans.
    public var value: AnnotationValue
    public var source: ExportSource
    /// Names of the annotators with a current label decision on the item, sorted.
    public var annotators: [String]
    /// The share of those label decisions whose value equals `value` (1 when they all
    /// agree); nil when there are none (a prediction, or an adjudication without decisions).
    public var agreement: Double?
    /// The model's probability for its value; predictions only.
    public var confidence: Double?
    /// Nil when the export is not split.
    public var split: ExportSplit?
    /// Every current decision on the item (labels, skips and flags), oldest first.
    public var decisions: [ExportDecision]
    /// The item's prompt and responses as canonical JSON (`ItemParts.json`), when it has them.
    public var partsJSON: String?

    public init(rowID: Int64, id: String, text: String, metadataJSON: String?, value: AnnotationValue,
                source: ExportSource, annotators: [String], agreement: Double?, confidence: Double? = nil,
                split: ExportSplit?, decisions: [ExportDecision], partsJSON: String? = nil) {
        self.rowID = rowID
        self.id = id
        self.text = text
        self.metadataJSON = metadataJSON
        self.value = value
        self.source = source
        self.annotators = annotators
        self.agreement = agreement
        self.confidence = confidence
        self.split = split
        self.decisions = decisions
        self.partsJSON = partsJSON
    }
}
