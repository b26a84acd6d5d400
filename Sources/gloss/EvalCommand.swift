import ArgumentParser
import Foundation
import GlossClassifier
import GlossApp
import GlossCore
import GlossStore
import GlossTUI

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
                  gloss eval reviews --against reference --browse

                --browse opens the labeler on the items the model got wrong, the most confidently \
                wrong first, with the model's prediction as the suggestion (its probabilities in the \
                label bar) and the gold label on the status line; a label key stores your decision.
                """
        )

        @Argument(help: "The project.") var project: String
        @Option(help: "The model version (default: the newest).") var model: Int?
        @Option(help: ArgumentHelp("Score the JSONL that gloss predict wrote instead of a model.", valueName: "file")) var predictions: String?
        @Option(help: "The gold labels: decisions or reference (default: reference with --dataset, else decisions).") var against: Gold?
        @Option(help: "Take the reference labels of this dataset instead of the project's.") var dataset: String?
        @Flag(help: "Print JSON instead of text.") var json = false
        @Flag(name: .customLong("no-color"), help: "Draw without colors (also when NO_COLOR is set).") var noColor = false
        @Flag(help: "Open the labeler on the misclassified items, worst first.") var browse = false
        @Option(name: .customLong("as"), help: ArgumentHelp("Who labels when browsing (default: the login name).", valueName: "name"))
        var annotator: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if model != nil, predictions != nil { throw ValidationError("Give either --model or --predictions, not both.") }
            if against == .decisions, dataset != nil {
                throw ValidationError("--dataset gives reference labels; it does not go with --against decisions.")
            }
            if browse, predictions != nil { throw ValidationError("--browse shows a model's predictions; it does not go with --predictions.") }
            if browse, json { throw ValidationError("--browse opens the labeler; it does not go with --json.") }
        }

        /// The gold source asked for: reference with --dataset, else decisions, unless --against says.
        var gold: Gold { against ?? (dataset == nil ? .decisions : .reference) }

        func run() throws {
            let database = try store.openExisting()
            let goldDataset = try dataset ?? database.project(named: project).dataset
            let goldName = gold == .reference ? "the reference labels of dataset \"\(TerminalText.visible(goldDataset))\""
                : "the current decisions of \"\(TerminalText.visible(project))\""
            let labeled = gold == .reference ? try database.referenceExamples(dataset: goldDataset) : try database.decisionExamples(project: project)
            var report: EvalReport
            var source: String
            if let predictions {
                let guide = try ModelSupport.currentGuide(database, project: project)
                guard guide.task != .spans else { throw CommandFailure("scoring a predictions file of spans is not supported yet; score the model with gloss eval \(TerminalText.visible(project)).") }
                let (evaluation, missing) = try scoreFile(predictions, labeled, labels: guide.labels.map(\.name), multilabel: guide.task == .multilabel, goldName: goldName)
                report = EvalReport(project: project, model: nil, predictions: predictions, against: gold.rawValue, dataset: gold == .reference ? goldDataset : nil,
                                    missing: missing, evaluation: evaluation)
                source = "Predictions \(TerminalText.visible(predictions))"
            } else {
                let (loaded, summary) = try ModelSupport.load(database, project: project, version: model)
                source = "Model v\(summary.version)"
                switch loaded {
                case .text(let classifier):
                    let set = try goldItems(labeled, labels: classifier.labels, multilabel: classifier.multilabel, goldName: goldName)
                    let evaluation = Evaluation.score(classifier, items: set.items)
                    if browse { return try browseMistakes(database, evaluation, classifier, items: set.items, dataset: goldDataset) }
                    report = EvalReport(project: project, model: summary.version, predictions: nil, against: gold.rawValue, dataset: gold == .reference ? goldDataset : nil,
                                        missing: 0, evaluation: evaluation)
                case .spans(let suggester):
                    if browse { throw CommandFailure("--browse works for classify and multilabel models; this project's model suggests spans.") }
                    guard gold == .decisions else { throw CommandFailure("reference labels carry no span offsets; score a span suggester against the project's decisions (drop --against reference and --dataset).") }
                    let examples = SpanExamples(labeled, labels: suggester.labels)
                    guard !examples.items.isEmpty else { throw CommandFailure("there is nothing to score: \(goldName) have no span decisions.") }
                    let scored = SpanExamples.evaluate(suggester, items: examples.items)
                    report = EvalReport(project: project, model: summary.version, predictions: nil, against: gold.rawValue, dataset: nil, missing: 0,
                                        labels: suggester.labels, metrics: scored.metrics, misclassified: scored.misclassified, scoringSeconds: scored.seconds)
                }
            }
            if json { return try JSONOutput.print(report) }
            print("\(source) of \"\(TerminalText.visible(project))\" against \(goldName): \(NumberText.grouped(report.items)) items.\n")
            let color = !noColor && isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            print(report.text(color: color))
        }

        /// Opens the labeler on the misclassified items, the most confidently wrong first.
        func browseMistakes(_ database: GlossDatabase, _ evaluation: Evaluation, _ classifier: TextClassifier,
                            items: [LabeledItem], dataset: String) throws {
            guard dataset == (try database.project(named: project).dataset) else {
                throw CommandFailure("--browse shows items of the project's own dataset; \"\(TerminalText.visible(dataset))\" is another one. Drop --dataset, or import those items into the project's dataset.")
            }
            let byID = Dictionary(items.map { ($0.externalID, $0) }, uniquingKeysWith: { a, _ in a })
            let wrong = evaluation.misclassified().sorted { ($0.confidence ?? 0) > ($1.confidence ?? 0) }
            guard !wrong.isEmpty else { return print("The model gets every one of the \(NumberText.grouped(items.count)) items right; nothing to browse.") }
            let entries = wrong.compactMap { miss -> BrowseList.Entry? in
                guard let item = byID[miss.id] else { return nil }
                let prediction = classifier.predict(item.text)
                var probabilities: [String: Double] = [:]
                for (index, name) in classifier.labels.enumerated() { probabilities[name] = prediction.probabilities[index] }
                let value: AnnotationValue = classifier.multilabel ? .labels(miss.predicted) : .label(miss.predicted.first ?? "")
                let gold = miss.gold.isEmpty ? "none" : miss.gold.joined(separator: ", ")
                return BrowseList.Entry(rowID: item.rowID, prediction: Suggestion(value: value, confidence: prediction.confidence, probabilities: probabilities),
                                        note: "\(self.gold.rawValue): \(gold)")
            }
            try LabelingScreen.run(database: database, project: project, annotator: annotator ?? LoginName.current, noColor: noColor,
                                   model: false, browse: BrowseList(name: "misclassified", entries: entries))
        }

        /// The gold items with labels of the model; what was left out goes to standard error.
        func goldItems(_ labeled: [LabeledItem], labels: [String], multilabel: Bool, goldName: String) throws -> TrainingSet {
            let set = TrainingSet(labeled, labels: labels, multilabel: multilabel)
            var errors = StandardError()
            if let note = set.leftOutNote { print("note: \(note)", to: &errors) }
            guard !set.items.isEmpty else {
                let hint = gold == .decisions ? "; score against the dataset's own labels with --against reference" : ""
                throw CommandFailure("there is nothing to score: \(goldName) give no items with labels of the model\(hint).")
            }
            return set
        }

        /// Gold beside the predictions of a file written by gloss predict, matched by id.
        func scoreFile(_ file: String, _ labeled: [LabeledItem], labels: [String], multilabel: Bool, goldName: String) throws -> (Evaluation, Int) {
            let set = try goldItems(labeled, labels: labels, multilabel: multilabel, goldName: goldName)
            let (evaluation, missing) = try PredictionsFile(path: file, labels: labels, multilabel: multilabel).evaluate(set.items, labels: labels, multilabel: multilabel)
            var errors = StandardError()
            if missing > 0 {
                print("note: \(NumberText.grouped(missing)) gold item\(missing == 1 ? " has" : "s have") no prediction in \(TerminalText.visible(file)) and \(missing == 1 ? "is" : "are") left out.", to: &errors)
            }
            guard !evaluation.outcomes.isEmpty else {
                throw CommandFailure("no line of \(TerminalText.visible(file)) has the id of an item of \(goldName); were they predicted on another dataset?")
            }
            return (evaluation, missing)
        }
    }
}
