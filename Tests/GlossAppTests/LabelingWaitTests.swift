import Foundation
import GlossCore
import GlossStore
import GlossTerminal
import GlossTestSupport
import GlossTUI
import Testing
@testable import GlossApp

/// The labeler against a store another process holds locked: the screen says it waits,
/// ignores the keys typed meanwhile, and a signal ends the run at once with the decision
/// reported as not saved.
@Suite("The labeler while another process holds the store", .serialized)
struct LabelingWaitTests {
    @Test func aSignalDuringALockedSaveEndsTheRunAtOnceAndNothingIsStored() throws {
        let fixture = try LabelingRunTests()
        let path = fixture.dir.path("g.db")
        let terminal = FakeTerminal()
        var lock: SQLiteWriteLock?
        var step = 0
        var pressedAt: Date?
        var signalledAt: Date?
        terminal.whenEmpty = {
            Thread.sleep(forTimeInterval: 0.02)
            step += 1
            switch step {
            case 10:  // the first item has been on screen for 0.2 s: take the lock, then decide
                lock = try? SQLiteWriteLock(path: path)
                pressedAt = Date()
                return [.key(.character("p"))]
            case 20, 25:
                return [.key(.character("n"))]  // typed while the save waits
            case 60:
                signalledAt = Date()
                return [.interrupted(signal: SIGTERM)]
            default:
                return [.timeout]
            }
        }
        let options = LabelingRun.Options(annotator: "ana", model: false, host: "test")
        let run = try LabelingRun(database: fixture.store, project: "rev", options: options, terminalSize: terminal.size)
        let summary = try withTerminal(terminal) { try run.run(on: $0, colors: false) }
        let ended = Date()
        lock?.release()
        #expect(lock != nil, "another process held the write lock")
        #expect(summary.exit == .interrupted(signal: SIGTERM))
        #expect(summary.unsaved == "positive")
        #expect(ended.timeIntervalSince(try #require(signalledAt)) < 1, "the signal acted within a second")
        let waitingFrame = terminal.frames.first { $0.plainText.contains("waiting for the store:") }
        #expect(waitingFrame != nil, "the screen said it was waiting")
        #expect(terminal.frames.contains { $0.plainText.contains("n ignored") })
        #expect(try fixture.values().isEmpty, "nothing was stored")
        _ = pressedAt
    }
}
