import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension GoldCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a project's gold items and their answers.")
        @Argument(help: "The project.", completion: .projects) var project: String
        @Flag(help: "Print JSON instead of a table.") var json = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let gold = try store.openForReading().goldItems(project: project)
            if json { return try JSONOutput.print(gold) }
            guard !gold.isEmpty else { return print("\(TerminalText.visible(project)) has no gold items. Add some with: gloss gold add") }
            var table = TextTable(headers: ["ITEM", "ANSWER", "SOURCE"])
            for item in gold {
                table.append([item.id, AnnotationValue(json: item.answer)?.summary ?? item.answer, item.source])
            }
            print(table.render())
        }
    }
}
