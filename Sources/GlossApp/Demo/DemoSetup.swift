import Foundation
import GlossCore
import GlossStore

/// The demo's store: the sample reviews as the dataset "demo-reviews" and the project "demo"
/// with the sentiment guide, or (the judging demo) the sample preference items as the
/// dataset "demo-prefs" and the project "demo-judging" with the preference guide (a
/// judgment, then a quality rating of each answer); both from the copies built into the
/// binary (`DemoFiles`), so `gloss demo` needs no repository and works from any folder.
public enum DemoSetup {
    /// One demo: its project, dataset, sample and guide.
    public struct Demo: Sendable {
        public let project: String
        public let dataset: String
        /// How the import log and the first run's message name the built-in samples.
        public let samplesName: String
        public let guideName: String
        let samples: String
        let fileName: String
        let guideText: String
        let fields: ImportFields

        public static let reviews = Demo(
            project: "demo", dataset: "demo-reviews", samplesName: "samples/reviews.jsonl (built into gloss)",
            guideName: "guides/sentiment.md (built into gloss)", samples: DemoFiles.reviews, fileName: "reviews.jsonl",
            guideText: DemoFiles.guide, fields: ImportFields(label: "label"))

        public static let judging = Demo(
            project: "demo-judging", dataset: "demo-prefs", samplesName: "samples/preference.jsonl (built into gloss)",
            guideName: "guides/preference.md (built into gloss)", samples: DemoFiles.preferences,
            fileName: "preference.jsonl", guideText: DemoFiles.preferenceGuide, fields: ImportFields())
    }

    public static let project = Demo.reviews.project
    public static let dataset = Demo.reviews.dataset
    public static let samplesName = Demo.reviews.samplesName
    public static let guideName = Demo.reviews.guideName

    /// Opens the store at `path` and creates the demo's dataset and project when they are
    /// missing; `created` says whether this run created the project. A store file this call
    /// created is removed again when the set-up fails, so a failed first run leaves no empty
    /// store behind.
    public static func open(path: String, author: String, demo: Demo = .reviews) throws -> (database: GlossDatabase, created: Bool) {
        try open(path: path, author: author, demo: demo, guideText: demo.guideText)
    }

    /// `open` with another guide text: tests give one that fails to lint.
    static func open(path: String, author: String, demo: Demo = .reviews,
                     guideText: String) throws -> (database: GlossDatabase, created: Bool) {
        let existed = FileManager.default.fileExists(atPath: path)
        do {
            return try prepare(path: path, author: author, demo: demo, guideText: guideText)
        } catch {
            if !existed { removeStore(at: path) }
            throw error
        }
    }

    private static func prepare(path: String, author: String, demo: Demo,
                                guideText: String) throws -> (database: GlossDatabase, created: Bool) {
        let database = try GlossDatabase.open(path: path)
        if try database.projects().contains(where: { $0.name == demo.project }) { return (database, false) }
        if try !database.datasets().contains(where: { $0.name == demo.dataset }) {
            try importSamples(demo, into: database)
        }
        let lint = GuideParser.lint(guideText)
        guard let guide = lint.guide, lint.isClean else {
            throw UseCaseFailure("the demo's built-in guide does not lint clean; this is a bug in this build of gloss.")
        }
        _ = try database.createProject(name: demo.project, dataset: demo.dataset, guide: guide, author: author)
        return (database, true)
    }

    /// Imports the built-in samples through a temporary file, as `gloss import` would read them.
    private static func importSamples(_ demo: Demo, into database: GlossDatabase) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("gloss-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(demo.fileName)
        try Data(demo.samples.utf8).write(to: file)
        _ = try database.importItems(ImportRequest(dataset: demo.dataset,
                                                   sources: [ImportSource(path: file.path, loggedAs: demo.samplesName)],
                                                   fields: demo.fields))
    }

    /// Removes a store file and its WAL companions.
    private static func removeStore(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// The sample files the demo uses, embedded by Scripts/embed-demo-files.sh
/// (DemoFiles+Embedded.swift); a test checks they equal the repository's files.
public enum DemoFiles {}
