import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Write, check and version annotation guides.",
        discussion: """
            A guide is Markdown with YAML front matter (name, task, labels with keys and \
            descriptions, instructions). Each project keeps every published version.

            Examples:
              gloss guide lint guides/sentiment.md
              gloss guide publish reviews guides/sentiment.md -m "Clarify sarcasm"
              gloss guide edit reviews
              gloss guide diff reviews 1 2
            """,
        subcommands: [Lint.self, Publish.self, Log.self, Show.self, Diff.self, Edit.self]
    )
}
