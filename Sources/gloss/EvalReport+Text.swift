import Foundation
import GlossApp
import GlossCore

extension EvalReport {
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
            out += "(no confusion matrix for a multilabel or spans model; see the per-label scores)\n\n"
        }
        out += "\(NumberText.grouped(misclassified.count)) of \(NumberText.counted(items, "item")) misclassified"
        if let scoring {
            out += "\nscored \(NumberText.counted(scoring.docs, "doc")) in \(scoring.seconds < 1 ? String(format: "%.3f", scoring.seconds) : NumberText.seconds(scoring.seconds)) s (\(NumberText.grouped(Int(scoring.docsPerSecond))) docs/s)"
        }
        return out
    }
}
