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

/// The model for a guide's task: the text classifier for classify and multilabel, the
/// span suggester for spans.
public enum LabelModels {
    public static func make(for guide: Guide, seed: UInt64 = 1) -> LabelModel {
        let names = guide.labels.map(\.name)
        switch guide.task {
        case .classify: return TextLabelModel(TextClassifier(labels: names, multilabel: false, options: .labeler(seed: seed)))
        case .multilabel: return TextLabelModel(TextClassifier(labels: names, multilabel: true, options: .labeler(seed: seed)))
        case .spans: return SpanLabelModel(SpanSuggester(labels: names, seed: seed))
        }
    }
}

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
        let found = suggester.suggest(text).filter { $0.confidence >= minimumConfidence }
        guard !found.isEmpty else { return nil }
        let confidence = found.map(\.confidence).min() ?? 0
        return RankedSuggestion(suggestion: Suggestion(value: .spans(found.map(\.span)), confidence: confidence),
                                margin: confidence)
    }
}
