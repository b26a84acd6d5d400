import GlossCore
import Testing
@testable import GlossClassifier

@Suite struct ActivePoolTests {
    private func prediction(margin: Double, confidence: Double) -> Prediction {
        Prediction(probabilities: [confidence, 1 - confidence], best: 0, confidence: confidence, margin: margin, chosen: [0])
    }

    @Test func uncertainServesTheSmallestMarginAndConfidentTheLargestConfidence() {
        var pool = ActivePool(capacity: 10, seed: 7)
        pool.add((1...5).map { PoolCandidate(id: Int64($0), text: "t\($0)") })
        let margins: [String: Double] = ["t1": 0.9, "t2": 0.1, "t3": 0.5, "t4": 0.05, "t5": 0.7]
        let scored = pool.rescore(budget: 100) { candidate in
            let m = margins[candidate.text]!
            return self.prediction(margin: m, confidence: (1 + m) / 2)
        }
        #expect(scored == 5)
        #expect(pool.top(2, order: .uncertain).map(\.candidate.id) == [4, 2])
        #expect(pool.top(1, order: .confident).map(\.candidate.id) == [1])
        #expect(pool.top(5, order: .uncertain, excluding: [4]).first?.candidate.id == 2)
    }

    @Test func rescoringIsIncrementalStalestFirstAndUnscoredEntriesComeLast() {
        var pool = ActivePool(capacity: 10, seed: 1)
        pool.add((1...6).map { PoolCandidate(id: Int64($0), text: "\($0)") })
        var seen: [String] = []
        pool.rescore(budget: 4) { seen.append($0.text); return self.prediction(margin: 0.5, confidence: 0.75) }
        #expect(seen == ["1", "2", "3", "4"])
        #expect(pool.top(6, order: .uncertain).suffix(2).allSatisfy { $0.prediction == nil })
        seen = []
        pool.remove(5)
        pool.rescore(budget: 3) { seen.append($0.text); return self.prediction(margin: 0.5, confidence: 0.75) }
        #expect(seen == ["6", "1", "2"])
    }

    @Test func capacityBoundsThePoolAndRandomOrderIsReproducibleForASeed() {
        var a = ActivePool(capacity: 3, seed: 42)
        var b = ActivePool(capacity: 3, seed: 42)
        let candidates = (1...10).map { PoolCandidate(id: Int64($0), text: "x") }
        a.add(candidates)
        b.add(candidates)
        #expect(a.count == 3 && a.room == 0)
        #expect(a.top(3, order: .random).map(\.candidate.id) == b.top(3, order: .random).map(\.candidate.id))
    }
}
