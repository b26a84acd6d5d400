import GlossClassifier
import GlossCore
import GlossTUI

/// Classify and multilabel: one online step per decision.
public final class TextLabelModel: LabelModel {
    private let classifier: TextClassifier
    public init(_ classifier: TextClassifier) { self.classifier = classifier }

    public var examplesSeen: Int { classifier.examplesSeen }

    public func learn(text: String, value: AnnotationValue) {
        classifier.learn(TrainingExample(text: text, labels: value.labelNames))
    }

    public func suggest(_ text: String) -> RankedSuggestion? {
        guard !classifier.labels.isEmpty else { return nil }
        let predicted = PredictedValue(classifier.predict(text), labels: classifier.labels, multilabel: classifier.multilabel)
        return RankedSuggestion(suggestion: Suggestion(value: predicted.value, confidence: predicted.confidence,
                                                       probabilities: predicted.probabilityByLabel),
                                margin: predicted.margin)
    }
}
