import GlossClassifier
import GlossCore
import GlossTUI

/// Classify and multilabel: the online text classifier, taught the guide's examples before
/// any decision, then one decision at a time.
public final class TextLabelModel: LabelModel {
    private var classifier: TextClassifier
    public init(_ classifier: TextClassifier) { self.classifier = classifier }

    /// A model for `guide`, primed with every example the guide gives of its labels.
    public convenience init(guide: Guide, multilabel: Bool, seed: UInt64) {
        self.init(TextClassifier(labels: guide.labels.map(\.name), multilabel: multilabel, options: .labeler(seed: seed)))
        _ = classifier.prime(GuideExamples.pairs(guide))
    }

    public var examplesSeen: Int { classifier.examplesSeen }
    public var primed: Int { classifier.primedCount }
    public var labels: [String] { classifier.labels }

    public func learn(text: String, value: AnnotationValue) {
        classifier.learn(TrainingExample(text: text, labels: value.labelNames))
    }

    public func unlearn(text: String, value: AnnotationValue) {
        _ = classifier.unlearn(TrainingExample(text: text, labels: value.labelNames))
    }

    public func suggest(_ text: String) -> RankedSuggestion? {
        guard !classifier.labels.isEmpty else { return nil }
        let predicted = PredictedValue(classifier.predict(text), labels: classifier.labels, multilabel: classifier.multilabel)
        return RankedSuggestion(suggestion: Suggestion(value: predicted.value, confidence: predicted.confidence,
                                                       probabilities: predicted.probabilityByLabel),
                                margin: predicted.margin)
    }

    public func savedState() -> [UInt8]? { classifier.serializedState() }

    /// A state of the same labels and kind only (a guide's labels changed: not this model).
    public func restore(_ state: [UInt8]) -> Bool {
        guard let loaded = try? TextClassifier.loadState(state), loaded.labels == classifier.labels,
              loaded.multilabel == classifier.multilabel else { return false }
        classifier = loaded
        return true
    }
}
