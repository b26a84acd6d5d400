import ArgumentParser
import Foundation
import GlossClassifier
import GlossCore
import GlossStore

extension Gloss {
    struct LearningCurveCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "learning-curve",
            abstract: "Simulate an annotator on the project's reference labels and score the online model as it learns.",
            discussion: """
                The project's dataset must carry reference labels (import it with --label-field): \
                they are the simulated annotator's answers. Starting from an empty model, each \
                decision is one online learning step, as in gloss label; at each checkpoint the \
                model is scored on the reference labels of --test-dataset. Orders: sequential \
                (dataset order), random, uncertain (smallest margin first from a pool of sampled \
                items, rescored a few at a time, as the labeler does), confident.

                Examples:
                  gloss learning-curve reviews --test-dataset reviews-test
                  gloss learning-curve reviews --test-dataset reviews-test --order sequential,uncertain --at 100,1000 --json
                """
        )

        @Argument(help: "The project (its dataset's reference labels are the answers).") var project: String
        @Option(help: ArgumentHelp("The dataset whose reference labels score the model.", valueName: "dataset")) var testDataset: String
        @Option(help: ArgumentHelp("Orders to simulate, comma-separated: sequential, random, uncertain, confident.", valueName: "orders"))
        var order = "sequential,uncertain"
        @Option(help: ArgumentHelp("Decision counts at which to score the model, comma-separated.", valueName: "counts"))
        var at = "100,300,1000,3000"
        @Option(help: "The seed of the pool's sampling and tie-breaks.") var seed: UInt64 = 1
        @Option(help: "How many sampled undecided items the pool holds.") var pool = 2000
        @Option(help: ArgumentHelp("Pool entries rescored after each decision.", valueName: "count")) var rescore = 200
        @Option(help: ArgumentHelp("First picks taken at random, whatever the order.", valueName: "count")) var randomStart = ClassifierOptions.labelerRandomStart
        @Flag(help: "Print JSON instead of a table.") var json = false
        @OptionGroup var store: StoreOptions

        var orders: [ItemOrder] { order.split(separator: ",").compactMap { ItemOrder(rawValue: $0.trimmingCharacters(in: .whitespaces)) } }
        var checkpoints: [Int] { Array(Set(at.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) })).sorted() }

        func validate() throws {
            for name in order.split(separator: ",") where ItemOrder(rawValue: name.trimmingCharacters(in: .whitespaces)) == nil {
                throw ValidationError("--order: \"\(name)\" is not an order; use sequential, random, uncertain or confident.")
            }
            guard !orders.isEmpty else { throw ValidationError("--order needs at least one order, e.g. sequential,uncertain.") }
            for count in at.split(separator: ",") where Int(count.trimmingCharacters(in: .whitespaces)).map({ $0 < 0 }) ?? true {
                throw ValidationError("--at: \"\(count)\" is not a decision count; give counts such as 100,300,1000.")
            }
            guard !checkpoints.isEmpty else { throw ValidationError("--at needs at least one decision count, e.g. 100,1000.") }
            guard pool >= 1 else { throw ValidationError("--pool must be at least 1.") }
            guard rescore >= 0 else { throw ValidationError("--rescore must not be negative.") }
            guard randomStart >= 0 else { throw ValidationError("--random-start must not be negative.") }
        }

        func run() throws {
            let database = try store.openExisting()
            let summary = try database.project(named: project)
            let guide = try ModelSupport.currentGuide(database, project: project)
            guard guide.task != .spans else {
                throw CommandFailure("project \"\(project)\" labels spans; learning curves are for classify and multilabel projects.")
            }
            let labels = guide.labels.map(\.name)
            let multilabel = guide.task == .multilabel
            let items = Self.examples(try database.referenceExamples(dataset: summary.dataset), labels: labels, multilabel: multilabel)
            let test = Self.examples(try database.referenceExamples(dataset: testDataset), labels: labels, multilabel: multilabel)
            guard !items.isEmpty else {
                throw CommandFailure("dataset \"\(summary.dataset)\" of project \"\(project)\" has no reference labels among the guide's labels (\(labels.joined(separator: ", "))); import it with --label-field.")
            }
            guard !test.isEmpty else {
                throw CommandFailure("dataset \"\(testDataset)\" has no reference labels among the guide's labels (\(labels.joined(separator: ", "))); import it with --label-field.")
            }
            let reached = checkpoints.filter { $0 <= items.count }
            if reached.count < checkpoints.count {
                FileHandle.standardError.write(Data("note: only \(NumberText.grouped(items.count)) items have reference labels; checkpoints above that are left out.\n".utf8))
            }
            let curves = orders.map { simulate($0, items: items, test: test, labels: labels, multilabel: multilabel, checkpoints: reached) }
            let report = Report(project: project, dataset: summary.dataset, testDataset: testDataset, items: items.count, testItems: test.count,
                                seed: seed, pool: pool, rescore: rescore, randomStart: randomStart, curves: curves)
            if json { return try JSONOutput.print(report) }
            print(report.table())
        }

        private func simulate(_ order: ItemOrder, items: [TrainingExample], test: [TrainingExample], labels: [String],
                              multilabel: Bool, checkpoints: [Int]) -> Report.Curve {
            let settings = LearningCurveSettings(order: order, poolCapacity: pool, rescoreBudget: rescore, randomStart: randomStart, seed: seed)
            var learnSeconds = 0.0, rescoreSeconds = 0.0, decisions = 0
            let progress = DecisionProgress(order: order, total: checkpoints.last ?? 0)
            let clock = ContinuousClock()
            let started = clock.now
            let curve = LearningCurve(pool: items, test: test, labels: labels, multilabel: multilabel,
                                      checkpoints: checkpoints, settings: settings) { step, run in
                let seconds = clock.measure(run).seconds
                switch step {
                case .learn:
                    learnSeconds += seconds
                    decisions += 1
                    progress?.update(decisions)
                case .rescore:
                    rescoreSeconds += seconds
                }
            }
            progress?.clear()
            return Report.Curve(order: order.rawValue, points: curve.points, decisions: decisions,
                                learnMicrosecondsMean: decisions == 0 ? 0 : learnSeconds / Double(decisions) * 1e6,
                                rescoreMillisecondsMean: decisions == 0 ? 0 : rescoreSeconds / Double(decisions) * 1e3,
                                seconds: (clock.now - started).seconds)
        }

        /// Labeled items as examples of the guide's labels; items left with no known label
        /// (or, single-label, with several) are left out.
        private static func examples(_ items: [LabeledItem], labels: [String], multilabel: Bool) -> [TrainingExample] {
            let known = Set(labels)
            return items.compactMap { item in
                let kept = item.labels.filter { known.contains($0) }
                guard !kept.isEmpty, multilabel || kept.count == 1 else { return nil }
                return TrainingExample(text: item.text, labels: kept)
            }
        }
    }
}

