import Foundation
import GlossCore
import GlossStore

/// The demo's store: the sample reviews as the dataset "demo-reviews" and the project "demo"
/// with the sentiment guide, from the copies built into the binary (`DemoFiles`), so
/// `gloss demo` needs no repository and works from any folder.
public enum DemoSetup {
    public static let project = "demo"
    public static let dataset = "demo-reviews"
    /// How the import log and the first run's message name the built-in samples.
    public static let samplesName = "samples/reviews.jsonl (built into gloss)"
    public static let guideName = "guides/sentiment.md (built into gloss)"

    /// Opens the store at `path` and creates the demo's dataset and project when they are
    /// missing; `created` says whether this run created the project. A store file this call
    /// created is removed again when the set-up fails, so a failed first run leaves no empty
    /// store behind.
    public static func open(path: String, author: String) throws -> (database: GlossDatabase, created: Bool) {
        try open(path: path, author: author, guideText: DemoFiles.guide)
    }

    /// `open` with another guide text: tests give one that fails to lint.
    static func open(path: String, author: String, guideText: String) throws -> (database: GlossDatabase, created: Bool) {
        let existed = FileManager.default.fileExists(atPath: path)
        do {
            return try prepare(path: path, author: author, guideText: guideText)
        } catch {
            if !existed { removeStore(at: path) }
            throw error
        }
    }

    private static func prepare(path: String, author: String, guideText: String) throws -> (database: GlossDatabase, created: Bool) {
        let database = try GlossDatabase.open(path: path)
        if try database.projects().contains(where: { $0.name == project }) { return (database, false) }
        if try !database.datasets().contains(where: { $0.name == dataset }) {
            try importSamples(into: database)
        }
        let lint = GuideParser.lint(guideText)
        guard let guide = lint.guide, lint.isClean else {
            throw UseCaseFailure("the demo's built-in guide does not lint clean; this is a bug in this build of gloss.")
        }
        _ = try database.createProject(name: project, dataset: dataset, guide: guide, author: author)
        return (database, true)
    }

    /// Imports the built-in reviews through a temporary file, as `gloss import` would read them.
    private static func importSamples(into database: GlossDatabase) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("gloss-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("reviews.jsonl")
        try Data(DemoFiles.reviews.utf8).write(to: file)
        _ = try database.importItems(ImportRequest(dataset: dataset, sources: [ImportSource(path: file.path, loggedAs: samplesName)],
                                                   fields: ImportFields(label: "label")))
    }

    /// Removes a store file and its WAL companions.
    private static func removeStore(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// The sample files the demo uses, embedded by Scripts/embed-demo-files.sh
/// (DemoFiles+Embedded.swift); a test checks they equal the repository's files.
public enum DemoFiles {}
