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

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make items gold, with answers from the dataset's reference labels or a file.",
            discussion: """
                --items reads JSON lines: {"id": "r001", "label": "positive"} (or "labels": [...] \
                for multilabel, "spans": [{"start": 0, "end": 5, "label": "ORG"}] with Unicode \
                scalar offsets). Every line is checked first; one bad line changes nothing.
                """
        )

        @Argument(help: "The project.") var project: String
        @Flag(help: "Take answers from the reference labels that came with the dataset.") var fromReference = false
        @Option(help: ArgumentHelp("A JSON lines file of answers.", valueName: "file")) var items: String?
        @Option(help: "With --from-reference: how many items to pick at random (default: all).") var count: Int?
        @Option(help: "Seed of that pick.") var seed: UInt64 = 1
        @Option(help: "Also set the gold rate (0 to 1).") var rate: Double?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard fromReference != (items != nil) else { throw ValidationError("Give exactly one of --from-reference and --items FILE.") }
            if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
            if let rate, !(0...1).contains(rate) { throw ValidationError("--rate must be between 0 and 1.") }
        }

        func run() throws {
            let database = try store.openExisting()
            let answers = if let items { try GoldFile.read(items) } else { try database.referenceGold(project: project, count: count, seed: seed) }
            let outcome = try database.addGold(project: project, answers: answers, rate: rate)
            print("\(outcome.added) gold item\(outcome.added == 1 ? "" : "s") added, \(outcome.updated) updated; "
                  + "\(TerminalText.visible(project)) has \(outcome.total), served at \(StatsRenderer.percent(outcome.rate)) of items.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a project's gold items and their answers.")
        @Argument(help: "The project.") var project: String
        @Flag(help: "Print JSON instead of a table.") var json = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let gold = try store.openExisting().goldItems(project: project)
            if json { return try JSONOutput.print(gold) }
            guard !gold.isEmpty else { return print("\(TerminalText.visible(project)) has no gold items. Add some with: gloss gold add") }
            var table = TextTable(headers: ["ITEM", "ANSWER", "SOURCE"])
            for item in gold {
                table.append([item.id, AnnotationValue(json: item.answer)?.summary ?? item.answer, item.source])
            }
            print(table.render())
        }
    }

    struct Rate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show or set the share of served items that are gold.")
        @Argument(help: "The project.") var project: String
        @Argument(help: "The new rate, 0 to 1 (0 stops serving gold).") var rate: Double?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.openExisting()
            if let rate { try database.setGoldRate(project: project, rate: rate) }
            let count = try database.goldItems(project: project).count
            print("\(TerminalText.visible(project)) serves gold at \(StatsRenderer.percent(try database.goldRate(project: project))) of items "
                  + "(\(count) gold item\(count == 1 ? "" : "s")).")
        }
    }
}
