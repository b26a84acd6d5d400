/// The orders in which the labeler serves items.
public enum ItemOrder: String, CaseIterable, Sendable, Equatable, Codable {
    /// Dataset order: the first undecided item.
    case sequential
    /// A random undecided item.
    case random
    /// The item the model is least sure about (smallest margin) first.
    case uncertain
    /// The item the model is surest about first, for quick confirmation.
    case confident

    /// Whether items come from a pool kept by the model worker (all but sequential).
    public var usesPool: Bool { self != .sequential }
}

extension ItemOrder {
    /// "sequential, random, uncertain, confident", for help texts and errors.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
