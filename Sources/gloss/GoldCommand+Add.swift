import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension GoldCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make items gold, with answers from the dataset's reference labels or a file.",
            discussion: """
                --items reads JSON lines: {"id": "r001", "label": "positive"} (or "labels": [...] \
                for multilabel, "spans": [{"start": 0, "end": 5, "label": "ORG"}] with Unicode \
                scalar offsets). Every line is checked first; one bad line changes nothing.
                """
        )

        @Argument(help: "The project.", completion: .projects) var project: String
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
            let answers: GoldAdding.Answers = if let items { .file(items) } else { .reference(count: count, seed: seed) }
            let outcome = try GoldAdding.add(answers, to: project, rate: rate, in: database)
            print("\(outcome.added) gold item\(outcome.added == 1 ? "" : "s") added, \(outcome.updated) updated; "
                  + "\(TerminalText.visible(project)) has \(outcome.total), served at \(StatsRenderer.percent(outcome.rate)) of items.")
        }
    }
}
