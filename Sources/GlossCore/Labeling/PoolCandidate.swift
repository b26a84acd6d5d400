/// An item for the active-learning pool: its row id and text.
public struct PoolCandidate: Sendable, Equatable {
    public var id: Int64
    public var text: String
    public init(id: Int64, text: String) {
        self.id = id
        self.text = text
    }
}
