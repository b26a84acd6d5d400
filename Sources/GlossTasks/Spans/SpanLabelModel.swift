import GlossClassifier
import GlossCore
import GlossTUI

/// Spans: earlier spans and the token tagger. Spans under `minimumConfidence` are left
/// out (a young tagger guesses at every capitalized word); the suggestion's confidence is
/// its least sure span's; with no span left it suggests nothing.
public final class SpanLabelModel: LabelModel {
    private let suggester: SpanSuggester
    public let minimumConfidence: Double
    public init(_ suggester: SpanSuggester, minimumConfidence: Double = 0.5) {
        self.suggester = suggester
        self.minimumConfidence = minimumConfidence
    }

    public var examplesSeen: Int { suggester.examplesSeen }

    public func learn(text: String, value: AnnotationValue) {
        guard case .spans(let spans) = value else { return }
        suggester.learn(text: text, spans: spans)
    }

    public func suggest(_ text: String) -> RankedSuggestion? {
        let predicted = PredictedValue(spans: suggester.suggest(text).filter { $0.confidence >= minimumConfidence })
        guard !predicted.isEmpty else { return nil }
        return RankedSuggestion(suggestion: Suggestion(value: predicted.value, confidence: predicted.confidence),
                                margin: predicted.margin)
    }
}
