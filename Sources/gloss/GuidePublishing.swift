import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension Gloss.GuideCommand {
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

        @Argument(help: "The project.") var project: String
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

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a project's guide versions, oldest first.",
            discussion: """
                Examples:
                  gloss guide log reviews
                  gloss guide log reviews --json
                """
        )

        @Argument(help: "The project.") var project: String
        @Flag(help: "Print JSON instead of a table.") var json = false
        @OptionGroup var store: StoreOptions

        struct Entry: Encodable {
            var version: Int
            var sha256: String
            var author: String
            var message: String
            var createdAt: Date
        }

        func run() throws {
            let versions = try store.openExisting().guideVersions(project: project)
            if json {
                return try JSONOutput.print(versions.map { Entry(version: $0.version, sha256: $0.sha256, author: $0.author, message: $0.message, createdAt: $0.createdAt) })
            }
            var table = TextTable(headers: ["VERSION", "PUBLISHED", "AUTHOR", "SHA256", "MESSAGE"], alignments: [.right])
            for v in versions {
                table.append([String(v.version), HumanDate.format(v.createdAt), v.author, String(v.sha256.prefix(12)), v.message])
            }
            print(table.render())
        }
    }
}

/// What `publish` and `edit` print after publishing.
enum PublishReport {
    static func print(_ outcome: PublishOutcome, project: String) {
        switch outcome {
        case .unchanged(let version):
            Swift.print("The guide is identical to version \(version) of \"\(project)\"; nothing was published.")
        case let .published(version, changes):
            Swift.print("Published version \(version) of the guide of \"\(project)\".")
            for line in changes.summary { Swift.print("  \(TerminalText.visible(line))") }
        }
    }
}
