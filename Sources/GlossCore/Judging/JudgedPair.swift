/// One pairwise judgment as the judging statistics read it: the models shown on the left and
/// on the right, and the outcome by side. (The pairwise task's stored value maps onto it one
/// to one; the statistics keep their own small input so they stay free of the store.)
public struct JudgedPair: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        case left, right, tie, neither
    }

    public var left: String
    public var right: String
    public var outcome: Outcome

    public init(left: String, right: String, outcome: Outcome) {
        self.left = left
        self.right = right
        self.outcome = outcome
    }

    /// The preferred model; nil for a tie or neither.
    public var winner: String? {
        switch outcome {
        case .left: left
        case .right: right
        case .tie, .neither: nil
        }
    }

    /// The outcome as a category that does not depend on the sides shown: `winner:MODEL`,
    /// `tie` or `neither`. Two annotators who preferred the same model agree even when they
    /// saw it on different sides.
    public var category: String {
        winner.map { "winner:" + $0 } ?? outcome.rawValue
    }

    /// Whether a side won (the judgments position bias counts).
    public var isDecisive: Bool { outcome == .left || outcome == .right }
}
