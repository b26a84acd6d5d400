import ArgumentParser
import Foundation
import GlossCore
import GlossStore

extension DatasetCommand {
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

        @Argument(help: "The dataset name.", completion: .datasets)
        var name: String

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let batches = try store.openForReading().importLog(dataset: name)
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
