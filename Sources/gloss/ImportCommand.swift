import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension ImportFormat: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "ndjson": self = .jsonl
        case "txt": self = .text
        case "dir": self = .directory
        case "labelstudio", "ls": self = .labelStudio
        default: self.init(rawValue: argument.lowercased())
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import items into a dataset from JSONL, JSON, CSV, TSV, text files, a directory of .txt files, or another tool's export.",
        discussion: """
            The format comes from the file extension (.jsonl .ndjson .json .csv .tsv .txt; a directory \
            means one item per .txt file) or from --format; '-' reads standard input. Files are UTF-8 \
            (a byte order mark is fine), with LF or CRLF line ends.

            Items whose normalized text (NFC, white space folded) is already in the dataset are \
            counted as duplicates and left out, so importing a file twice adds nothing the second time. \
            An import is all or nothing: the first invalid record stops it and nothing is stored, \
            unless --skip-invalid is given.

            Another tool's export (--format label-studio, prodigy, doccano or argilla) brings its items into the \
            dataset and, with --project, its \
            annotations as decisions of their annotators and its model predictions as suggestions, \
            checked against the project's guide and task; a missing project is created from --guide. \
            Re-importing the same export adds nothing: an answer equal to the annotator's current \
            decision is left alone. Without --project only the items are imported.
              label-studio  a JSON array of tasks: data.text, annotations[] (completed_by names the \
                            annotator: its email, else ls-<id>), predictions[]; span offsets are \
                            checked against value.text (code points, or the UTF-16 units of old exports); \
                            a task whose data has prompt and response_a/response_b (with model_a/model_b) \
                            or text1/text2 is an item with parts, its Pairwise and Rating results a judgment
              prodigy       JSONL: text, answer (accept; ignore = skip; reject is left out), accept, \
                            label or spans; the annotator is _annotator_id, else _session_id, else \
                            --annotator, else "prodigy"
              doccano       JSONL: text, label (names, or [start, end, label]); the annotator is \
                            --annotator, else "doccano"
              argilla       Argilla 2.x records: records.json of Dataset.to_disk, or the JSONL of \
                            to_datasets(); fields prompt and response… (the field names are the models) \
                            make an item with parts; a ranking of the two responses, a label naming one, \
                            and ratings (quality_response1: of response1) make the judgment of \
                            argilla-<user id>

            Examples:
              gloss import reviews.jsonl --dataset reviews --label-field label
              gloss import tickets.csv --dataset tickets --text-field body --id-field ticket_id
              gloss import part1.jsonl part2.jsonl --dataset news --skip-invalid
              gloss import articles/ --dataset articles
              zcat dump.jsonl.gz | gloss import - --format jsonl --dataset dump
              gloss import export.json --format label-studio --dataset tickets --project triage --guide triage.md
              gloss import ner.jsonl --format prodigy --dataset news --project news-ner
            """
    )

    @Argument(help: ArgumentHelp("Files or directories to import; '-' for standard input.", valueName: "file"))
    var files: [String]

    @Option(help: "The dataset to add to (created if new).", completion: .datasets)
    var dataset: String

    @Option(help: "The input format: jsonl, json, csv, tsv, text, directory, label-studio, prodigy or doccano (default: from the extension).")
    var format: ImportFormat?

    @Option(help: "The field or column that holds the text.")
    var textField = "text"

    @Option(help: "The field or column that holds the item id (generated from the text when absent).")
    var idField = "id"

    @Option(help: "A field or column with labels that came with the data; a list means several labels.")
    var labelField: String?

    @Option(help: "Splits a CSV/TSV label cell into several labels (e.g. '|').")
    var labelSeparator: String?

    @Flag(help: "Import the valid records and list the invalid ones instead of stopping at the first.")
    var skipInvalid = false

    @Option(help: "With another tool's export: the project that receives its annotations and predictions.")
    var project: String?

    @Option(help: ArgumentHelp("With --project: the guide to create the project with when it does not exist.", valueName: "file"))
    var guide: String?

    @Option(help: ArgumentHelp("With a Prodigy or doccano export: who made annotations the file does not attribute.", valueName: "name"))
    var annotator: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        try NameRule.validate(dataset, what: "dataset", hint: "give one with --dataset NAME")
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("Standard input ('-') can be read only once.")
        }
        for file in files where file != "-" && !FileManager.default.fileExists(atPath: file) {
            throw ValidationError("There is no file or directory \(file).")
        }
        try ForeignImportOptions.validate(files: files, format: format, project: project, guide: guide, annotator: annotator, skipInvalid: skipInvalid)
    }

    func run() throws {
        let database = try store.open()
        let request = ImportRequest(
            dataset: dataset,
            sources: files.map { ImportSource(path: $0, format: format) },
            fields: ImportFields(text: textField, id: idField, label: labelField, labelSeparator: labelSeparator, annotator: annotator),
            skipInvalid: skipInvalid,
            project: try ForeignImportOptions.project(name: project, guide: guide))
        let bar = ProgressBar.forStderr()
        let report = try database.importItems(request, progress: bar)
        bar?.clear()
        ImportSummary.print(report)
        if let foreign = report.foreign {
            for line in ForeignImportOptions.lines(foreign, files: files, format: format?.rawValue ?? "…", dataset: dataset) { print(line) }
        }
    }
}
