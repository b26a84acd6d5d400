import Foundation
import GlossCore

/// An item as the labeler reads it, with this annotator's current decision on it.
public struct StoredItem: Sendable, Equatable {
    public var rowID: Int64
    public var externalID: String
    /// The text exactly as stored (read as bytes, so a NUL does not cut it short).
    public var text: String
    public var metadata: String?
    public var decision: StoredDecision?
    /// The suggestion kept in the store for the item (an imported model prediction), read
    /// with the item in one primary-key lookup; the labeler shows it when its own model has none.
    public var suggestion: StoredSuggestion? = nil
    /// The item's prompt and model responses, when it has them (`items.parts`).
    public var parts: ItemParts? = nil
}

/// An annotator's current (not superseded, not undone) decision on an item.
public struct StoredDecision: Sendable, Equatable {
    public var annotationID: Int64
    public var kind: AnnotationKind
    public var value: AnnotationValue?
    public var comment: String?
    public var note: String?
}

/// How fast the session handled keys, as stored on its row.
public struct KeystrokeStats: Sendable, Equatable {
    public var keystrokes: Int
    public var p50Milliseconds: Double?
    public var p99Milliseconds: Double?
    public var maxMilliseconds: Double?
    public init(keystrokes: Int = 0, p50Milliseconds: Double? = nil, p99Milliseconds: Double? = nil, maxMilliseconds: Double? = nil) {
        self.keystrokes = keystrokes
        self.p50Milliseconds = p50Milliseconds
        self.p99Milliseconds = p99Milliseconds
        self.maxMilliseconds = maxMilliseconds
    }
}

/// The decisions a session made, by kind.
struct SessionCounts: Sendable, Equatable {
    var labels = 0, skips = 0, flags = 0, changes = 0, undos = 0
}

/// A session's decisions that are current, by kind (see `LabelingSession.standingDecisions`).
public struct StandingDecisions: Sendable, Equatable {
    public var labels = 0, skips = 0, flags = 0
}

/// What a save did.
public struct SaveOutcome: Sendable, Equatable {
    public var annotationID: Int64
    /// Whether it replaced a current decision (a change) rather than deciding a new item.
    public var replaced: Bool
    /// The annotator's decided count after the save.
    public var decided: Int
    /// What to show next (see `LabelingSession.save`), and its history entry when it is one.
    public var next: StoredItem?
    public var nextHistoryID: Int64?
}

/// What an undo did: the item as it is now (its decision the one that is current again, if
/// any), the annotator's decided count after it, and the decision undone.
public struct UndoOutcome: Sendable, Equatable {
    public var item: StoredItem
    public var decided: Int
    public var undone: StoredDecision
}

/// A stored session row, for reports, tests and the benchmark.
public struct SessionRecord: Sendable, Equatable {
    public var id: Int64
    public var project: String
    public var annotator: String
    public var startedAt: Date
    public var endedAt: Date?
    public var endReason: String?
    public var host: String
    public var terminalWidth: Int
    public var terminalHeight: Int
    public var labels: Int
    public var skips: Int
    public var flags: Int
    public var changes: Int
    public var undos: Int
    public var keystrokes: Int
    public var keyP50Milliseconds: Double?
    public var keyP99Milliseconds: Double?
    public var keyMaxMilliseconds: Double?
    public var firstDrawMilliseconds: Double?
    public var peakRSSKilobytes: Int?
}
