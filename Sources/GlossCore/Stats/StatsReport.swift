import Foundation

/// Team statistics of one project: the shape of `gloss stats --json` (encoded with
/// snake_case keys and ISO 8601 dates) and the input of `StatsRenderer`.
public struct StatsReport: Sendable, Equatable, Codable {
    public var project: String
    public var task: TaskType
    public var overlap: Int
    /// The `--since` instant, when given.
    public var since: Date?
    /// The `--annotator` name, when given.
    public var annotator: String?
    public var progress: ProjectProgress
    public var agreement: ProjectAgreement
    /// Current decisions per UTC day, oldest first, days without decisions left out.
    public var throughput: [DayCount]
    /// One section per annotator (only the `--annotator` one when given), by name.
    public var annotators: [AnnotatorStats]
    /// Pairwise and rating projects: the leaderboard, outcome and rating agreement and
    /// position bias; absent for other kinds.
    public var judging: JudgingStats?

    public init(project: String, task: TaskType, overlap: Int, since: Date?, annotator: String?,
                progress: ProjectProgress, agreement: ProjectAgreement, throughput: [DayCount],
                annotators: [AnnotatorStats], judging: JudgingStats? = nil) {
        self.judging = judging
        self.project = project
        self.task = task
        self.overlap = overlap
        self.since = since
        self.annotator = annotator
        self.progress = progress
        self.agreement = agreement
        self.throughput = throughput
        self.annotators = annotators
    }
}

/// How far the project has come.
public struct ProjectProgress: Sendable, Equatable, Codable {
    /// Items of the dataset.
    public var itemsTotal: Int
    /// Items with at least one current decision (of any kind).
    public var itemsDecided: Int
    /// Items with at least `overlap` current decisions: done for the queue.
    public var itemsComplete: Int
    /// `itemsComplete / itemsTotal`; nil for an empty dataset.
    public var completeShare: Double?
    /// How many items have exactly n current decisions, for each n ≥ 1 that occurs.
    public var itemsByDecisions: [DecisionCount]
    /// Current decisions of every annotator, of every kind.
    public var decisions: Int

    public init(itemsTotal: Int, itemsDecided: Int, itemsComplete: Int, completeShare: Double?,
                itemsByDecisions: [DecisionCount], decisions: Int) {
        self.itemsTotal = itemsTotal
        self.itemsDecided = itemsDecided
        self.itemsComplete = itemsComplete
        self.completeShare = completeShare
        self.itemsByDecisions = itemsByDecisions
        self.decisions = decisions
    }
}

/// `items` items have exactly `decisions` current decisions.
public struct DecisionCount: Sendable, Equatable, Codable {
    public var decisions: Int
    public var items: Int

    public init(decisions: Int, items: Int) {
        self.decisions = decisions
        self.items = items
    }
}

/// Agreement over the items with at least two current label decisions.
public struct ProjectAgreement: Sendable, Equatable, Codable {
    /// Items with at least two current label decisions (the units).
    public var items: Int
    public var krippendorffAlpha: Double?
    public var fleissKappa: Double?
    public var percent: Double?
    /// Present/absent agreement per label, in guide order then any other label seen.
    public var perLabel: [LabelAgreement]
    /// The label with the lowest α (then percent) among those with a value: the one the
    /// guide leaves least clear.
    public var lowestLabel: String?
    /// Figures the task kind adds over the units (its `UnitAgreementTally`); nil for kinds
    /// that add none.
    public var figures: [AgreementFigure]?

    public init(items: Int, krippendorffAlpha: Double?, fleissKappa: Double?, percent: Double?,
                perLabel: [LabelAgreement], lowestLabel: String?, figures: [AgreementFigure]? = nil) {
        self.items = items
        self.krippendorffAlpha = krippendorffAlpha
        self.fleissKappa = fleissKappa
        self.percent = percent
        self.perLabel = perLabel
        self.lowestLabel = lowestLabel
        self.figures = figures
    }
}

/// Current decisions on one UTC day (`date` is `YYYY-MM-DD`).
public struct DayCount: Sendable, Equatable, Codable {
    public var date: String
    public var decisions: Int

    public init(date: String, decisions: Int) {
        self.date = date
        self.decisions = decisions
    }
}

