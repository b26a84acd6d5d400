/// The formats `gloss export` writes.
public enum ExportFormat: String, Sendable, Codable, CaseIterable {
    case jsonl, csv, fasttext, hf, spacy, conll
    case labelStudio = "label-studio"
    /// Preference rows for TRL (`prompt`, `chosen`, `rejected`): pairwise projects.
    case dpo
    /// Unpaired preference rows for TRL (`prompt`, `completion`, `label`): pairwise projects.
    case kto
}

/// How the decisions on an item become its exported value. An adjudication is the final word
/// under every policy; the policy decides the items without one.
public enum ConsensusPolicy: String, Sendable, Codable, CaseIterable {
    /// Only adjudicated items.
    case adjudicated
    /// The default. Classify: the most frequent label, ties left out. Multilabel and spans:
    /// each label (span) chosen by more than half of the item's annotators; an item where some
    /// label (span) has exactly half is a tie and left out.
    case majority
    /// Only items whose label decisions all have the same value.
    case unanimous
    /// Multilabel and spans: the union of the decisions. Classify: every labeled item, with
    /// the most frequent label and ties broken by the earliest decision.
    case any
    /// Multilabel and spans: the labels (spans) every annotator chose, left out when none.
    /// Classify: as `unanimous`. Judging kinds (pairwise, rating, ranking, text): one row
    /// per annotator, each with that annotator's value (an adjudicated item: one row).
    case all
}

/// Which items an export keeps besides those with a consensus value.
public struct ExportFilter: Sendable, Equatable, Codable {
    /// Keep items someone skipped (their label decisions still vote); left out by default.
    public var includeSkipped: Bool
    /// Keep items someone flagged; left out by default.
    public var includeFlagged: Bool
    /// Leave out items whose agreement is below this (adjudicated items are kept).
    public var minAgreement: Double?
    /// Add the latest model's value for items with no consensus value, as `prediction`.
    public var includePredictions: Bool

    enum CodingKeys: String, CodingKey {
        case includeSkipped = "include_skipped"
        case includeFlagged = "include_flagged"
        case minAgreement = "min_agreement"
        case includePredictions = "include_predictions"
    }

    public init(includeSkipped: Bool = false, includeFlagged: Bool = false, minAgreement: Double? = nil,
                includePredictions: Bool = false) {
        self.includeSkipped = includeSkipped
        self.includeFlagged = includeFlagged
        self.minAgreement = minAgreement
        self.includePredictions = includePredictions
    }
}
