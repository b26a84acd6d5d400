import Foundation
import GlossCore
@testable import GlossStore
import GlossTestSupport
import Testing

@Suite("A labeling session's WAL checkpoints run off its saves")
struct WALCheckpointTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase
    let backend: SQLiteBackend

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        try store.importFiles([dir.write("r.jsonl", jsonLines(400, prefix: "r"))], into: "reviews")
        try store.createProject(name: "sent", dataset: "reviews",
                                guide: #require(GuideParser.lint(ProjectGuideTests.v1).guide), author: "lead")
        backend = try #require(store.backend as? SQLiteBackend)
    }

    /// Labels every item, calling `between` after each save; returns the checkpointer.
    private func labelAll(between: (WALCheckpointer) -> Void) throws -> WALCheckpointer {
        #expect(try backend.automaticCheckpointPages() == Int(WALCheckpointer.threshold))
        let session = try LabelingSession.start(database: store, project: "sent", annotator: "a", host: "h",
                                                terminalWidth: 80, terminalHeight: 24)
        let checkpointer = try #require(session.companion as? BackgroundCheckpoints).checkpointer
        #expect(try backend.automaticCheckpointPages() == 0)  // the hook replaced SQLite's own
        var item = try session.nextItem()
        while let shown = item {
            let now = Date()
            item = try session.save(DecisionInput(itemRowID: shown.rowID, kind: .label, value: .label("positive"),
                                                  shownAt: now, decidedAt: now, activeMilliseconds: 900, keystrokes: 1),
                                    stats: KeystrokeStats()).next
            between(checkpointer)
        }
        try session.finish(reason: "quit", stats: KeystrokeStats(), peakRSSKilobytes: nil)
        #expect(try backend.automaticCheckpointPages() == Int(WALCheckpointer.threshold))
        #expect(try store.int("SELECT COUNT(*) FROM annotations") == 400)
        return checkpointer
    }

    @Test func withAPauseBetweenSavesTheThreadCheckpointsAndTheWALRestartsAtTheThreshold() throws {
        // 400 saves of a dozen pages or more pass 1,000 pages several times over.
        let checkpointer = try labelAll { $0.waitUntilIdle() }
        #expect(checkpointer.checkpointsRun >= 3)
        #expect(checkpointer.longestWALFrames < WALCheckpointer.threshold + 100)
    }

    @Test func savesBackToBackStillLetTheWALRestartAndFinishingStopsTheThread() throws {
        // The checkpoints run beside the writes and cannot catch up; from twice the
        // threshold one waits its turn on the writer, and the WAL restarts.
        let checkpointer = try labelAll { _ in }
        #expect(checkpointer.checkpointsRun >= 1)
        #expect(checkpointer.longestWALFrames < 3 * WALCheckpointer.threshold)
        let deadline = Date().addingTimeInterval(10)
        while !checkpointer.hasStopped, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(checkpointer.hasStopped)
    }
}
