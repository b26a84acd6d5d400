import ArgumentParser
import Foundation
import GlossClassifier
import GlossApp
import GlossCore
import GlossStore

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Create and inspect projects: a dataset labeled under a guide.",
        discussion: """
            Examples:
              gloss project create reviews --dataset reviews --guide guides/sentiment.md
              gloss project show reviews
            """,
        subcommands: [Create.self, Show.self, Order.self, Overlap.self]
    )
}
