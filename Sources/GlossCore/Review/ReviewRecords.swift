import Foundation

/// Which items `gloss review` walks.
public enum ReviewScope: String, Sendable, Equatable, CaseIterable {
    /// Items whose annotators disagree (two or more annotators whose current decisions
    /// differ in kind or value), and items with a current flag.
    case disagreements
    /// Every item with two or more current decisions, and flagged items.
    case all
}

/// One annotator's current decision on an item under review.
public struct ReviewDecision: Sendable, Equatable {
    public var annotationID: Int64
    public var annotator: String
    public var kind: AnnotationKind
    public var value: AnnotationValue?
    public var comment: String?
    /// The note typed with a flag.
    public var note: String?
    /// The model's pre-label shown to the annotator when deciding, if any.
    public var suggestion: AnnotationValue?
    public var decidedAt: Date

    public init(annotationID: Int64, annotator: String, kind: AnnotationKind, value: AnnotationValue?,
                comment: String? = nil, note: String? = nil, suggestion: AnnotationValue? = nil, decidedAt: Date) {
        self.annotationID = annotationID
        self.annotator = annotator
        self.kind = kind
        self.value = value
        self.comment = comment
        self.note = note
        self.suggestion = suggestion
        self.decidedAt = decidedAt
    }
}

/// A reviewer's final answer on an item (a row of `adjudications`).
public struct Adjudication: Sendable, Equatable {
    public var id: Int64
    public var itemRowID: Int64
    public var externalID: String
    public var reviewer: String
    public var value: AnnotationValue
    public var comment: String?
    public var decidedAt: Date

    public init(id: Int64, itemRowID: Int64, externalID: String, reviewer: String, value: AnnotationValue,
                comment: String? = nil, decidedAt: Date) {
        self.id = id
        self.itemRowID = itemRowID
        self.externalID = externalID
        self.reviewer = reviewer
        self.value = value
        self.comment = comment
        self.decidedAt = decidedAt
    }
}

/// What an undo of an adjudication did: the one marked undone, and the one it had
/// superseded, current again (nil when the item has no adjudication now).
public struct AdjudicationUndo: Sendable, Equatable {
    public var undone: Adjudication
    public var restored: Adjudication?

    public init(undone: Adjudication, restored: Adjudication?) {
        self.undone = undone
        self.restored = restored
    }
}

/// An item to review: the item, every current decision on it (oldest first) and its
/// current adjudication.
public struct ReviewEntry: Sendable, Equatable {
    public var itemRowID: Int64
    public var externalID: String
    /// The text exactly as stored (the screen escapes it).
    public var text: String
    public var metadata: String?
    public var decisions: [ReviewDecision]
    public var adjudication: Adjudication?

    public init(itemRowID: Int64, externalID: String, text: String, metadata: String? = nil,
                decisions: [ReviewDecision], adjudication: Adjudication? = nil) {
        self.itemRowID = itemRowID
        self.externalID = externalID
        self.text = text
        self.metadata = metadata
        self.decisions = decisions
        self.adjudication = adjudication
    }

    /// Whether two annotators' current decisions differ in kind or value.
    public var disagrees: Bool {
        ReviewEntry.disagree(decisions.map { ($0.annotator, $0.kind, $0.value) })
    }

    /// Whether any current decision flags the item for review.
    public var flagged: Bool { decisions.contains { $0.kind == .flag } }

    /// Whether the decisions differ in kind or in what they decide (an annotator has one
    /// current decision per item, so differing decisions are different annotators'). Values
    /// compare as `AnnotationValue.decidesTheSame` says: pairwise judgments by outcome (the
    /// winning model, tie, neither), never by the side it was shown on.
    public static func disagree(_ decisions: [(annotator: String, kind: AnnotationKind, value: AnnotationValue?)]) -> Bool {
        guard let first = decisions.first else { return false }
        return decisions.contains { decision in
            guard decision.kind == first.kind else { return true }
            switch (decision.value, first.value) {
            case (nil, nil): return false
            case (let a?, let b?): return !a.decidesTheSame(as: b)
            default: return true
            }
        }
    }
}

/// An item's final label for training and confident learning: its current adjudication,
/// else the majority of its current label decisions.
public struct FinalLabel: Sendable, Equatable {
    public var itemRowID: Int64
    public var externalID: String
    public var text: String
    public var label: String
    /// Whether a reviewer decided it (else the annotators' majority).
    public var adjudicated: Bool

    public init(itemRowID: Int64, externalID: String, text: String, label: String, adjudicated: Bool) {
        self.itemRowID = itemRowID
        self.externalID = externalID
        self.text = text
        self.label = label
        self.adjudicated = adjudicated
    }
}
