import GlossClassifier
import GlossCore
import GlossStore

/// Gold labels beside predicted ones for a set of items, and what follows from them:
/// metrics, the misclassified items, and how long the scoring alone took.
public struct Evaluation: Sendable {
    /// One item's gold and predicted label indices (single-label: one each), and how sure
    /// the prediction was.
    public struct Outcome: Sendable {
        public var id: String
        public var gold: [Int]
        public var predicted: [Int]
        public var confidence: Double?

        public init(id: String, gold: [Int], predicted: [Int], confidence: Double?) {
            self.id = id
            self.gold = gold
            self.predicted = predicted
            self.confidence = confidence
        }
    }

    /// An item the model got wrong, by label name.
    public struct Misclassified: Sendable, Encodable, Equatable {
        public var id: String
        public var gold: [String]
        public var predicted: [String]
        public var confidence: Double?
    }

    public var labels: [String]
    public var multilabel: Bool
    public var outcomes: [Outcome] = []
    /// Seconds spent tokenizing and scoring (no I/O), when a model did the predicting.
    public var scoringSeconds: Double?

    public init(labels: [String], multilabel: Bool) {
        self.labels = labels
        self.multilabel = multilabel
    }

    /// Single-label: accuracy and the confusion matrix; multilabel: exact-match accuracy and
    /// no matrix. Both: macro-F1 over the labels that occur, and per-label scores.
    public var metrics: ModelMetrics {
        func scores(_ perLabel: [LabelScores]) -> [ModelMetrics.LabelScore] {
            zip(labels, perLabel).map {
                .init(label: $0, precision: $1.precision, recall: $1.recall, f1: $1.f1, support: $1.support)
            }
        }
        if multilabel {
            let m = MultilabelMetrics(gold: outcomes.map { Set($0.gold) },
                                      predicted: outcomes.map { Set($0.predicted) }, labelCount: labels.count)
            return ModelMetrics(accuracy: m.exactMatch, macroF1: m.macroF1, perLabel: scores(m.perLabel),
                                confusion: nil, heldOut: outcomes.count)
        }
        let m = ClassificationMetrics(gold: outcomes.map { $0.gold[0] }, predicted: outcomes.map { $0.predicted[0] },
                                      labelCount: labels.count)
        return ModelMetrics(accuracy: m.accuracy, macroF1: m.macroF1, perLabel: scores(m.perLabel),
                            confusion: m.confusion, heldOut: outcomes.count)
    }

    /// The items whose predicted labels differ from the gold ones, in input order (for a
    /// listing, or to browse them).
    public func misclassified() -> [Misclassified] {
        outcomes.filter { Set($0.gold) != Set($0.predicted) }.map {
            Misclassified(id: $0.id, gold: $0.gold.map { labels[$0] }, predicted: $0.predicted.map { labels[$0] },
                          confidence: $0.confidence)
        }
    }

    /// Predicts every item with `classifier`, timing only the predictions.
    public static func score(_ classifier: TextClassifier, items: [LabeledItem]) -> Evaluation {
        var evaluation = Evaluation(labels: classifier.labels, multilabel: classifier.multilabel)
        evaluation.outcomes.reserveCapacity(items.count)
        var seconds = 0.0
        for item in items {
            let started = ContinuousClock.now
            let prediction = classifier.predict(item.text)
            seconds += (ContinuousClock.now - started).seconds
            let gold = Self.indices(of: item.labels, in: classifier.labels)
            evaluation.outcomes.append(Outcome(id: item.externalID, gold: gold, predicted: prediction.chosen,
                                               confidence: prediction.confidence))
        }
        evaluation.scoringSeconds = seconds
        return evaluation
    }

    /// The indices of `names` in `labels` (unknown names dropped).
    static func indices(of names: [String], in labels: [String]) -> [Int] {
        names.compactMap { labels.firstIndex(of: $0) }
    }
}

extension Duration {
    /// The duration in seconds, for the timings the model use cases measure and store.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
