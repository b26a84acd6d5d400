import GlossApp
import GlossCore
import GlossStore
import Testing

@Suite("A learning curve simulated in process")
struct LearningCurveRunTests {
    @Test func eachOrderGetsACurveScoredAtTheReachableCheckpoints() throws {
        let fixture = try AppFixture()
        var notices: [String] = []
        var progress: [ItemOrder: Int] = [:]
        let request = LearningCurveRun.Request(project: "reviews", testDataset: "reviews", orders: [.sequential, .uncertain],
                                               checkpoints: [10, 40, 1000], seed: 1, pool: 50, rescore: 10, randomStart: 5)
        let report = try LearningCurveRun.run(request, database: fixture.store, notice: { notices.append($0) }) { order, done, _ in
            if let done { progress[order] = done }
        }
        #expect(notices == ["note: only 60 items have reference labels; checkpoints above that are left out."])
        #expect(report.curves.map(\.order) == ["sequential", "uncertain"])
        #expect(report.items == 60 && report.testItems == 60)
        for curve in report.curves {
            #expect(curve.points.map(\.decisions) == [10, 40])
            #expect(curve.decisions == 40)
        }
        #expect(progress == [.sequential: 40, .uncertain: 40])
    }

    @Test func aSpansProjectHasNoLearningCurve() throws {
        let fixture = try SpansFixture()
        let request = LearningCurveRun.Request(project: "ner", testDataset: "entities", orders: [.sequential], checkpoints: [10],
                                               seed: 1, pool: 10, rescore: 1, randomStart: 1)
        #expect(throws: UseCaseFailure.self) { try LearningCurveRun.run(request, database: fixture.store) }
    }
}
