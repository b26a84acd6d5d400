import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Label texts with a trained model: one JSON line per item on standard output.",
        discussion: """
            Each line is {"id":…,"label":…,"scores":{label: probability,…}} (multilabel: \
            "labels":[…]; spans: "spans":[{"start","end","label","confidence"}], offsets in \
            Unicode scalars), in input order. The input is a JSONL file of {"id","text"} lines, \
            '-' for standard input, or a stored dataset (--dataset; the project's own dataset \
            when nothing is given). From a pipe it answers each line as soon as it arrives, so \
            it can serve as a worker behind a queue.

            Examples:
              gloss predict reviews > predictions.jsonl
              gloss predict reviews new-reviews.jsonl --model 3
              gloss predict reviews --dataset reviews-test
              tail -f incoming.jsonl | gloss predict reviews -
            """
    )

    @Argument(help: "The project.", completion: .projects) var project: String
    @Argument(help: ArgumentHelp("A JSONL file of texts to label; '-' for standard input.", valueName: "file")) var file: String?
    @Option(help: "The model version (default: the newest).") var model: Int?
    @Option(help: "Label every item of this stored dataset.", completion: .datasets) var dataset: String?
    @Option(help: "The field that holds the text in the input lines.") var textField = "text"
    @Option(help: "The field that holds the id in the input lines.") var idField = "id"
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if file != nil, dataset != nil { throw ValidationError("Give either a file or --dataset, not both.") }
        if let file, file != "-", !FileManager.default.fileExists(atPath: file) {
            throw ValidationError("There is no file \(file).")
        }
    }

    func run() throws {
        let database = try store.openForReading()
        let output = PredictionLines(model: try LoadedModel.load(database, project: project, version: model).0)
        do {
            if let file {
                let fields = ImportFields(text: textField, id: idField)
                try PredictionRun.predict(file: file, fields: fields, output: output)
            } else {
                let name = try dataset ?? database.project(named: project).dataset
                try PredictionRun.predict(dataset: name, database: database, interactive: isatty(STDOUT_FILENO) == 1,
                                          output: output)
            }
        } catch is PredictionLines.ReaderGone {
            Foundation.exit(0)  // the reader went away, as `head` does: not an error
        }
    }
}
