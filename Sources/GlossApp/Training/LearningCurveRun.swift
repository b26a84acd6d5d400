import GlossClassifier
import GlossCore
import GlossStore
import GlossTasks

/// `gloss learning-curve`: an annotator simulated on the project's reference labels, the
/// online model scored on a test dataset's reference labels at each checkpoint, per order.
public enum LearningCurveRun {
    public struct Request: Sendable {
        public var project: String
        public var testDataset: String
        public var orders: [ItemOrder]
        /// Decision counts at which to score the model, ascending.
        public var checkpoints: [Int]
        public var seed: UInt64
        public var pool: Int
        public var rescore: Int
        public var randomStart: Int

        public init(project: String, testDataset: String, orders: [ItemOrder], checkpoints: [Int], seed: UInt64,
                    pool: Int, rescore: Int, randomStart: Int) {
            self.project = project
            self.testDataset = testDataset
            self.orders = orders
            self.checkpoints = checkpoints
            self.seed = seed
            self.pool = pool
            self.rescore = rescore
            self.randomStart = randomStart
        }
    }

    /// What the simulation measured: one curve per order, with the mean cost of a decision.
    public struct Report: Encodable, Sendable {
        public struct Curve: Encodable, Sendable {
            public var order: String
            public var points: [LearningCurvePoint]
            public var decisions: Int
            /// The mean time of one online `learn` step (the labeler pays it per decision).
            public var learnMicrosecondsMean: Double
            /// The mean time of rescoring pool entries after a decision (off the UI path).
            public var rescoreMillisecondsMean: Double
            public var seconds: Double
        }

        public var project: String
        public var dataset: String
        public var testDataset: String
        public var items: Int
        public var testItems: Int
        public var seed: UInt64
        public var pool: Int
        public var rescore: Int
        public var randomStart: Int
        public var curves: [Curve]
    }

    /// Runs every order. `notice` receives notes ("note: …"); `progress` the decisions
    /// simulated so far of the order running (and nil once it is done).
    public static func run(_ request: Request, database: GlossDatabase, notice: (String) -> Void = { _ in },
                           progress: (ItemOrder, _ done: Int?, _ total: Int) -> Void = { _, _, _ in })
        throws -> Report {
        let summary = try database.project(named: request.project)
        let guide = try database.currentGuide(project: request.project).guide
        guard case .textClassifier(let multilabel) = TaskKinds.kind(for: guide.task).modelFamily else {
            throw UseCaseFailure("project \"\(request.project)\" labels spans; learning curves are for classify and "
                + "multilabel projects.")
        }
        let labels = guide.labels.map(\.name)
        let items = TrainingExamples(try database.referenceExamples(dataset: summary.dataset), labels: labels,
                                     multilabel: multilabel).examples
        let test = TrainingExamples(try database.referenceExamples(dataset: request.testDataset), labels: labels,
                                    multilabel: multilabel).examples
        guard !items.isEmpty else {
            throw UseCaseFailure("dataset \"\(summary.dataset)\" of project \"\(request.project)\" has no reference "
                + "labels among the guide's labels (\(labels.joined(separator: ", "))); import it with --label-field.")
        }
        guard !test.isEmpty else {
            throw UseCaseFailure("dataset \"\(request.testDataset)\" has no reference labels among the guide's labels "
                + "(\(labels.joined(separator: ", "))); import it with --label-field.")
        }
        let reached = request.checkpoints.filter { $0 <= items.count }
        if reached.count < request.checkpoints.count {
            notice("note: only \(NumberText.counted(items.count, "item")) \(items.count == 1 ? "has" : "have") reference labels; checkpoints above that "
                + "are left out.")
        }
        let curves = request.orders.map { order in
            simulate(order, request: request, items: items, test: test, labels: labels, multilabel: multilabel,
                     checkpoints: reached, progress: progress)
        }
        return Report(project: request.project, dataset: summary.dataset, testDataset: request.testDataset,
                      items: items.count, testItems: test.count, seed: request.seed, pool: request.pool,
                      rescore: request.rescore, randomStart: request.randomStart, curves: curves)
    }

    private static func simulate(_ order: ItemOrder, request: Request, items: [TrainingExample],
                                 test: [TrainingExample], labels: [String], multilabel: Bool, checkpoints: [Int],
                                 progress: (ItemOrder, Int?, Int) -> Void) -> Report.Curve {
        let settings = LearningCurveSettings(order: order, poolCapacity: request.pool, rescoreBudget: request.rescore,
                                             randomStart: request.randomStart, seed: request.seed)
        var learnSeconds = 0.0, rescoreSeconds = 0.0, decisions = 0
        let total = checkpoints.last ?? 0
        let clock = ContinuousClock()
        let started = clock.now
        let curve = LearningCurve(pool: items, test: test, labels: labels, multilabel: multilabel,
                                  checkpoints: checkpoints, settings: settings) { step, run in
            let seconds = clock.measure(run).seconds
            switch step {
            case .learn:
                learnSeconds += seconds
                decisions += 1
                progress(order, decisions, total)
            case .rescore:
                rescoreSeconds += seconds
            }
        }
        progress(order, nil, total)
        return Report.Curve(order: order.rawValue, points: curve.points, decisions: decisions,
                            learnMicrosecondsMean: decisions == 0 ? 0 : learnSeconds / Double(decisions) * 1e6,
                            rescoreMillisecondsMean: decisions == 0 ? 0 : rescoreSeconds / Double(decisions) * 1e3,
                            seconds: (clock.now - started).seconds)
    }
}
