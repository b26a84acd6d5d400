import ArgumentParser
import Foundation
import GlossClassifier
import GlossApp
import GlossCore
import GlossStore

extension Gloss {
    struct ProjectCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "project",
            abstract: "Create and inspect projects: a dataset labeled under a guide.",
            discussion: """
                Examples:
                  gloss project create reviews --dataset reviews --guide guides/sentiment.md
                  gloss project show reviews
                """,
            subcommands: [Create.self, Show.self, Order.self, Overlap.self]
        )
    }

    struct Projects: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            let projects = try store.openExisting().projects()
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
}

extension Gloss.ProjectCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a project; the guide (which must lint clean) becomes version 1.",
            discussion: """
                Examples:
                  gloss project create reviews --dataset reviews --guide guides/sentiment.md
                  gloss project create ner --dataset entities --guide guides/entities.md --overlap 2
                """
        )

        @Argument(help: "The project name.") var name: String
        @Option(help: "The dataset to label.") var dataset: String
        @Option(help: ArgumentHelp("The guide file.", valueName: "file")) var guide: String
        @Option(help: "How many different annotators label each item.") var overlap = 1
        @Option(help: ArgumentHelp("The labeler's default item order: \(ItemOrder.names).", valueName: "order"))
        var order: ItemOrder = .sequential
        @Option(help: "Who creates it (default: the login name).") var author: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            try NameRule.validate(name, what: "project", hint: "give one as gloss project create NAME")
            guard overlap >= 1 else { throw ValidationError("--overlap must be at least 1.") }
        }

        func run() throws {
            let parsed = try GuideSource.cleanGuide(file: guide)
            let project = try store.openExisting().createProject(
                name: name, dataset: dataset, guide: parsed, author: author ?? LoginName.current, overlap: overlap,
                itemOrder: order)
            print("Created project \"\(TerminalText.visible(project.name))\" on dataset \"\(TerminalText.visible(project.dataset))\" (\(NumberText.grouped(project.items)) items, task \(project.task.rawValue), \(parsed.labels.count) labels, guide version 1).")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a project: dataset, task, overlap, counts, guide version and labels.",
            discussion: """
                Examples:
                  gloss project show reviews
                  gloss project show reviews --json
                """
        )

        @Argument(help: "The project.") var name: String
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
            let database = try store.openExisting()
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

        @Argument(help: "The project.") var name: String
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

    struct Order: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or set the order the labeler serves a project's items in.",
            discussion: """
                sequential: dataset order. random: a random undecided item. uncertain: the item \
                the model is least sure about. confident: the surest first, to confirm quickly. \
                `gloss label --order` and `:order NAME` in the labeler override it for a session.

                Examples:
                  gloss project order reviews
                  gloss project order reviews uncertain
                """
        )

        @Argument(help: "The project.") var name: String
        @Argument(help: ArgumentHelp("The new default order: \(ItemOrder.names).", valueName: "order"))
        var order: ItemOrder?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.openExisting()
            guard let order else {
                return print(try database.project(named: name).itemOrder.rawValue)
            }
            let project = try database.setItemOrder(project: name, order: order)
            print("Project \"\(TerminalText.visible(project.name))\" now serves items in \(order.rawValue) order.")
        }
    }
}
