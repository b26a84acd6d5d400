import ArgumentParser
import Foundation
import GlossCore
import GlossApp
import GlossStore

struct ExportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exports",
        abstract: "List a project's exports: when, which format, policy and split, how many items, where.",
        discussion: """
            Examples:
              gloss exports reviews
              gloss exports reviews --json      (each with its full manifest)
            """
    )

    @Argument(help: "The project.", completion: .projects) var project: String
    @Flag(help: "Print JSON instead of a table.") var json = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let exports = try store.openForReading().exports(project: project)
        if json { return try JSONOutput.print(exports) }
        guard !exports.isEmpty else {
            return print("\"\(TerminalText.visible(project))\" has no exports yet. Make one with: gloss export \(TerminalText.visible(project)) --format jsonl --out DIR")
        }
        var table = TextTable(headers: ["ID", "CREATED", "FORMAT", "POLICY", "SPLIT", "ITEMS", "DESTINATION"],
                              alignments: [.right, .left, .left, .left, .left, .right, .left])
        for e in exports {
            let options = try? JSONDecoder().decode(ExportRun.RecordedOptions.self, from: Data(e.options.utf8))
            let split = options.map { $0.split == "none" ? "none" : "\($0.split) seed \($0.seed)\($0.stratify ? " strat." : "")" } ?? "?"
            table.append(["#\(e.id)", HumanDate.format(e.createdAt), e.format, options?.policy ?? "?", split,
                          NumberText.grouped(e.items), TerminalText.visible(e.destination)])
        }
        print(table.render())
    }
}
