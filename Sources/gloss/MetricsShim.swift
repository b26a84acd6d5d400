import GlossStore

// TEMPORARY: stands in for GlossClassifier/Metrics.swift until the classifier branch lands.
enum LocalMetrics {
    static func compute(labels: [String], multilabel: Bool, gold: [[Int]], predicted: [[Int]]) -> ModelMetrics {
        let n = labels.count
        var tp = [Int](repeating: 0, count: n), fp = tp, fn = tp, support = tp
        var exact = 0
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        for (g, p) in zip(gold, predicted) {
            if Set(g) == Set(p) { exact += 1 }
            for l in 0..<n {
                let inG = g.contains(l), inP = p.contains(l)
                if inG { support[l] += 1 }
                if inG && inP { tp[l] += 1 } else if inP { fp[l] += 1 } else if inG { fn[l] += 1 }
            }
            if !multilabel, let a = g.first, let b = p.first { confusion[a][b] += 1 }
        }
        var scores: [ModelMetrics.LabelScore] = []
        for l in 0..<n {
            let precision = tp[l] + fp[l] == 0 ? 0 : Double(tp[l]) / Double(tp[l] + fp[l])
            let recall = tp[l] + fn[l] == 0 ? 0 : Double(tp[l]) / Double(tp[l] + fn[l])
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            scores.append(.init(label: labels[l], precision: precision, recall: recall, f1: f1, support: support[l]))
        }
        let present = (0..<n).filter { support[$0] + fp[$0] > 0 }
        let macro = present.isEmpty ? 0 : present.map { scores[$0].f1 }.reduce(0, +) / Double(present.count)
        return ModelMetrics(accuracy: gold.isEmpty ? 0 : Double(exact) / Double(gold.count), macroF1: macro,
                            perLabel: scores, confusion: multilabel ? nil : confusion, heldOut: gold.count)
    }
}
