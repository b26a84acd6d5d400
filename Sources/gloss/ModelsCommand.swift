import ArgumentParser
import Foundation
import GlossCore
import GlossStore

struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List a project's trained model versions with their held-out scores.",
        discussion: """
            Examples:
              gloss models reviews
              gloss models reviews --json
            """
    )

    @Argument(help: "The project.", completion: .projects) var project: String
    @Flag(help: "Print JSON instead of a table.") var json = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let models = try store.openForReading().models(project: project)
        if json { return try JSONOutput.print(models) }
        guard !models.isEmpty else {
            return print("\"\(TerminalText.visible(project))\" has no models yet. Train one with: gloss train \(TerminalText.visible(project))")
        }
        var table = TextTable(headers: ["VERSION", "KIND", "SOURCE", "EXAMPLES", "HELD OUT", "ACCURACY", "MACRO-F1", "SECONDS", "CREATED", "SIZE"],
                              alignments: [.right, .left, .left, .right, .right, .right, .right, .right, .left, .right])
        for m in models {
            table.append([
                "v\(m.version)", m.kind.rawValue, m.source, NumberText.grouped(m.examples), NumberText.grouped(m.heldOut),
                m.metrics.map { ScoreText.format($0.accuracy) } ?? "-", m.metrics.map { ScoreText.format($0.macroF1) } ?? "-",
                NumberText.seconds(m.seconds), HumanDate.format(m.createdAt), ByteSize.text(m.size),
            ])
        }
        print(table.render())
    }
}
