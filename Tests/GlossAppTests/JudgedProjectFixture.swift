import Foundation
import GlossCore
import GlossFormats
import GlossStore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import GlossTUI
import Testing
@testable import GlossApp

/// A store in a temporary directory with items imported and one project of a judging kind
/// (pairwise, rating, ranking, text) over them: the set-up the judging project tests share,
/// with what they do to it (annotation lines in, exports out, stored values read back, a
/// review run on a fake terminal).
struct JudgedProjectFixture {
    let dir: TemporaryDirectory
    let store: GlossDatabase
    let project: String
    let dataset: String
    let guide: Guide

    /// Imports the items file that `items` names (given the directory, so a test can write
    /// one there; the sample preference items by default) as `dataset`, and creates
    /// `project` over it under the guide file at `guidePath`.
    init(guide guidePath: String, project: String = "prefs", dataset: String = "prefs", overlap: Int = 1,
         items: (TemporaryDirectory) throws -> String = { _ in Samples.path("preference.jsonl") }) throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        self.project = project
        self.dataset = dataset
        try store.importItems(ImportRequest(dataset: dataset, sources: [ImportSource(path: try items(dir))]))
        guide = try GuideFile.cleanGuide(file: guidePath) { _ in }
        try store.createProject(name: project, dataset: dataset, guide: guide, author: "lead", overlap: overlap)
    }

    /// Imports annotation lines (one JSON object each) into the project from a file `name`.
    func annotate(_ lines: [String], name: String = "annotations.jsonl") throws {
        try store.importAnnotations(project: project, from: dir.write(name, lines.joined(separator: "\n")))
    }

    /// Exports the project into the directory `name` of the temporary directory.
    func export(_ format: ExportFormat, to name: String, policy: ConsensusPolicy = .majority,
                split: SplitPlan? = nil, ktoThreshold: Int? = nil) throws -> ExportRun.Outcome {
        try ExportRun.run(ExportRun.Request(project: project, format: format, destination: dir.path(name),
                                            query: ExportQuery(policy: policy, split: split), ktoThreshold: ktoThreshold),
                          database: store)
    }

    /// The JSON objects of a JSON Lines file under the temporary directory.
    func rows(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: dir.path(path), encoding: .utf8).split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// Creates the project `name` over the same dataset under the same guide (a round trip's
    /// destination).
    func createCopy(named name: String = "copy") throws {
        try store.createProject(name: name, dataset: dataset, guide: guide, author: "lead")
    }

    /// The stored values of `project`'s decisions in item order, as their raw JSON.
    func storedValues(of project: String) throws -> [String?] {
        try SQLiteShell(dir.path("gloss.db")).column("""
            SELECT a.value FROM annotations a JOIN projects p ON p.id = a.project_id WHERE p.name = '\(project)'
            ORDER BY a.item_id
            """).map(\.string)
    }

    /// Runs the review screen over the project's disagreements with `keys` on a 100×30 fake
    /// terminal; the terminal keeps the frames drawn.
    func reviewDisagreements(_ keys: [Key]) throws -> (exit: ProgramExit, terminal: FakeTerminal) {
        let entries = try store.reviewList(project: project, scope: .disagreements)
        let terminal = FakeTerminal(width: 100, height: 30, keys: keys)
        let state = ReviewState(project: project, guide: guide, reviewer: "lead", kind: .disagreements, blind: false,
                                task: TaskKinds.kind(for: guide.task).review, entries: entries, width: 100, height: 30)
        let handler = ReviewEffects(database: store, project: project, reviewer: "lead",
                                    clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        let runtime = ProgramRuntime<Review, ReviewEffects, FakeTerminal>(state: state, handler: handler, terminal: terminal)
        return (runtime.run(), terminal)
    }
}

extension JudgedProjectFixture {
    /// Two judges, ana and bo, on the sample preference items (a pairwise project with
    /// overlap 2), their judgments imported with the sides each saw: p001 both prefer
    /// atlas-7b on different sides, p002 they disagree, p003 a tie against a win; `more`
    /// lines follow.
    static func twoJudges(more: [String] = []) throws -> JudgedProjectFixture {
        let fixture = try JudgedProjectFixture(guide: Samples.fixture("pairwise-only.md"), overlap: 2)
        try fixture.annotate([
            #"{"item":"p001","annotator":"ana","winner":"atlas-7b","left":"borealis-13b","right":"atlas-7b"}"#,
            #"{"item":"p001","annotator":"bo","winner":"atlas-7b","left":"atlas-7b","right":"borealis-13b"}"#,
            #"{"item":"p002","annotator":"ana","winner":"atlas-7b","left":"atlas-7b","right":"borealis-13b"}"#,
            #"{"item":"p002","annotator":"bo","winner":"borealis-13b","left":"borealis-13b","right":"atlas-7b"}"#,
            #"{"item":"p003","annotator":"ana","outcome":"tie","left":"borealis-13b","right":"atlas-7b"}"#,
            #"{"item":"p003","annotator":"bo","winner":"atlas-7b","left":"borealis-13b","right":"atlas-7b"}"#,
        ] + more, name: "judged.jsonl")
        return fixture
    }
}
