import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

@Suite("Labeling sessions: queue, decisions, undo, history, search")
struct LabelingSessionTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        try store.importFiles([dir.write("r.jsonl", jsonLines(6, prefix: "r"))], into: "reviews")
        try store.createProject(name: "sent", dataset: "reviews",
                                guide: #require(GuideParser.lint(ProjectGuideTests.v1).guide), author: "lead")
    }

    func session(_ annotator: String = "ann") throws -> LabelingSession {
        try LabelingSession.start(database: store, project: "sent", annotator: annotator, host: "h",
                                  terminalWidth: 80, terminalHeight: 24)
    }

    func decide(_ s: LabelingSession, _ item: StoredItem, _ label: String, replaces: Int64? = nil) throws -> SaveOutcome {
        try s.save(DecisionInput(itemRowID: item.rowID, kind: .label, value: .label(label), shownAt: Date(),
                                 decidedAt: Date(), activeMilliseconds: 1200, keystrokes: 1, replaces: replaces),
                   stats: KeystrokeStats(keystrokes: 1, p50Milliseconds: 0.5, p99Milliseconds: 0.9))
    }

    func rows(_ sql: String) throws -> [SQLiteRow] {
        try store.file.rows(sql)
    }

    @Test func theQueueServesItemsInOrderAndResumesAfterReopening() throws {
        let s = try session()
        #expect(s.total == 6 && s.decidedAtStart == 0)
        let first = try #require(try s.nextItem())
        #expect(first.externalID == "r-1" && first.decision == nil)
        let outcome = try decide(s, first, "positive")
        #expect(outcome.decided == 1 && !outcome.replaced)
        let second = try #require(try s.nextItem())
        #expect(second.externalID == "r-2" && outcome.next?.rowID == second.rowID)
        _ = try decide(s, second, "negative")
        let reopened = try session()
        #expect(reopened.decidedAtStart == 2)
        #expect(try reopened.nextItem()?.externalID == "r-3")
        // With the default overlap of 1, another annotator gets neither the decided items
        // nor r-3, which the first annotator's open sessions claim.
        #expect(try session("other").nextItem()?.externalID == "r-4")
    }

    @Test func aJumpedDecisionDoesNotMoveTheQueueAndIsSkippedLater() throws {
        let s = try session()
        let fourth = try #require(try s.item(externalID: "r-4"))
        _ = try decide(s, fourth, "neutral")
        #expect(try s.nextItem()?.externalID == "r-1")
        for id in ["r-1", "r-2", "r-3"] { _ = try decide(s, #require(try s.item(externalID: id)), "positive") }
        #expect(try s.nextItem()?.externalID == "r-5")
        #expect(try session().decidedAtStart == 4)
    }

    @Test func undoSupersedesNeverDeletesAndReturnsTheItem() throws {
        let s = try session()
        let first = try #require(try s.nextItem())
        _ = try decide(s, first, "positive")
        let undone = try #require(try s.undoLast(stats: KeystrokeStats()))
        #expect(undone.item.externalID == "r-1" && undone.item.decision == nil)
        #expect(undone.decided == 0)
        #expect(try s.nextItem()?.externalID == "r-1")
        let all = try rows("SELECT value, undone_at FROM annotations")
        #expect(all.count == 1)
        #expect(all[0]["undone_at"].string != nil)
        #expect(try s.undoLast(stats: KeystrokeStats()) == nil)
    }

    @Test func aChangeSupersedesAndUndoingItRestoresTheEarlierDecision() throws {
        let s = try session()
        let first = try #require(try s.nextItem())
        let original = try decide(s, first, "positive")
        let change = try decide(s, #require(try s.item(rowID: first.rowID)), "negative", replaces: original.annotationID)
        #expect(change.replaced && change.decided == 1)
        #expect(try s.item(rowID: first.rowID)?.decision?.value == .label("negative"))
        let superseded = try rows("SELECT superseded_by FROM annotations WHERE id = \(original.annotationID)")
        #expect(superseded[0]["superseded_by"].int64 == change.annotationID)
        let restored = try #require(try s.undoLast(stats: KeystrokeStats()))
        #expect(restored.item.decision?.annotationID == original.annotationID)
        #expect(restored.item.decision?.value == .label("positive"))
        #expect(restored.decided == 1)
    }

    @Test func historyWalksCurrentDecisionsBothWays() throws {
        let s = try session()
        var ids: [Int64] = []
        for _ in 0..<3 { ids.append(try decide(s, #require(try s.nextItem()), "positive").annotationID) }
        let newest = try #require(try s.history(before: nil))
        #expect(newest.annotationID == ids[2] && newest.item.externalID == "r-3")
        #expect(newest.item.decision?.value == .label("positive"))
        #expect(try s.history(before: ids[2])?.item.externalID == "r-2")
        #expect(try s.history(before: ids[0]) == nil)
        #expect(try s.history(after: ids[0])?.item.externalID == "r-2")
        #expect(try s.history(after: ids[2]) == nil)
    }

    @Test func searchFindsTheNextMatchAndWrapsAround() throws {
        let s = try session()
        let r2 = try #require(try s.item(externalID: "r-2"))
        let found = try #require(try s.search(r2.text.uppercased(), after: nil))
        #expect(found.externalID == "r-2")
        #expect(try s.search(r2.text, after: r2.rowID)?.externalID == "r-2")
        #expect(try s.search("no such text anywhere", after: nil) == nil)
    }

    @Test func everyDecisionCarriesItsMeasuresAndTheSessionItsCounts() throws {
        let s = try session()
        let item = try #require(try s.nextItem())
        try s.save(DecisionInput(itemRowID: item.rowID, kind: .skip, value: nil, comment: "unclear",
                                 shownAt: Date(timeIntervalSince1970: 100), decidedAt: Date(timeIntervalSince1970: 103),
                                 activeMilliseconds: 2900, keystrokes: 4, suggestion: .label("positive"), suggestionAccepted: false),
                   stats: KeystrokeStats(keystrokes: 4, p50Milliseconds: 0.4, p99Milliseconds: 1.5, maxMilliseconds: 2))
        let row = try #require(try rows("SELECT * FROM annotations").first)
        #expect(row["kind"].string == "skip")
        #expect(row["comment"].string == "unclear")
        #expect(row["active_ms"].int == 2900 && row["keystrokes"].int == 4)
        #expect(row["guide_version"].int == 1 && row["session_id"].int64 == s.sessionID)
        #expect(row["suggestion"].string == #"{"label":"positive"}"# && row["suggestion_accepted"].bool == false)
        try s.finish(reason: "quit", stats: KeystrokeStats(keystrokes: 5, p50Milliseconds: 0.4, p99Milliseconds: 1.5), peakRSSKilobytes: 1000)
        let record = try #require(try store.sessions(project: "sent").first)
        #expect(record.skips == 1 && record.labels == 0 && record.keystrokes == 5)
        #expect(record.keyP99Milliseconds == 1.5 && record.endReason == "quit" && record.peakRSSKilobytes == 1000)
    }

    @Test func spansAreStoredWithTheirText() throws {
        let s = try session()
        let item = try #require(try s.nextItem())
        try s.save(DecisionInput(itemRowID: item.rowID, kind: .label, value: .spans([LabeledRange(start: 0, end: 4, label: "positive")]),
                                 shownAt: Date(), decidedAt: Date()), stats: KeystrokeStats())
        let value: String = try #require(try rows("SELECT value FROM annotations").first?["value"].string)
        let prefix = String(item.text.unicodeScalars.prefix(4))
        #expect(value == #"{"spans":[{"start":0,"end":4,"label":"positive","text":""# + prefix + #""}]}"#)
        #expect(AnnotationValue(json: value) == .spans([LabeledRange(start: 0, end: 4, label: "positive")]))
    }
}
