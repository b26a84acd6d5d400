import ArgumentParser
import Foundation
import GlossClassifier
import GlossApp
import GlossCore
import GlossStore

extension ProjectCommand {
    struct Overlap: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or set how many different annotators label each item of a project.",
            discussion: """
                An item goes to at most this many annotators: those who decided it and those \
                whose screen shows it now (a claim that lapses after 10 minutes idle). Gold \
                items (gloss gold) go to everyone.

                Examples:
                  gloss project overlap reviews
                  gloss project overlap reviews 2
                """
        )

        @Argument(help: "The project.", completion: .projects) var name: String
        @Argument(help: "The new overlap (1 or more).") var overlap: Int?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let overlap, overlap < 1 { throw ValidationError("The overlap must be at least 1.") }
        }

        func run() throws {
            let database = try store.openExisting()
            guard let overlap else { return print(try database.project(named: name).overlap) }
            let project = try database.setOverlap(project: name, overlap: overlap)
            print("Each item of \"\(TerminalText.visible(project.name))\" now goes to at most \(overlap) annotator\(overlap == 1 ? "" : "s").")
        }
    }
}
