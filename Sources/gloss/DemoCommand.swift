import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

/// `gloss demo`: a ready project on sample data, opened in the labeler.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the labeler on sample app reviews (creates ./gloss-demo.db, or reuses it).",
        discussion: """
            The first run imports samples/reviews.jsonl as the dataset "demo-reviews" and \
            creates the project "demo" with guides/sentiment.md; later runs reuse them and \
            resume where you left off. Keys: p positive, n negative, u neutral, m mixed, \
            - skip, Backspace undo, Tab the guide, ? every key, q quit.

            Examples:
              gloss demo
              gloss demo --as kim
              gloss demo --db /tmp/try.db
            """
    )

    @Option(name: .customLong("db"), help: ArgumentHelp("The demo store.", valueName: "path"))
    var db = "gloss-demo.db"

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is labeling (default: the login name).", valueName: "name"))
    var annotator: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colors (also when NO_COLOR is set).")
    var noColor = false

    static let project = "demo"
    static let dataset = "demo-reviews"

    func run() throws {
        let database = try GlossDatabase.open(path: db)
        if try !database.projects().contains(where: { $0.name == Self.project }) {
            let files = try DemoFiles.locate()
            if try !database.datasets().contains(where: { $0.name == Self.dataset }) {
                _ = try database.importItems(ImportRequest(dataset: Self.dataset, sources: [ImportSource(path: files.reviews)],
                                                          fields: ImportFields(label: "label")))
            }
            let guide = try GuideSource.cleanGuide(file: files.guide)
            try database.createProject(name: Self.project, dataset: Self.dataset, guide: guide, author: LoginName.current)
            print("Created \(db): dataset \(Self.dataset) from \(files.reviews), project \(Self.project) with \(files.guide).")
        }
        try LabelingScreen.run(database: database, project: Self.project, annotator: annotator ?? LoginName.current, noColor: noColor)
    }
}

/// Finds the sample dataset and guide that ship in the repository: under the current
/// folder or any folder above the executable (so `swift run` and `.build/…/gloss` work).
enum DemoFiles {
    static func locate() throws -> (reviews: String, guide: String) {
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        if !CommandLine.arguments[0].contains("/"), let found = pathLookup(CommandLine.arguments[0]) { url = found }
        while url.path != "/" {
            url.deleteLastPathComponent()
            candidates.append(url)
        }
        for base in candidates {
            let reviews = base.appendingPathComponent("samples/reviews.jsonl").path
            let guide = base.appendingPathComponent("guides/sentiment.md").path
            if FileManager.default.fileExists(atPath: reviews), FileManager.default.fileExists(atPath: guide) {
                return (relative(reviews), relative(guide))
            }
        }
        throw CommandFailure("the demo needs samples/reviews.jsonl and guides/sentiment.md from the Gloss repository; run it from the repository's folder.")
    }

    static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }

    static func pathLookup(_ name: String) -> URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.resolvingSymlinksInPath() }
        }
        return nil
    }
}
