import Foundation
import GlossCore
import GlossStore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import GlossTUI
import Testing
@testable import GlossApp

@Suite struct ReviewEffectsTests {
    @Test func theRuntimeStoresAnAdjudicationAndUndoesIt() throws {
        let store = try GlossDatabase.inMemory()
        let dir = try TemporaryDirectory()
        _ = try store.importItems(ImportRequest(dataset: "d", sources: [ImportSource(path: try dir.write("d.jsonl", """
            {"id":"a","text":"Great screen, dead battery."}
            {"id":"b","text":"Fine."}

            """))]))
        let guide = try #require(GuideParser.lint(String(contentsOfFile: Samples.guide("sentiment.md"), encoding: .utf8)).guide)
        try store.createProject(name: "rev", dataset: "d", guide: guide, author: "lead", overlap: 2)
        try store.decide(project: "rev", itemID: "a", annotator: "ana", value: .label("negative"))
        try store.decide(project: "rev", itemID: "a", annotator: "ben", value: .label("mixed"))
        let entries = try store.reviewList(project: "rev", scope: .disagreements)
        let terminal = FakeTerminal(width: 80, height: 24, keys: [.character("m"), .character("u"), .backspace, .character("q")])
        var checks: [String] = []
        terminal.beforeDelivering = { _ in
            checks.append((try? store.adjudications(project: "rev").map(\.value.summary).joined(separator: ",")) ?? "error")
        }
        let state = ReviewState(project: "rev", guide: guide, reviewer: "lead", kind: .disagreements,
                                blind: false, task: TaskKinds.kind(for: .classify).review, entries: entries, width: 80, height: 24)
        let handler = ReviewEffects(database: store, project: "rev", reviewer: "lead", clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        let runtime = ProgramRuntime<Review, ReviewEffects, FakeTerminal>(state: state, handler: handler, terminal: terminal)
        #expect(runtime.run() == .quit)
        // Before m: nothing; before u: mixed; before Backspace: mixed (u on the summary screen
        // is neutral's key but there is no item); before q: undone.
        #expect(checks == ["", "mixed", "mixed", ""])
        #expect(terminal.frames.contains { $0.plainText.contains("adjudicated #a · mixed") })
        #expect(terminal.lastFrame?.plainText.contains("undone #a · mixed · no final answer now") == true)
        #expect(try store.currentAdjudication(project: "rev", itemRowID: entries[0].itemRowID) == nil)
    }
}
