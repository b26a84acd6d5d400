import ArgumentParser
import Foundation
import GlossClassifier
import GlossApp
import GlossCore
import GlossStore

struct ProjectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projects",
        abstract: "List the projects.",
        discussion: """
            Examples:
              gloss projects
              gloss projects --json
            """
    )

    @Flag(help: "Print JSON instead of a table.") var json = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let projects = try store.openForReading().projects()
        if json { return try JSONOutput.print(projects) }
        guard !projects.isEmpty else {
            return print("No projects yet. Create one with: gloss project create NAME --dataset D --guide FILE")
        }
        var table = TextTable(headers: ["NAME", "DATASET", "TASK", "ITEMS", "ANNOTATIONS", "GUIDE", "OVERLAP"],
                              alignments: [.left, .left, .left, .right, .right, .right, .right])
        for p in projects {
            table.append([p.name, p.dataset, p.task.rawValue, NumberText.grouped(p.items), NumberText.grouped(p.annotations), "v\(p.guideVersion)", String(p.overlap)])
        }
        print(table.render())
    }
}
