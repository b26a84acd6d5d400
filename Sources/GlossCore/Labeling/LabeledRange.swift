/// A labeled span of an item's text: Unicode scalar offsets `[start, end)` and its label.
public struct LabeledRange: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var label: String

    public init(start: Int, end: Int, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }

    /// The scalar offsets the span covers.
    public var range: Range<Int> { start..<end }
}
