import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension GuideCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a project's guide versions, oldest first.",
            discussion: """
                Examples:
                  gloss guide log reviews
                  gloss guide log reviews --json
                """
        )

        @Argument(help: "The project.", completion: .projects) var project: String
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
            let versions = try store.openForReading().guideVersions(project: project)
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
