import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension GuideCommand {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a guide file as the project's next version.",
            discussion: """
                The file must lint clean. Publishing the current text again changes nothing. \
                Removing or renaming a label that annotations use is refused unless --allow-removal.

                Examples:
                  gloss guide publish reviews guides/sentiment.md -m "Sarcasm is negative"
                """
        )

        @Argument(help: "The project.", completion: .projects) var project: String
        @Argument(help: ArgumentHelp("The guide file.", valueName: "file")) var file: String
        @Option(name: .shortAndLong, help: "What changed and why.") var message: String
        @Option(help: "Who publishes (default: the login name).") var author: String?
        @Flag(help: "Publish even if used labels are removed or renamed.") var allowRemoval = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let guide = try GuideSource.cleanGuide(file: file)
            let outcome = try store.openExisting().publishGuide(
                project: project, guide: guide, author: author ?? LoginName.current, message: message, allowRemoval: allowRemoval)
            PublishReport.print(outcome, project: project)
        }
    }
}
