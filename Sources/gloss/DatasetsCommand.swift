import ArgumentParser
import Foundation
import GlossCore
import GlossStore

struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
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
        let datasets = try store.openForReading().datasets()
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
