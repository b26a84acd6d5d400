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
        let labels = classifier.labels
        guard !labels.isEmpty else { return nil }
        let prediction = classifier.predict(text)
        var probabilities: [String: Double] = [:]
        for (index, name) in labels.enumerated() where index < prediction.probabilities.count {
            probabilities[name] = prediction.probabilities[index]
        }
        let value: AnnotationValue = classifier.multilabel
            ? .labels(prediction.chosen.map { labels[$0] })
            : .label(labels[prediction.best])
        return RankedSuggestion(suggestion: Suggestion(value: value, confidence: prediction.confidence, probabilities: probabilities),
                                margin: prediction.margin)
    }
}
