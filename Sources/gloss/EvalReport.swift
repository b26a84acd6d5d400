import Foundation
import GlossCore
import GlossStore

/// Everything `gloss eval` reports, as JSON (snake_case keys) or as text.
struct EvalReport: Encodable {
    struct Confusion: Encodable {
        var labels: [String]
        /// Rows gold, columns predicted.
        var counts: [[Int]]
    }

    struct Scoring: Encodable {
        var docs: Int
        var seconds: Double
        var docsPerSecond: Double
    }

    var project: String
    var model: Int?
    var predictions: String?
    var against: String
    var dataset: String?
    var items: Int
    var missing: Int
    var accuracy: Double
    var macroF1: Double
    var perLabel: [ModelMetrics.LabelScore]
    var confusion: Confusion?
    var scoring: Scoring?
    var misclassified: [Evaluation.Misclassified]

    init(project: String, model: Int?, predictions: String?, against: String, dataset: String?, missing: Int, evaluation: Evaluation) {
        let metrics = evaluation.metrics
        self.project = project
        self.model = model
        self.predictions = predictions
        self.against = against
        self.dataset = dataset
        self.items = evaluation.outcomes.count
        self.missing = missing
        accuracy = metrics.accuracy
        macroF1 = metrics.macroF1
        perLabel = metrics.perLabel
        confusion = metrics.confusion.map { Confusion(labels: evaluation.labels, counts: $0) }
        scoring = evaluation.scoringSeconds.map {
            Scoring(docs: evaluation.outcomes.count, seconds: $0, docsPerSecond: $0 > 0 ? Double(evaluation.outcomes.count) / $0 : 0)
        }
        misclassified = evaluation.misclassified()
    }

    /// The human report: scores, the per-label table, the confusion matrix, the speed.
    func text(color: Bool) -> String {
        var out = "accuracy  \(ScoreText.format(accuracy))\nmacro-F1  \(ScoreText.format(macroF1))\n\n"
        var table = TextTable(headers: ["LABEL", "PRECISION", "RECALL", "F1", "SUPPORT"], alignments: [.left, .right, .right, .right, .right])
        for score in perLabel {
            table.append([score.label, ScoreText.format(score.precision), ScoreText.format(score.recall), ScoreText.format(score.f1),
                          NumberText.grouped(score.support)])
        }
        out += table.render() + "\n\n"
        if let confusion {
            out += "Confusion matrix (rows gold, columns predicted; right answers in brackets)\n"
            out += ConfusionMatrixView.render(labels: confusion.labels, counts: confusion.counts, color: color) + "\n\n"
        } else {
            out += "(no confusion matrix for a multilabel model; see the per-label scores)\n\n"
        }
        out += "\(NumberText.grouped(misclassified.count)) of \(NumberText.grouped(items)) items misclassified"
        if let scoring {
            out += "\nscored \(NumberText.grouped(scoring.docs)) docs in \(scoring.seconds < 1 ? String(format: "%.3f", scoring.seconds) : NumberText.seconds(scoring.seconds)) s (\(NumberText.grouped(Int(scoring.docsPerSecond))) docs/s)"
        }
        return out
    }
}
