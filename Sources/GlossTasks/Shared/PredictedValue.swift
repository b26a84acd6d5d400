import GlossClassifier
import GlossCore

/// What a model says about one text, as a label value: the one place where a text
/// classifier's prediction or a span suggester's suggestions become an `AnnotationValue`
/// (`gloss predict`, an export's predictions and `eval --browse` use it; it sits beside the
/// kinds' label models so that their suggestions can too).
public struct PredictedValue: Sendable, Equatable {
    /// Classify: the most probable label. Multilabel: every label at p ≥ 0.5, in label order
    /// (possibly none). Spans: the suggested spans (possibly none).
    public var value: AnnotationValue
    /// Classify: the label's probability. Multilabel: the mean over labels of how sure each
    /// yes/no is. Spans: the least sure span's confidence (0 with none).
    public var confidence: Double
    /// Small when the model hesitates: what `uncertain` order serves first.
    public var margin: Double
    /// The model's labels, and each one's probability in that order (empty for spans).
    public var labels: [String]
    public var probabilities: [Double]
    /// Each span's confidence, in the order of the value's spans (empty for text models).
    public var spanConfidences: [Double]

    /// A text classifier's prediction over `labels`.
    public init(_ prediction: Prediction, labels: [String], multilabel: Bool) {
        value = multilabel ? .labels(prediction.chosen.map { labels[$0] }) : .label(labels[prediction.best])
        confidence = prediction.confidence
        margin = prediction.margin
        self.labels = labels
        probabilities = prediction.probabilities
        spanConfidences = []
    }

    /// A span suggester's suggestions.
    public init(spans suggestions: [SpanSuggestion]) {
        value = .spans(suggestions.map(\.span))
        confidence = suggestions.map(\.confidence).min() ?? 0
        margin = confidence
        labels = []
        probabilities = []
        spanConfidences = suggestions.map(\.confidence)
    }

    /// Each label's probability by name.
    public var probabilityByLabel: [String: Double] {
        var byLabel: [String: Double] = [:]
        for (label, probability) in zip(labels, probabilities) { byLabel[label] = probability }
        return byLabel
    }

    /// Whether the value names no label at all (a multilabel "none", no span).
    public var isEmpty: Bool { value.labelNames.isEmpty }
}
