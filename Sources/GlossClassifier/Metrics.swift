/// Precision, recall and F1 of one label, and how many gold items carry it.
public struct LabelScores: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var f1: Double
    public var support: Int

    public init(precision: Double, recall: Double, f1: Double, support: Int) {
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.support = support
    }

    /// Scores from counts; a ratio with nothing to divide by is 0 (no predictions, no gold).
    init(truePositives tp: Int, falsePositives fp: Int, falseNegatives fn: Int) {
        let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        self.init(precision: precision, recall: recall, f1: f1, support: tp + fn)
    }
}

/// How well single-label predictions match gold labels (label indices `0..<labelCount`).
public struct ClassificationMetrics: Sendable, Equatable {
    public let accuracy: Double
    /// The mean F1 over the labels that occur in the gold or predicted labels.
    public let macroF1: Double
    public let perLabel: [LabelScores]
    /// `confusion[gold][predicted]`: how many items of gold label `gold` were predicted as `predicted`.
    public let confusion: [[Int]]

    /// `gold` and `predicted` are parallel arrays of label indices in `0..<labelCount`.
    public init(gold: [Int], predicted: [Int], labelCount: Int) {
        precondition(gold.count == predicted.count, "metrics need one prediction per gold label (\(gold.count) gold, \(predicted.count) predicted)")
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: labelCount), count: labelCount)
        for (g, p) in zip(gold, predicted) {
            precondition((0..<labelCount).contains(g) && (0..<labelCount).contains(p), "label index out of 0..<\(labelCount): gold \(g), predicted \(p)")
            confusion[g][p] += 1
        }
        var perLabel: [LabelScores] = []
        var correct = 0
        var f1Sum = 0.0
        var present = 0
        for c in 0..<labelCount {
            let tp = confusion[c][c]
            let goldCount = confusion[c].reduce(0, +)
            let predictedCount = confusion.reduce(0) { $0 + $1[c] }
            correct += tp
            let scores = LabelScores(truePositives: tp, falsePositives: predictedCount - tp, falseNegatives: goldCount - tp)
            perLabel.append(scores)
            if goldCount + predictedCount > 0 {
                f1Sum += scores.f1
                present += 1
            }
        }
        self.accuracy = gold.isEmpty ? 0 : Double(correct) / Double(gold.count)
        self.macroF1 = present == 0 ? 0 : f1Sum / Double(present)
        self.perLabel = perLabel
        self.confusion = confusion
    }
}

/// How well multilabel predictions (a set of label indices per item) match gold sets.
public struct MultilabelMetrics: Sendable, Equatable {
    /// F1 of the true/false positive and negative counts pooled over all labels.
    public let microF1: Double
    public let microPrecision: Double
    public let microRecall: Double
    /// The mean F1 over the labels that occur in the gold or predicted sets.
    public let macroF1: Double
    /// The share of items whose predicted set equals the gold set.
    public let exactMatch: Double
    public let perLabel: [LabelScores]

    /// `gold` and `predicted` are parallel arrays of label-index sets in `0..<labelCount`.
    public init(gold: [Set<Int>], predicted: [Set<Int>], labelCount: Int) {
        precondition(gold.count == predicted.count, "metrics need one prediction per gold set (\(gold.count) gold, \(predicted.count) predicted)")
        var tp = [Int](repeating: 0, count: labelCount)
        var fp = tp
        var fn = tp
        var exact = 0
        for (g, p) in zip(gold, predicted) {
            precondition(g.union(p).allSatisfy { (0..<labelCount).contains($0) }, "label index out of 0..<\(labelCount)")
            if g == p { exact += 1 }
            for c in g.intersection(p) { tp[c] += 1 }
            for c in p.subtracting(g) { fp[c] += 1 }
            for c in g.subtracting(p) { fn[c] += 1 }
        }
        let perLabel = (0..<labelCount).map {
            LabelScores(truePositives: tp[$0], falsePositives: fp[$0], falseNegatives: fn[$0])
        }
        self.perLabel = perLabel
        let pooled = LabelScores(truePositives: tp.reduce(0, +), falsePositives: fp.reduce(0, +), falseNegatives: fn.reduce(0, +))
        microF1 = pooled.f1
        microPrecision = pooled.precision
        microRecall = pooled.recall
        let present = (0..<labelCount).filter { tp[$0] + fp[$0] + fn[$0] > 0 }
        macroF1 = present.isEmpty ? 0 : present.reduce(0) { $0 + perLabel[$1].f1 } / Double(present.count)
        exactMatch = gold.isEmpty ? 0 : Double(exact) / Double(gold.count)
    }
}
