import GlossStore

/// Everything `gloss eval` reports, as JSON (snake_case keys) or as text.
public struct EvalReport: Encodable, Sendable {
    public struct Confusion: Encodable, Sendable {
        public var labels: [String]
        /// Rows gold, columns predicted.
        public var counts: [[Int]]
    }

    public struct Scoring: Encodable, Sendable {
        public var docs: Int
        public var seconds: Double
        public var docsPerSecond: Double
    }

    public var project: String
    public var model: Int?
    public var predictions: String?
    public var against: String
    public var dataset: String?
    public var items: Int
    public var missing: Int
    public var accuracy: Double
    public var macroF1: Double
    public var perLabel: [ModelMetrics.LabelScore]
    public var confusion: Confusion?
    public var scoring: Scoring?
    public var misclassified: [Evaluation.Misclassified]

    public init(project: String, model: Int?, predictions: String?, against: String, dataset: String?, missing: Int,
                evaluation: Evaluation) {
        self.init(project: project, model: model, predictions: predictions, against: against, dataset: dataset,
                  missing: missing, labels: evaluation.labels, metrics: evaluation.metrics,
                  misclassified: evaluation.misclassified(), scoringSeconds: evaluation.scoringSeconds)
    }

    public init(project: String, model: Int?, predictions: String?, against: String, dataset: String?, missing: Int,
                labels: [String], metrics: ModelMetrics, misclassified: [Evaluation.Misclassified],
                scoringSeconds: Double?) {
        self.project = project
        self.model = model
        self.predictions = predictions
        self.against = against
        self.dataset = dataset
        self.items = metrics.heldOut
        self.missing = missing
        accuracy = metrics.accuracy
        macroF1 = metrics.macroF1
        perLabel = metrics.perLabel
        confusion = metrics.confusion.map { Confusion(labels: labels, counts: $0) }
        scoring = scoringSeconds.map {
            Scoring(docs: metrics.heldOut, seconds: $0, docsPerSecond: $0 > 0 ? Double(metrics.heldOut) / $0 : 0)
        }
        self.misclassified = misclassified
    }
}
