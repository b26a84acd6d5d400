import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

/// `gloss gold`: items with known answers, mixed into every annotator's queue.
struct GoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gold",
        abstract: "Add gold items (known answers) that every annotator gets, unannounced.",
        discussion: """
            Gold items are served to every annotator, outside the project's overlap, at the \
            gold rate (a share of the items served; default 0.05). gloss stats reports each \
            annotator's accuracy on them and the gold items they missed.

            Examples:
              gloss gold add reviews --from-reference --count 40
              gloss gold add reviews --items gold.jsonl --rate 0.1
              gloss gold list reviews
              gloss gold rate reviews 0.02
            """,
        subcommands: [Add.self, List.self, Rate.self]
    )
}
