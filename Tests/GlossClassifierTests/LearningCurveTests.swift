import GlossCore
import Testing
@testable import GlossClassifier

@Suite struct LearningCurveTests {
    private let labels = ["fresh", "rotten", "plot"]

    /// Texts whose label shows in their words, with a per-item word so no two are equal.
    private func examples(_ count: Int, salt: String) -> [TrainingExample] {
        let words = [
            "fresh": ["wonderful", "brilliant", "moving", "funny"],
            "rotten": ["dull", "awful", "tedious", "boring"],
            "plot": ["follows", "discovers", "travels", "returns"],
        ]
        return (0..<count).map { i in
            let label = labels[i % 3]
            let cue = words[label]![(i / 3) % 4]
            return TrainingExample(text: "the \(cue) film \(salt)\(i)", labels: [label])
        }
    }

    private func curve(_ order: ItemOrder, seed: UInt64 = 1, pool: Int = 8, checkpoints: [Int] = [0, 10, 30, 1000]) -> LearningCurve {
        LearningCurve(pool: examples(60, salt: "p"), test: examples(30, salt: "t"), labels: labels,
                      checkpoints: checkpoints, settings: LearningCurveSettings(order: order, poolCapacity: pool, rescoreBudget: 3, seed: seed))
    }

    @Test func reportsEachCheckpointTheItemsReachAndSkipsTheRest() {
        for order in [ItemOrder.sequential, .uncertain] {
            let result = curve(order)
            #expect(result.points.map(\.decisions) == [0, 10, 30])
            #expect(result.taken.count == 30)
            #expect(result.points.allSatisfy { (0...1).contains($0.accuracy) && (0...1).contains($0.macroF1) })
        }
    }

    @Test func sequentialTakesTheItemsInFileOrder() {
        #expect(curve(.sequential).taken == Array(0..<30))
    }

    @Test func uncertainOrderNeverTakesAnItemTwiceAndTakesThemAll() {
        let result = curve(.uncertain, pool: 7, checkpoints: [60])
        #expect(result.taken.count == 60)
        #expect(Set(result.taken) == Set(0..<60))
        #expect(result.taken != Array(0..<60))
    }

    @Test func sameSeedSameCurveAndAnotherSeedAnotherOrder() {
        let a = curve(.uncertain, seed: 5), b = curve(.uncertain, seed: 5), c = curve(.uncertain, seed: 6)
        #expect(a.taken == b.taken)
        #expect(a.points == b.points)
        #expect(a.taken != c.taken)
    }

    @Test func theModelLearnsTheCuesByTheEnd() {
        for order in [ItemOrder.sequential, .uncertain] {
            let result = curve(order, checkpoints: [0, 60])
            #expect(result.points.last?.decisions == 60)
            #expect((result.points.last?.accuracy ?? 0) >= 0.9)
            #expect((result.points.last?.accuracy ?? 0) > (result.points.first?.accuracy ?? 1))
        }
    }

    @Test func measureSeesOneLearnPerDecisionAndRescoresOnlyForUncertain() {
        for order in [ItemOrder.sequential, .uncertain] {
            var learns = 0, rescores = 0
            _ = LearningCurve(pool: examples(20, salt: "p"), test: examples(6, salt: "t"), labels: labels, checkpoints: [12],
                              settings: LearningCurveSettings(order: order, poolCapacity: 5, rescoreBudget: 2)) { step, run in
                if step == .learn { learns += 1 } else { rescores += 1 }
                run()
            }
            #expect(learns == 12)
            #expect(rescores == (order == .uncertain ? 12 : 0))
        }
    }

    @Test func aRandomStartServesRandomPicksBeforeTheOrder() {
        let pool = examples(40, salt: "p")
        func taken(_ order: ItemOrder, randomStart: Int) -> [Int] {
            LearningCurve(pool: pool, test: [], labels: labels, checkpoints: [10],
                          settings: LearningCurveSettings(order: order, poolCapacity: 10, rescoreBudget: 10, randomStart: randomStart, seed: 3)).taken
        }
        #expect(Array(taken(.uncertain, randomStart: 4).prefix(4)) == Array(taken(.random, randomStart: 0).prefix(4)))
    }
}
