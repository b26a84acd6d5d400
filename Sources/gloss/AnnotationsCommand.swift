import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

struct AnnotationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotations",
        abstract: "Move decisions in and out of a project as JSONL.",
        discussion: """
            Examples:
              gloss annotations import reviews from-other-tool.jsonl
              gloss annotations export reviews --out reviews-decisions.jsonl
              gloss annotations export reviews --current | gloss annotations import reviews-copy -
            """,
        subcommands: [Import.self, Export.self]
    )
}
