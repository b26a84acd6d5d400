import GlossClassifier
import GlossCore
import GlossTUI

/// A suggestion with the margin `uncertain` order ranks by.
public struct RankedSuggestion: Sendable, Equatable {
    public var suggestion: Suggestion
    /// Small when the model hesitates (see `Prediction.margin`).
    public var margin: Double
    public init(suggestion: Suggestion, margin: Double) {
        self.suggestion = suggestion
        self.margin = margin
    }
}

/// The labeler's model: learns from each decision (and forgets an undone one), suggests a
/// value for an item, and keeps its state between sessions when it can. Only the model
/// worker's thread calls it.
public protocol LabelModel: AnyObject {
    /// Decisions learned so far.
    var examplesSeen: Int { get }
    /// Guide examples taught before any decision: with some, suggestions are worth showing
    /// from the first item.
    var primed: Int { get }
    /// The labels it knows, in guide order.
    var labels: [String] { get }
    func learn(text: String, value: AnnotationValue)
    /// Forgets a decision that was undone.
    func unlearn(text: String, value: AnnotationValue)
    func suggest(_ text: String) -> RankedSuggestion?
    /// The whole online state, to go on from in the next session; nil when it keeps none.
    func savedState() -> [UInt8]?
    /// Goes on from a saved state; false (and nothing changed) when the bytes are not its own.
    func restore(_ state: [UInt8]) -> Bool
}

extension LabelModel {
    public var primed: Int { 0 }
    public func unlearn(text: String, value: AnnotationValue) {}
    public func savedState() -> [UInt8]? { nil }
    public func restore(_ state: [UInt8]) -> Bool { false }
}
