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

/// The labeler's model: learns from each decision, suggests a value for an item. Only the
/// model worker's thread calls it.
public protocol LabelModel: AnyObject {
    /// Decisions learned so far.
    var examplesSeen: Int { get }
    func learn(text: String, value: AnnotationValue)
    func suggest(_ text: String) -> RankedSuggestion?
}
