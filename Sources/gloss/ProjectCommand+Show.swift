import ArgumentParser
import Foundation
import GlossClassifier
import GlossApp
import GlossCore
import GlossStore

extension ProjectCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a project: dataset, task, overlap, counts, guide version and labels.",
            discussion: """
                Examples:
                  gloss project show reviews
                  gloss project show reviews --json
                """
        )

        @Argument(help: "The project.", completion: .projects) var name: String
        @Flag(help: "Print JSON instead of text.") var json = false
        @OptionGroup var store: StoreOptions

        struct Detail: Encodable {
            var project: ProjectSummary
            var guide: GuideInfo
        }

        struct GuideInfo: Encodable {
            var version: Int
            var author: String
            var message: String
            var publishedAt: Date
            var name: String?
            var instructions: String?
            var labels: [GuideLabel]
        }

        func run() throws {
            let database = try store.openForReading()
            let project = try database.project(named: name)
            let version = try database.guideVersion(project: name)
            let guide = GuideParser.lint(version.text).guide
            let info = GuideInfo(version: version.version, author: version.author, message: version.message, publishedAt: version.createdAt,
                                 name: guide?.name, instructions: guide?.instructions, labels: guide?.labels ?? [])
            if json { return try JSONOutput.print(Detail(project: project, guide: info)) }
            var rows = TextTable(headers: ["", ""])
            rows.rows = [
                ["dataset", project.dataset], ["task", project.task.rawValue], ["overlap", String(project.overlap)],
                ["order", project.itemOrder.rawValue],
                ["items", NumberText.grouped(project.items)], ["annotations", NumberText.grouped(project.annotations)],
                ["guide", "version \(version.version) by \(version.author), \(HumanDate.format(version.createdAt)): \(version.message)"],
                ["created", HumanDate.format(project.createdAt)],
            ]
            print("Project \(TerminalText.visible(project.name))")
            print(rows.render(includeHeaders: false))
            print("\nLabels")
            var labels = TextTable(headers: ["KEY", "LABEL", "DESCRIPTION"])
            for label in info.labels { labels.append([label.key.map(String.init) ?? "-", label.name, label.description ?? ""]) }
            print(labels.render())
        }
    }
}
