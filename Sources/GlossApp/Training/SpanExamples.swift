import GlossClassifier
import GlossCore
import GlossStore

/// Decided spans as examples for a span suggester, and how its suggestions match them:
/// a suggested span counts as right only when its start, end and label all match.
struct SpanExamples: Sendable {
    struct Item: Sendable {
        var id: String
        var text: String
        var spans: [LabeledRange]
    }

    var items: [Item] = []
    /// Span labels not in the guide, with how many spans use them (those spans are dropped).
    var unknownLabels: [String: Int] = [:]

    /// The span decisions among `labeled` (other values are not span examples).
    init(_ labeled: [LabeledItem], labels: [String]) {
        let known = Set(labels)
        for item in labeled {
            guard case .spans(let spans)? = item.value else { continue }
            for span in spans where !known.contains(span.label) { unknownLabels[span.label, default: 0] += 1 }
            items.append(Item(id: item.externalID, text: item.text, spans: spans.filter { known.contains($0.label) }))
        }
    }

    /// Splits with `StratifiedSplit`, items grouped by the set of labels their spans use.
    func split(holdout: Double, seed: UInt64) -> (train: [Item], heldOut: [Item]) {
        StratifiedSplit.split(items, key: { Set($0.spans.map(\.label)).sorted().joined(separator: "\u{1F}") },
                              fraction: holdout, seed: seed)
    }

    /// Scores `suggester` on `items`, timing only the suggesting.
    static func evaluate(_ suggester: SpanSuggester, items: [Item])
        -> (metrics: ModelMetrics, misclassified: [Evaluation.Misclassified], seconds: Double) {
        let labels = suggester.labels
        var tp = [Int](repeating: 0, count: labels.count), fp = tp, fn = tp
        var exact = 0
        var wrong: [Evaluation.Misclassified] = []
        var seconds = 0.0
        for item in items {
            let started = ContinuousClock.now
            let suggested = suggester.suggest(item.text)
            seconds += (ContinuousClock.now - started).seconds
            let predicted = Set(suggested.map { Key($0.span) }), gold = Set(item.spans.map(Key.init))
            for key in predicted {
                guard let index = labels.firstIndex(of: key.label) else { continue }
                if gold.contains(key) { tp[index] += 1 } else { fp[index] += 1 }
            }
            for key in gold.subtracting(predicted) {
                if let index = labels.firstIndex(of: key.label) { fn[index] += 1 }
            }
            if predicted == gold {
                exact += 1
            } else {
                wrong.append(.init(id: item.id, gold: item.spans.map(Key.init).map(\.text),
                                   predicted: suggested.map { Key($0.span).text },
                                   confidence: suggested.map(\.confidence).min()))
            }
        }
        var scores: [ModelMetrics.LabelScore] = []
        var present: [Double] = []
        for (index, label) in labels.enumerated() {
            let (t, p, n) = (Double(tp[index]), Double(fp[index]), Double(fn[index]))
            let precision = t + p == 0 ? 0 : t / (t + p), recall = t + n == 0 ? 0 : t / (t + n)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            scores.append(.init(label: label, precision: precision, recall: recall, f1: f1,
                                support: tp[index] + fn[index]))
            if t + p + n > 0 { present.append(f1) }
        }
        let metrics = ModelMetrics(accuracy: items.isEmpty ? 0 : Double(exact) / Double(items.count),
                                   macroF1: present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count),
                                   perLabel: scores, confusion: nil, heldOut: items.count)
        return (metrics, wrong, seconds)
    }

    /// A span as compared: its offsets and label.
    struct Key: Hashable {
        var start: Int, end: Int, label: String
        init(_ span: LabeledRange) { (start, end, label) = (span.start, span.end, span.label) }
        var text: String { "\(label) \(start)-\(end)" }
    }
}
