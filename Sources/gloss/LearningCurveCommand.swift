import ArgumentParser
import Foundation
import GlossApp
import GlossClassifier
import GlossCore
import GlossStore

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

    @Argument(help: "The project (its dataset's reference labels are the answers).", completion: .projects) var project: String
    @Option(help: ArgumentHelp("The dataset whose reference labels score the model.", valueName: "dataset"), completion: .datasets) var testDataset: String
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
        let request = LearningCurveRun.Request(project: project, testDataset: testDataset, orders: orders,
                                               checkpoints: checkpoints, seed: seed, pool: pool, rescore: rescore,
                                               randomStart: randomStart)
        var bar: DecisionProgress?
        let database = try store.openForReading()
        let report = try LearningCurveRun.run(request, database: database, notice: { StandardError.print($0) }) {
            order, done, total in
            guard let done else { bar?.clear(); bar = nil; return }
            if bar == nil { bar = DecisionProgress(order: order, total: total) }
            bar?.update(done)
        }
        if json { return try JSONOutput.print(report) }
        print(report.table())
    }
}

extension LearningCurveRun.Report {
    /// The report as a table of accuracy and macro-F1 per order at each checkpoint, and the
    /// mean cost of a decision.
    func table() -> String {
        let visible = TerminalText.visible
        var lines = [
            "Learning curve of \"\(visible(project))\": \(NumberText.counted(items, "item")) of \"\(visible(dataset))\" with reference labels, scored on \(NumberText.grouped(testItems)) of \"\(visible(testDataset))\".",
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
            var cost = "\(curve.order): \(NumberText.counted(curve.decisions, "decision")), mean learn step \(String(format: "%.1f", curve.learnMicrosecondsMean)) µs"
            if curve.rescoreMillisecondsMean > 0 { cost += ", mean rescore \(String(format: "%.2f", curve.rescoreMillisecondsMean)) ms per decision" }
            lines.append(cost + ", \(String(format: "%.1f", curve.seconds)) s in all.")
        }
        return lines.joined(separator: "\n")
    }
}
