import Foundation

/// The annotations and predictions one record of another tool's export carried (a Label
/// Studio task, a Prodigy or doccano line), read but not yet checked against a project:
/// the store checks them against the project's guide and task when it imports them.
public struct ForeignTask: Sendable, Equatable {
    /// Where the record is, for messages: "task 3 (id 17)" in a Label Studio array; nil
    /// where the line number says it all (JSON Lines).
    public var location: String?
    public var annotations: [ForeignAnnotation]
    public var predictions: [ForeignPrediction]
    /// Answers that are not decisions and are left out, counted for the summary
    /// (a Prodigy "reject" of a binary label says only what the label is not).
    public var rejected: Int

    public init(location: String? = nil, annotations: [ForeignAnnotation] = [], predictions: [ForeignPrediction] = [],
                rejected: Int = 0) {
        self.location = location
        self.annotations = annotations
        self.predictions = predictions
        self.rejected = rejected
    }
}

/// One annotator's answer on a record: a label decision, or a skip (Label Studio's
/// "was_cancelled", Prodigy's "ignore").
public struct ForeignAnnotation: Sendable, Equatable {
    public var annotator: String
    public var kind: AnnotationKind
    /// nil for a skip.
    public var value: ForeignValue?
    public var decidedAt: Date?
    public var durationMilliseconds: Int?

    public init(annotator: String, kind: AnnotationKind, value: ForeignValue?, decidedAt: Date? = nil,
                durationMilliseconds: Int? = nil) {
        self.annotator = annotator
        self.kind = kind
        self.value = value
        self.decidedAt = decidedAt
        self.durationMilliseconds = durationMilliseconds
    }
}

/// A model's prediction on a record, kept as the item's suggestion.
public struct ForeignPrediction: Sendable, Equatable {
    /// Where it came from, e.g. "label-studio:bert-v2".
    public var source: String
    public var value: ForeignValue
    public var score: Double?
    public var createdAt: Date?

    public init(source: String, value: ForeignValue, score: Double?, createdAt: Date?) {
        self.source = source
        self.value = value
        self.score = score
        self.createdAt = createdAt
    }
}

/// A value as the other tool wrote it, before the project's task kind says what it means
/// (its `ForeignAnswerRule`).
public enum ForeignValue: Sendable, Equatable {
    /// Chosen labels for the whole text (Label Studio choices, doccano and Prodigy labels).
    case choices([String])
    /// A binary "accept" of one label (Prodigy textcat): what the annotator said of that
    /// label alone.
    case accepted(String)
    /// Spans with Unicode scalar offsets into the item's text.
    case spans([LabeledRange])
    /// A judgment of two responses and ratings (Label Studio's Pairwise and Rating results,
    /// Argilla's ranking and rating answers).
    case judgment(ForeignJudgment)
    /// An order of the item's responses by model, best first, ties allowed (Label Studio's
    /// Ranker result).
    case ranking(Ranking)
}

/// What another tool said of an item's responses: which of the two shown won (nil when it
/// said nothing of it) and its ratings, of the item or of each response by model.
public struct ForeignJudgment: Sendable, Equatable {
    /// The models on the left and on the right as the tool showed them; nil for an item
    /// without responses (ratings of the item alone).
    public var left: String?
    public var right: String?
    public var outcome: PairwiseJudgment.Outcome?
    public var ratings: Ratings?

    public init(left: String? = nil, right: String? = nil, outcome: PairwiseJudgment.Outcome? = nil, ratings: Ratings? = nil) {
        self.left = left
        self.right = right
        self.outcome = outcome
        self.ratings = ratings
    }
}
