import GlossCore

/// A fixed list of items to walk in the labeler instead of the queue, each with the
/// model's prediction shown as its suggestion: `gloss eval --browse` lists the items the
/// model got wrong, worst first.
public struct BrowseList: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var rowID: Int64
        /// The model's prediction, shown on the suggestion line and in the label bar.
        public var prediction: Suggestion?
        /// A line for the status bar ("gold: negative").
        public var note: String?
        public init(rowID: Int64, prediction: Suggestion?, note: String? = nil) {
            self.rowID = rowID
            self.prediction = prediction
            self.note = note
        }
    }

    /// What the list is, for the header ("misclassified").
    public var name: String
    public var entries: [Entry]
    public init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
    }
}
