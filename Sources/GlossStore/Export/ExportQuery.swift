import GlossCore

/// What to read for an export: the consensus policy, the filters and the split plan.
public struct ExportQuery: Sendable, Equatable {
    public var policy: ConsensusPolicy
    public var filter: ExportFilter
    /// Nil: no split.
    public var split: SplitPlan?

    public init(policy: ConsensusPolicy = .majority, filter: ExportFilter = ExportFilter(), split: SplitPlan?) {
        self.policy = policy
        self.filter = filter
        self.split = split
    }
}

/// What an export scan saw besides its records, for the manifest.
public struct ExportScanSummary: Sendable, Equatable, Codable {
    /// Items with at least one current decision.
    public var decidedItems: Int
    /// Records written, predictions included.
    public var written: Int
    /// How many of the written records are the model's predictions.
    public var predicted: Int
    /// Why the decided items not written were left out (a decided item that got a prediction
    /// is written, not left out): "tie", "skipped", "flagged",
    /// "not unanimous", "below min agreement", "not adjudicated", "no label".
    public var leftOut: [String: Int]
    /// Guide versions the written decisions were made under, ascending.
    public var guideVersions: [Int]

    public init(decidedItems: Int = 0, written: Int = 0, predicted: Int = 0, leftOut: [String: Int] = [:],
                guideVersions: [Int] = []) {
        self.decidedItems = decidedItems
        self.written = written
        self.predicted = predicted
        self.leftOut = leftOut
        self.guideVersions = guideVersions
    }
}

/// An item with no consensus value, offered for `--include-predictions`: the caller asks its
/// model and returns the value with its probability (nil leaves the item out).
public struct UnlabeledItem: Sendable, Equatable {
    public var rowID: Int64
    public var id: String
    public var text: String
    public var metadataJSON: String?
}
