import ArgumentParser
import Foundation
import GlossApp
import GlossClassifier
import GlossCore
import GlossStore
import GlossTUI
import GlossTasks

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
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

    @Argument(help: "The project.", completion: .projects) var project: String
    @Option(help: "The model version (default: the newest).") var model: Int?
    @Option(help: ArgumentHelp("Score the JSONL that gloss predict wrote instead of a model.", valueName: "file")) var predictions: String?
    @Option(help: "The gold labels: decisions or reference (default: reference with --dataset, else decisions).")
    var against: ModelEvaluation.Gold?
    @Option(help: "Take the reference labels of this dataset instead of the project's.", completion: .datasets) var dataset: String?
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
    var gold: ModelEvaluation.Gold { against ?? (dataset == nil ? .decisions : .reference) }

    func run() throws {
        let database = try store.openForReading()
        let request = ModelEvaluation.Request(project: project, model: model, predictions: predictions, gold: gold,
                                              dataset: dataset, textModelOnly: browse)
        let result = try ModelEvaluation.run(request, database: database) { StandardError.print($0) }
        if browse, let text = result.text {
            return try browseMistakes(database, text.evaluation, text.classifier, items: text.items,
                                      dataset: result.goldDataset)
        }
        if json { return try JSONOutput.print(result.report) }
        print("\(result.scored) of \"\(TerminalText.visible(project))\" against \(result.goldName): "
            + "\(NumberText.counted(result.report.items, "item")).\n")
        let color = !noColor && isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        print(result.report.text(color: color))
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
            let predicted = LoadedModel.text(classifier).predictValue(item.text)
            let suggestion = Suggestion(value: predicted.value, confidence: predicted.confidence,
                                        probabilities: predicted.probabilityByLabel)
            let gold = miss.gold.isEmpty ? "none" : miss.gold.joined(separator: ", ")
            return BrowseList.Entry(rowID: item.rowID, prediction: suggestion, note: "\(self.gold.rawValue): \(gold)")
        }
        try LabelingScreen.run(database: database, project: project, annotator: annotator ?? LoginName.current, noColor: noColor,
                               model: false, browse: BrowseList(name: "misclassified", entries: entries))
    }
}

extension ModelEvaluation.Gold: ExpressibleByArgument {}
