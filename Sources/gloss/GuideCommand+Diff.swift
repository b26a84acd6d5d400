import ArgumentParser
import Foundation
import GlossCore
import GlossStore

extension GuideCommand {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two versions of a project's guide.",
            discussion: """
                With no versions, compares the latest with the one before; with one, that version \
                with the latest. Prints a summary of label changes, then a unified diff.

                Examples:
                  gloss guide diff reviews
                  gloss guide diff reviews 1 3
                """
        )

        @Argument(help: "The project.", completion: .projects) var project: String
        @Argument(help: "The older version.", completion: .guideVersions(after: "diff")) var from: Int?
        @Argument(help: "The newer version.", completion: .guideVersions(after: "diff")) var to: Int?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.openForReading()
            let latest = try database.guideVersion(project: project)
            let new = try to.map { try database.guideVersion(project: project, version: $0) } ?? latest
            let oldNumber = from ?? (new.version - 1)
            guard oldNumber >= 1 else {
                return print("\"\(project)\" has only version \(new.version) of its guide; there is nothing to compare.")
            }
            let old = try database.guideVersion(project: project, version: oldNumber)
            print("Label changes from version \(old.version) to \(new.version):")
            if let a = GuideParser.lint(old.text).guide, let b = GuideParser.lint(new.text).guide {
                let summary = GuideChanges.between(a, b).summary
                for line in summary.isEmpty ? ["none"] : summary { print("  \(TerminalText.visible(line))") }
            }
            print("")
            print(TerminalText.visible(TextDiff.unified(old.text, new.text, oldName: "\(project) v\(old.version)", newName: "\(project) v\(new.version)")), terminator: "")
        }
    }
}
