/// A token's IOB2 tag in token formats (`conll`, and a kind's `hf` tags): outside any span,
/// or the beginning or inside of a span with a label.
public enum SpanTag: Sendable, Equatable {
    case outside
    case begin(String)
    case inside(String)

    /// `O`, `B-LABEL`, `I-LABEL`.
    public var name: String {
        switch self {
        case .outside: "O"
        case .begin(let label): "B-" + label
        case .inside(let label): "I-" + label
        }
    }
}
