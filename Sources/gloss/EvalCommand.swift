import ArgumentParser
import Foundation
import GlossClassifier
import GlossCore
import GlossStore

extension Gloss {
    struct Eval: ParsableCommand {
        /// Where the gold labels come from.
        enum Gold: String, ExpressibleByArgument, CaseIterable {
            case decisions, reference
        }

        static let configuration = CommandConfiguration(
            abstract: "Score a model (or a predictions file) against gold labels.",
            discussion: """
                The gold labels are the project's current decisions, or the reference labels of \
                its dataset or of --dataset (e.g. a test split imported with --label-field). It \
                prints accuracy, macro-F1, precision/recall/F1 per label, the confusion matrix and \
                the scoring speed (tokenizing and scoring alone, no I/O).

                Examples:
                  gloss eval reviews
                  gloss eval reviews --against reference --dataset reviews-test
                  gloss eval reviews --predictions predictions.jsonl --json
                """
        )

        @Argument(help: "The project.") var project: String
        @Option(help: "The model version (default: the newest).") var model: Int?
        @Option(help: ArgumentHelp("Score the JSONL that gloss predict wrote instead of a model.", valueName: "file")) var predictions: String?
        @Option(help: "The gold labels: decisions or reference (default: reference with --dataset, else decisions).") var against: Gold?
        @Option(help: "Take the reference labels of this dataset instead of the project's.") var dataset: String?
        @Flag(help: "Print JSON instead of text.") var json = false
        @Flag(name: .customLong("no-color"), help: "Draw without colors (also when NO_COLOR is set).") var noColor = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if model != nil, predictions != nil { throw ValidationError("Give either --model or --predictions, not both.") }
            if against == .decisions, dataset != nil {
                throw ValidationError("--dataset gives reference labels; it does not go with --against decisions.")
            }
        }

        func run() throws {
            let database = try store.openExisting()
            let projectSummary = try database.project(named: project)
            let gold = against ?? (dataset == nil ? .decisions : .reference)
            let goldDataset = dataset ?? projectSummary.dataset
            var classifier: TextClassifier?
            var modelSummary: ModelSummary?
            let labels: [String], multilabel: Bool
            if predictions == nil {
                let loaded = try ModelSupport.loadClassifier(database, project: project, version: model)
                (classifier, modelSummary) = (loaded.0, loaded.1)
                (labels, multilabel) = (loaded.0.labels, loaded.0.multilabel)
            } else {
                let guide = try ModelSupport.currentGuide(database, project: project)
                (labels, multilabel) = (guide.labels.map(\.name), guide.task == .multilabel)
            }
            let labeled = gold == .reference ? try database.referenceExamples(dataset: goldDataset) : try database.decisionExamples(project: project)
            let set = TrainingSet(labeled, labels: labels, multilabel: multilabel)
            var errors = StandardError()
            if let note = set.leftOutNote { print("note: \(note)", to: &errors) }
            let goldName = gold == .reference ? "the reference labels of dataset \"\(TerminalText.visible(goldDataset))\"" : "the current decisions of \"\(TerminalText.visible(project))\""
            guard !set.items.isEmpty else {
                throw CommandFailure("there is nothing to score: \(goldName) give no items with labels of the model.")
            }
            var evaluation: Evaluation
            var missing = 0
            if let classifier {
                evaluation = Evaluation.score(classifier, items: set.items)
            } else {
                (evaluation, missing) = try PredictionsFile(path: predictions ?? "", labels: labels).evaluate(set.items, labels: labels, multilabel: multilabel)
                if missing > 0 { print("note: \(NumberText.grouped(missing)) gold item\(missing == 1 ? " has" : "s have") no prediction in \(predictions ?? "") and \(missing == 1 ? "is" : "are") left out.", to: &errors) }
                guard !evaluation.outcomes.isEmpty else {
                    throw CommandFailure("no line of \(predictions ?? "") has the id of an item of \(goldName); were they predicted on another dataset?")
                }
            }
            let report = EvalReport(project: project, model: modelSummary?.version, predictions: predictions, against: gold.rawValue,
                                    dataset: gold == .reference ? goldDataset : nil, missing: missing, evaluation: evaluation)
            if json { return try JSONOutput.print(report) }
            let source = modelSummary.map { "Model v\($0.version)" } ?? "Predictions \(TerminalText.visible(predictions ?? ""))"
            print("\(source) of \"\(TerminalText.visible(project))\" against \(goldName): \(NumberText.grouped(report.items)) items.\n")
            let color = !noColor && isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            print(report.text(color: color))
        }
    }
}
