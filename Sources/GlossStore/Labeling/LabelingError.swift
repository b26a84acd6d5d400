import Foundation

/// Why the labeling queue refused a decision.
public enum LabelingError: Error, Equatable, CustomStringConvertible {
    /// The item already went to `overlap` other annotators (while this screen sat idle past
    /// its lease, or it was reached by a jump); the decision was not stored.
    case itemFull(externalID: String, overlap: Int)

    public var description: String {
        switch self {
        case let .itemFull(id, overlap):
            "item \(id) already went to \(overlap) other annotator\(overlap == 1 ? "" : "s") (the project's overlap is \(overlap)); your decision on it was not stored"
        }
    }
}
