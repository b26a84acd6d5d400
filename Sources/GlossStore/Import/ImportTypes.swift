import GlossCore

/// How an item import stores what its sources decode: into which dataset, with which
/// options recorded in the import log, and what becomes of another tool's annotations.
public struct ItemImportSettings: Sendable {
    public var dataset: String
    /// The fields the records were read with (the import log keeps them).
    public var fields: ImportFields
    /// Import the valid records and report the others instead of stopping at the first.
    public var skipInvalid: Bool
    /// Where another tool's annotations go (nil: they are counted, not imported).
    public var project: ImportProject?
    /// Whether the sources are another tool's exports, whose annotations and predictions the
    /// import counts (and, with a project, stores).
    public var foreign: Bool
    /// How another tool's answers become values of a task (its kind's rule; the project's task
    /// is known only inside the import). Needed when `foreign` answers go to a `project`.
    public var foreignAnswers: (@Sendable (TaskType) -> any ForeignAnswerRule)?
    /// How many new content keys the import holds before writing them to the store in key
    /// order (the default suits any size; tests make it small to cross many runs).
    public var contentKeyRunLength = 1 << 19

    public init(dataset: String, fields: ImportFields = ImportFields(), skipInvalid: Bool = false,
                project: ImportProject? = nil, foreign: Bool = false,
                foreignAnswers: (@Sendable (TaskType) -> any ForeignAnswerRule)? = nil) {
        self.dataset = dataset
        self.fields = fields
        self.skipInvalid = skipInvalid
        self.project = project
        self.foreign = foreign
        self.foreignAnswers = foreignAnswers
    }
}

/// The project that receives the annotations and predictions of another tool's export.
public struct ImportProject: Sendable {
    public var name: String
    /// The guide to create the project with (on the request's dataset) when it does not exist.
    public var guide: Guide?
    /// Who creates the project's guide version 1.
    public var author: String
    /// How each task's values are checked (the registry of task kinds).
    public var rules: ValueRulesLookup

    public init(name: String, guide: Guide? = nil, author: String, rules: @escaping ValueRulesLookup) {
        self.name = name
        self.guide = guide
        self.author = author
        self.rules = rules
    }
}

/// What one source contributed.
public struct SourceReport: Sendable, Equatable {
    public var source: String
    public var format: ImportFormat
    public var sha256: String
    public var bytes: Int64
    public var records = 0
    public var added = 0
    public var duplicates = 0
    public var skipped = 0
    public var seconds = 0.0
}

/// A refused record, located in its source.
public struct SkippedRecord: Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var error: InvalidRecord
    public var description: String { TerminalText.visible("\(source):\(error)") }
}

/// The outcome of an import.
public struct ImportReport: Sendable {
    public var dataset: String
    public var sources: [SourceReport] = []
    /// The first refused records (at most `skippedSampleLimit`); `skipped` counts them all.
    public var skippedSamples: [SkippedRecord] = []
    public static let skippedSampleLimit = 20
    public var seconds = 0.0
    /// What became of another tool's annotations and predictions (nil for plain item imports).
    public var foreign: ForeignImportReport?

    public var added: Int { sources.reduce(0) { $0 + $1.added } }
    public var duplicates: Int { sources.reduce(0) { $0 + $1.duplicates } }
    public var skipped: Int { sources.reduce(0) { $0 + $1.skipped } }
    public var records: Int { sources.reduce(0) { $0 + $1.records } }
}
