import ArgumentParser
import Foundation
import GlossCore
import GlossStore

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
}
