import ArgumentParser
import Foundation
import GlossCore
import GlossStore

extension ImportFormat: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "ndjson": self = .jsonl
        case "txt": self = .text
        case "dir": self = .directory
        default: self.init(rawValue: argument.lowercased())
        }
    }
}

extension Gloss {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import items into a dataset from JSONL, JSON, CSV, TSV, text files or a directory of .txt files.",
            discussion: """
                The format comes from the file extension (.jsonl .ndjson .json .csv .tsv .txt; a directory \
                means one item per .txt file) or from --format; '-' reads standard input. Files are UTF-8 \
                (a byte order mark is fine), with LF or CRLF line ends.

                Items whose normalized text (NFC, white space folded) is already in the dataset are \
                counted as duplicates and left out, so importing a file twice adds nothing the second time. \
                An import is all or nothing: the first invalid record stops it and nothing is stored, \
                unless --skip-invalid is given.

                Examples:
                  gloss import reviews.jsonl --dataset reviews --label-field label
                  gloss import tickets.csv --dataset tickets --text-field body --id-field ticket_id
                  gloss import part1.jsonl part2.jsonl --dataset news --skip-invalid
                  gloss import articles/ --dataset articles
                  zcat dump.jsonl.gz | gloss import - --format jsonl --dataset dump
                """
        )

        @Argument(help: ArgumentHelp("Files or directories to import; '-' for standard input.", valueName: "file"))
        var files: [String]

        @Option(help: "The dataset to add to (created if new).")
        var dataset: String

        @Option(help: "The input format: jsonl, json, csv, tsv, text or directory (default: from the extension).")
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

        @OptionGroup var store: StoreOptions

        func validate() throws {
            try NameRule.validate(dataset, what: "dataset", hint: "give one with --dataset NAME")
            if files.filter({ $0 == "-" }).count > 1 {
                throw ValidationError("Standard input ('-') can be read only once.")
            }
            for file in files where file != "-" && !FileManager.default.fileExists(atPath: file) {
                throw ValidationError("There is no file or directory \(file).")
            }
        }

        func run() throws {
            let database = try store.open()
            let request = ImportRequest(
                dataset: dataset,
                sources: files.map { ImportSource(path: $0, format: format) },
                fields: ImportFields(text: textField, id: idField, label: labelField, labelSeparator: labelSeparator),
                skipInvalid: skipInvalid)
            let bar = ProgressBar.forStderr()
            let report = try database.importItems(request, progress: bar)
            bar?.clear()
            ImportSummary.print(report)
        }
    }
}

/// Rules for the names of datasets and projects, shared by every command that takes one.
enum NameRule {
    /// `what` names the thing ("dataset"); `hint` says how to give one.
    static func validate(_ name: String, what: String, hint: String) throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("The \(what) name is empty; \(hint).")
        }
        if name.count > 100 {
            throw ValidationError("The \(what) name is longer than 100 characters.")
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ValidationError("The \(what) name contains control characters.")
        }
    }
}
