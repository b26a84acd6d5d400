import ArgumentParser
import Foundation
import GlossCore
import GlossStore

extension Gloss {
    struct Datasets: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the datasets: items, import batches and the last import.",
            discussion: """
                Examples:
                  gloss datasets
                  gloss datasets --json | jq '.[].items'
                """
        )

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let datasets = try store.openExisting().datasets()
            if json { return try JSONOutput.print(datasets) }
            guard !datasets.isEmpty else {
                return print("No datasets yet in \(store.path). Add one with: gloss import FILE --dataset NAME")
            }
            var table = TextTable(headers: ["NAME", "ITEMS", "IMPORTS", "LAST IMPORT"], alignments: [.left, .right, .right, .left])
            for d in datasets {
                table.append([d.name, NumberText.grouped(d.items), NumberText.grouped(d.imports), d.lastImportAt.map(HumanDate.format) ?? "-"])
            }
            print(table.render())
        }
    }

    struct DatasetCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dataset",
            abstract: "Inspect one dataset.",
            discussion: """
                Examples:
                  gloss dataset log reviews
                """,
            subcommands: [Log.self]
        )

        struct Log: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show a dataset's import batches, oldest first: its version history.",
                discussion: """
                    Each batch records its source, format, the SHA-256 of the bytes read, and how many \
                    records were added, skipped as duplicates, or refused as invalid.

                    Examples:
                      gloss dataset log reviews
                      gloss dataset log reviews --json
                    """
            )

            @Argument(help: "The dataset name.")
            var name: String

            @Flag(help: "Print JSON instead of a table.")
            var json = false

            @OptionGroup var store: StoreOptions

            func run() throws {
                let batches = try store.openExisting().importLog(dataset: name)
                if json { return try JSONOutput.print(batches) }
                var table = TextTable(
                    headers: ["#", "IMPORTED", "FORMAT", "ADDED", "DUPLICATES", "SKIPPED", "SHA256", "SOURCE"],
                    alignments: [.right, .left, .left, .right, .right, .right, .left, .left])
                for (i, b) in batches.enumerated() {
                    table.append([String(i + 1), HumanDate.format(b.startedAt), b.format, NumberText.grouped(b.added),
                                  NumberText.grouped(b.duplicates), NumberText.grouped(b.skipped), String(b.sha256.prefix(12)), b.source])
                }
                print(table.render())
            }
        }
    }
}

/// JSON on standard output: snake_case keys, ISO 8601 dates, sorted keys, pretty.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// Dates for tables: local time, to the minute.
enum HumanDate {
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
