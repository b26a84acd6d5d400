import Testing
import GlossClassifier

@Suite("Metrics")
struct MetricsTests {
    @Test("Single-label: accuracy, per-label scores, macro-F1 and confusion, computed by hand")
    func singleLabel() {
        // gold 0 0 0 1 1 2, predicted 0 0 1 1 2 2
        let m = ClassificationMetrics(gold: [0, 0, 0, 1, 1, 2], predicted: [0, 0, 1, 1, 2, 2], labelCount: 3)
        #expect(m.confusion == [[2, 1, 0], [0, 1, 1], [0, 0, 1]])
        #expect(abs(m.accuracy - 4.0 / 6.0) < 1e-12)
        let expected: [(p: Double, r: Double, f1: Double, support: Int)] = [
            (1, 2.0 / 3.0, 0.8, 3), (0.5, 0.5, 0.5, 2), (0.5, 1, 2.0 / 3.0, 1),
        ]
        for (scores, want) in zip(m.perLabel, expected) {
            #expect(abs(scores.precision - want.p) < 1e-12)
            #expect(abs(scores.recall - want.r) < 1e-12)
            #expect(abs(scores.f1 - want.f1) < 1e-12)
            #expect(scores.support == want.support)
        }
        #expect(abs(m.macroF1 - (0.8 + 0.5 + 2.0 / 3.0) / 3) < 1e-12)
    }

    @Test("A label nobody used or predicted scores zero and stays out of macro-F1")
    func absentLabel() {
        let m = ClassificationMetrics(gold: [0, 1, 1], predicted: [0, 1, 0], labelCount: 3)
        #expect(m.perLabel[2] == LabelScores(precision: 0, recall: 0, f1: 0, support: 0))
        // label 0: P 1/2 R 1 F1 2/3; label 1: P 1 R 1/2 F1 2/3
        #expect(abs(m.macroF1 - 2.0 / 3.0) < 1e-12)
        #expect(m.confusion[1] == [1, 1, 0])
    }

    @Test("No items: zero scores, not a division by zero")
    func empty() {
        let m = ClassificationMetrics(gold: [], predicted: [], labelCount: 2)
        #expect(m.accuracy == 0)
        #expect(m.macroF1 == 0)
        #expect(m.confusion == [[0, 0], [0, 0]])
    }

    @Test("Multilabel: micro and macro F1, per-label scores and exact match, computed by hand")
    func multilabel() {
        let m = MultilabelMetrics(
            gold: [[0, 1], [1], [], [2]], predicted: [[0], [1, 2], [], [2]], labelCount: 3)
        // label 0: tp 1; label 1: tp 1 fn 1; label 2: tp 1 fp 1. Pooled: tp 3 fp 1 fn 1.
        #expect(m.perLabel[0] == LabelScores(precision: 1, recall: 1, f1: 1, support: 1))
        #expect(abs(m.perLabel[1].recall - 0.5) < 1e-12)
        #expect(abs(m.perLabel[1].f1 - 2.0 / 3.0) < 1e-12)
        #expect(m.perLabel[1].support == 2)
        #expect(abs(m.perLabel[2].precision - 0.5) < 1e-12)
        #expect(abs(m.perLabel[2].f1 - 2.0 / 3.0) < 1e-12)
        #expect(abs(m.microPrecision - 0.75) < 1e-12)
        #expect(abs(m.microRecall - 0.75) < 1e-12)
        #expect(abs(m.microF1 - 0.75) < 1e-12)
        #expect(abs(m.macroF1 - (1 + 2.0 / 3.0 + 2.0 / 3.0) / 3) < 1e-12)
        #expect(m.exactMatch == 0.5)
    }
}
