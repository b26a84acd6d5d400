import Foundation

/// One stored decision row, as team statistics read it: every row of the history counts
/// (superseded and undone ones too), because undo rates and active time are about work done.
public struct StatsDecision: Sendable, Equatable {
    /// The row id; rows are given in id order (the order they were made).
    public var id: Int64
    /// The item's external id in the project's dataset.
    public var item: String
    public var annotator: String
    public var kind: AnnotationKind
    /// The decided value; nil for skips and flags.
    public var value: AnnotationValue?
    public var decidedAt: Date
    /// Active time on the item before deciding; nil when not measured (imported without one).
    public var activeMilliseconds: Int?
    /// Whether the labeler showed a suggestion (pre-label) for this decision.
    public var suggestionShown: Bool
    /// Whether the annotator took the suggestion as it was; nil when none was shown.
    public var suggestionAccepted: Bool?
    public var guideVersion: Int
    /// A later decision of the same annotator on the item replaced this one.
    public var superseded: Bool
    /// The annotator undid this decision.
    public var undone: Bool

    public init(id: Int64, item: String, annotator: String, kind: AnnotationKind, value: AnnotationValue?,
                decidedAt: Date, activeMilliseconds: Int? = nil, suggestionShown: Bool = false,
                suggestionAccepted: Bool? = nil, guideVersion: Int = 1, superseded: Bool = false, undone: Bool = false) {
        self.id = id
        self.item = item
        self.annotator = annotator
        self.kind = kind
        self.value = value
        self.decidedAt = decidedAt
        self.activeMilliseconds = activeMilliseconds
        self.suggestionShown = suggestionShown
        self.suggestionAccepted = suggestionAccepted
        self.guideVersion = guideVersion
        self.superseded = superseded
        self.undone = undone
    }

    /// The decision stands: neither superseded nor undone.
    public var isCurrent: Bool { !superseded && !undone }
}

/// What a project knows about itself that statistics need.
public struct StatsProjectFacts: Sendable, Equatable {
    public var name: String
    public var task: TaskType
    /// How many different annotators should decide each item.
    public var overlap: Int
    /// Items of the project's dataset (the sum of its imports' added items).
    public var totalItems: Int
    /// The labels of the guide in force, in guide order; per-label agreement lists them all.
    public var labels: [String]
    /// The rating criteria of the guide in force, in guide order (α per criterion).
    public var criteria: [RatingCriterion]

    public init(name: String, task: TaskType, overlap: Int, totalItems: Int, labels: [String],
                criteria: [RatingCriterion] = []) {
        self.name = name
        self.task = task
        self.overlap = overlap
        self.totalItems = totalItems
        self.labels = labels
        self.criteria = criteria
    }
}

/// Everything `TeamStats.report` reads: the project's facts, its decision rows in id order,
/// its gold answers and its current adjudications, keyed by item external id.
public struct StatsInput: Sendable, Equatable {
    public var project: StatsProjectFacts
    public var decisions: [StatsDecision]
    /// Known answers of gold items.
    public var gold: [String: AnnotationValue]
    /// Each item's current (not superseded, not undone) adjudication.
    public var adjudications: [String: AnnotationValue]
    /// Item texts, needed only by span projects (token-overlap F1); may be empty otherwise.
    public var texts: [String: String]

    public init(project: StatsProjectFacts, decisions: [StatsDecision], gold: [String: AnnotationValue] = [:],
                adjudications: [String: AnnotationValue] = [:], texts: [String: String] = [:]) {
        self.project = project
        self.decisions = decisions
        self.gold = gold
        self.adjudications = adjudications
        self.texts = texts
    }
}

/// Which rows and annotators a report covers.
public struct StatsFilter: Sendable, Equatable {
    /// Only decision rows decided at or after this instant count (`--since`).
    public var since: Date?
    /// Only this annotator gets a per-annotator section (agreement is still against everyone).
    public var annotator: String?

    public init(since: Date? = nil, annotator: String? = nil) {
        self.since = since
        self.annotator = annotator
    }
}