/// One annotator's work and agreement. See `TeamStats` for each metric's definition.
public struct AnnotatorStats: Sendable, Equatable, Codable {
    public var name: String
    /// All decision rows (superseded and undone ones included).
    public var rows: Int
    /// Current decisions (not superseded, not undone), and how many are labels/skips/flags.
    public var decisions: Int
    public var labels: Int
    public var skips: Int
    public var flags: Int
    /// Rows undone, and `undone / rows`.
    public var undone: Int
    public var undoRate: Double?
    /// Sum of `active_ms` over all rows, in hours.
    public var activeHours: Double
    /// `decisions / activeHours`; nil without measured time.
    public var itemsPerHour: Double?
    /// Seconds per item over current decisions with a measured time (type-7 percentiles).
    public var medianSeconds: Double?
    public var p90Seconds: Double?
    /// Current decisions that showed a suggestion, how many took it, and the share.
    public var suggestionsShown: Int
    public var suggestionsAccepted: Int
    public var suggestionAcceptance: Double?
    public var gold: GoldAccuracy
    /// Agreement with each other annotator who shares labeled items.
    public var pairs: [PairAgreement]
    public var consensus: ConsensusAgreement
    /// Uses of each label in current label decisions, most used first.
    public var labelDistribution: [LabelCount]
    /// Current decisions per guide version, oldest version first.
    public var guideVersions: [VersionCount]

    public init(name: String, rows: Int, decisions: Int, labels: Int, skips: Int, flags: Int, undone: Int,
                undoRate: Double?, activeHours: Double, itemsPerHour: Double?, medianSeconds: Double?,
                p90Seconds: Double?, suggestionsShown: Int, suggestionsAccepted: Int, suggestionAcceptance: Double?,
                gold: GoldAccuracy, pairs: [PairAgreement], consensus: ConsensusAgreement,
                labelDistribution: [LabelCount], guideVersions: [VersionCount]) {
        self.name = name
        self.rows = rows
        self.decisions = decisions
        self.labels = labels
        self.skips = skips
        self.flags = flags
        self.undone = undone
        self.undoRate = undoRate
        self.activeHours = activeHours
        self.itemsPerHour = itemsPerHour
        self.medianSeconds = medianSeconds
        self.p90Seconds = p90Seconds
        self.suggestionsShown = suggestionsShown
        self.suggestionsAccepted = suggestionsAccepted
        self.suggestionAcceptance = suggestionAcceptance
        self.gold = gold
        self.pairs = pairs
        self.consensus = consensus
        self.labelDistribution = labelDistribution
        self.guideVersions = guideVersions
    }
}

/// Accuracy on gold items: current label decisions on them equal to the answer.
public struct GoldAccuracy: Sendable, Equatable, Codable {
    public var decided: Int
    public var correct: Int
    public var accuracy: Double?
    /// Gold items the annotator decided with another value, by item id.
    public var missed: [String]

    public init(decided: Int, correct: Int, accuracy: Double?, missed: [String]) {
        self.decided = decided
        self.correct = correct
        self.accuracy = accuracy
        self.missed = missed
    }
}

/// Agreement of an annotator with one other annotator over the items both labeled.
public struct PairAgreement: Sendable, Equatable, Codable {
    public var other: String
    public var items: Int
    /// Share of shared items with the same value.
    public var percent: Double?
    /// Cohen's κ (classify, multilabel); nil for spans. This and the two below are filled by
    /// the kind's `PairAgreementTally`.
    public var cohensKappa: Double?
    /// Multilabel only: present/absent agreement per label between the two.
    public var perLabel: [LabelAgreement]?
    /// Spans only: exact and token-overlap F1.
    public var spans: SpanAgreement?
    /// Figures of kinds that have others (see `AgreementFigure`); nil for the kinds above.
    public var figures: [AgreementFigure]?

    public init(other: String, items: Int, percent: Double?, cohensKappa: Double?, perLabel: [LabelAgreement]?,
                spans: SpanAgreement?, figures: [AgreementFigure]? = nil) {
        self.other = other
        self.items = items
        self.percent = percent
        self.cohensKappa = cohensKappa
        self.perLabel = perLabel
        self.spans = spans
        self.figures = figures
    }
}

/// Agreement with the consensus of the others: the item's adjudication, else the strict
/// plurality of the other annotators' current label decisions (a tie has none).
public struct ConsensusAgreement: Sendable, Equatable, Codable {
    public var items: Int
    public var agreeing: Int
    public var percent: Double?

    public init(items: Int, agreeing: Int, percent: Double?) {
        self.items = items
        self.agreeing = agreeing
        self.percent = percent
    }
}

/// How often a label was used.
public struct LabelCount: Sendable, Equatable, Codable {
    public var label: String
    public var count: Int

    public init(label: String, count: Int) {
        self.label = label
        self.count = count
    }
}

/// Current decisions made under one guide version.
public struct VersionCount: Sendable, Equatable, Codable {
    public var version: Int
    public var decisions: Int

    public init(version: Int, decisions: Int) {
        self.version = version
        self.decisions = decisions
    }
}
