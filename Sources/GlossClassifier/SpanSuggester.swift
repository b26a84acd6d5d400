import GlossCore

/// A suggested span, where it came from and how sure it is (0...1).
public struct SpanSuggestion: Sendable, Equatable {
    public enum Source: String, Sendable, Equatable { case dictionary, tagger }
    public var span: LabeledRange
    public var confidence: Double
    public var source: Source
    public init(span: LabeledRange, confidence: Double, source: Source) {
        self.span = span
        self.confidence = confidence
        self.source = source
    }
}

/// Suggests spans for the spans task: exact and case-insensitive matches of spans labeled
/// earlier, plus a BIO token tagger (averaged perceptron over word, affix, shape and
/// context features) trained online. Offsets are Unicode scalar offsets, as in
/// `LabeledRange`. Pure, deterministic for a seed; one owner at a time.
public final class SpanSuggester: @unchecked Sendable {
    public let labels: [String]
    public let seed: UInt64
    public private(set) var examplesSeen: Int = 0

    public init(labels: [String], seed: UInt64 = 1) {
        self.labels = labels
        self.seed = seed
    }

    /// Learns from one decided item: its text and its spans (possibly none).
    public func learn(text: String, spans: [LabeledRange]) {
        fatalError("not built yet")
    }

    /// Non-overlapping suggestions for `text`, in text order.
    public func suggest(_ text: String) -> [SpanSuggestion] {
        fatalError("not built yet")
    }

    public func serialized() -> [UInt8] {
        fatalError("not built yet")
    }

    public static func load(_ bytes: [UInt8]) throws -> SpanSuggester {
        fatalError("not built yet")
    }
}