extension Gloss.LearningCurveCommand {
    /// What `learning-curve` prints: one curve per order, with the mean cost of a decision.
    struct Report: Encodable {
        struct Curve: Encodable {
            var order: String
            var points: [LearningCurvePoint]
            var decisions: Int
            /// The mean time of one online `learn` step (the labeler pays it per decision).
            var learnMicrosecondsMean: Double
            /// The mean time of rescoring pool entries after a decision (off the UI path).
            var rescoreMillisecondsMean: Double
            var seconds: Double
        }

        var project: String
        var dataset: String
        var testDataset: String
        var items: Int
        var testItems: Int
        var seed: UInt64
        var pool: Int
        var rescore: Int
        var randomStart: Int
        var curves: [Curve]

        func table() -> String {
            let visible = TerminalText.visible
            var lines = [
                "Learning curve of \"\(visible(project))\": \(NumberText.grouped(items)) items of \"\(visible(dataset))\" with reference labels, scored on \(NumberText.grouped(testItems)) of \"\(visible(testDataset))\".",
                "Pool \(NumberText.grouped(pool)), \(rescore) rescored per decision, \(randomStart) random first picks, seed \(seed).",
                "",
            ]
            var headers = ["DECISIONS"]
            for curve in curves { headers += ["\(curve.order.uppercased()) ACC", "MACRO-F1"] }
            var table = TextTable(headers: headers, alignments: Array(repeating: .right, count: headers.count))
            let counts = Array(Set(curves.flatMap { $0.points.map(\.decisions) })).sorted()
            for count in counts {
                var row = [NumberText.grouped(count)]
                for curve in curves {
                    let point = curve.points.first { $0.decisions == count }
                    row += [point.map { String(format: "%.3f", $0.accuracy) } ?? "-", point.map { String(format: "%.3f", $0.macroF1) } ?? "-"]
                }
                table.append(row)
            }
            lines.append(table.render())
            lines.append("")
            for curve in curves {
                var cost = "\(curve.order): \(NumberText.grouped(curve.decisions)) decisions, mean learn step \(String(format: "%.1f", curve.learnMicrosecondsMean)) µs"
                if curve.rescoreMillisecondsMean > 0 { cost += ", mean rescore \(String(format: "%.2f", curve.rescoreMillisecondsMean)) ms per decision" }
                lines.append(cost + ", \(String(format: "%.1f", curve.seconds)) s in all.")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// "uncertain 1,234/3,000 decisions" on standard error, only when it is a terminal.
    final class DecisionProgress {
        private let order: ItemOrder
        private let total: Int
        private var lastDraw = Date.distantPast

        init?(order: ItemOrder, total: Int) {
            guard isatty(STDERR_FILENO) == 1 else { return nil }
            self.order = order
            self.total = total
        }

        func update(_ done: Int) {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            FileHandle.standardError.write(Data("\r\u{1B}[K\(order.rawValue) \(NumberText.grouped(done))/\(NumberText.grouped(total)) decisions".utf8))
        }

        func clear() {
            if lastDraw != .distantPast { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
