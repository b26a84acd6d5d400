import Foundation
import GlossCore
import GlossStore
import GlossTasks
import GlossTestSupport
import Testing

@Suite("The shared queue: overlap, claims with leases, gold items, guide updates")
struct ClaimQueueTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        try store.importFiles([dir.write("r.jsonl", jsonLines(8, prefix: "r"))], into: "reviews")
        try store.createProject(name: "sent", dataset: "reviews",
                                guide: #require(GuideParser.lint(ProjectGuideTests.v1).guide), author: "lead", overlap: 2)
        try store.setGoldRate(project: "sent", rate: 0)
    }

    func session(_ annotator: String, lease: TimeInterval = 600) throws -> LabelingSession {
        try LabelingSession.start(database: store, project: "sent", annotator: annotator, host: "h",
                                  terminalWidth: 80, terminalHeight: 24, lease: lease, at: t0)
    }

    @discardableResult
    func decide(_ s: LabelingSession, _ item: StoredItem, _ label: String = "positive", at: Date) throws -> SaveOutcome {
        try s.save(DecisionInput(itemRowID: item.rowID, kind: .label, value: .label(label), shownAt: at, decidedAt: at,
                                 activeMilliseconds: 1000, keystrokes: 1), stats: KeystrokeStats())
    }

    @Test func anItemGoesToAtMostOverlapAnnotatorsCountingClaims() throws {
        let a = try session("a"), b = try session("b"), c = try session("c")
        #expect(try a.nextItem(at: t0)?.externalID == "r-1")
        #expect(try b.nextItem(at: t0)?.externalID == "r-1")  // overlap 2: a second annotator may take it
        #expect(try c.nextItem(at: t0)?.externalID == "r-2")  // two hold r-1 already
        // Deciding releases the claim but the decision still counts: r-1 stays full.
        let item = try #require(try a.item(externalID: "r-1"))
        let outcome = try decide(a, item, at: t0)
        #expect(outcome.next?.externalID == "r-2")  // c holds r-2, a is the second
        #expect(try c.nextItem(at: t0)?.externalID == "r-2")
        #expect(try store.int("SELECT COUNT(*) FROM claims") == 3)
    }

    @Test func finishingASessionReleasesItsClaimsAtOnce() throws {
        try store.setOverlap(project: "sent", overlap: 1)
        let a = try session("a"), b = try session("b")
        #expect(try a.nextItem(at: t0)?.externalID == "r-1")
        #expect(try b.nextItem(at: t0)?.externalID == "r-2")
        try a.finish(reason: "quit", stats: KeystrokeStats(), peakRSSKilobytes: nil, at: t0)
        #expect(try session("c").nextItem(at: t0)?.externalID == "r-1")
    }

    @Test func aDeadSessionsClaimComesBackWhenItsLeaseExpires() throws {
        try store.setOverlap(project: "sent", overlap: 1)
        let crashed = try session("a", lease: 30)
        #expect(try crashed.nextItem(at: t0)?.externalID == "r-1")  // then the process is killed: no finish
        let b = try session("b")
        #expect(try b.nextItem(at: t0.addingTimeInterval(29))?.externalID == "r-2")
        #expect(try b.nextItem(at: t0.addingTimeInterval(31))?.externalID == "r-1")
    }

    @Test func activityRenewsTheLease() throws {
        try store.setOverlap(project: "sent", overlap: 1)
        let a = try session("a", lease: 30)
        #expect(try a.nextItem(at: t0)?.externalID == "r-1")
        try a.renewClaims(at: t0.addingTimeInterval(20))
        #expect(try session("b").nextItem(at: t0.addingTimeInterval(40))?.externalID == "r-2")
    }

    @Test func aDecisionOnAnItemOthersFilledIsRefusedAndNothingIsStored() throws {
        try store.setOverlap(project: "sent", overlap: 1)
        let idle = try session("a", lease: 30)
        let item = try #require(try idle.nextItem(at: t0))
        let b = try session("b")
        let taken = try #require(try b.nextItem(at: t0.addingTimeInterval(60)))
        #expect(taken.rowID == item.rowID)
        try decide(b, taken, at: t0.addingTimeInterval(61))
        #expect(throws: LabelingError.itemFull(externalID: "r-1", overlap: 1)) {
            try decide(idle, item, at: t0.addingTimeInterval(62))
        }
        #expect(try store.int("SELECT COUNT(*) FROM annotations") == 1)
        #expect(try session("a").decidedAtStart == 0)
    }

    @Test func theFullFrontierSkipsFullItemsAndComesBackOnUndo() throws {
        try store.setOverlap(project: "sent", overlap: 1)
        let a = try session("a")
        var item = try #require(try a.nextItem(at: t0))
        for _ in 0..<3 { item = try #require(try decide(a, item, at: t0).next) }
        let ids = try store.itemRowIDs("reviews")
        #expect(try store.int("SELECT full_frontier FROM projects") == Int(ids[3]))
        #expect(try session("b").nextItem(at: t0)?.externalID == "r-5")  // r-4 is a's
        _ = try a.undoLast(stats: KeystrokeStats(), at: t0)
        #expect(try store.int("SELECT full_frontier FROM projects") == Int(ids[2]))
        // r-3 is open again and a (who undid it) holds it under a claim, which replaced a's
        // claim on r-4; b holds r-5.
        #expect(try session("c").nextItem(at: t0)?.externalID == "r-4")
    }

    @Test func goldItemsGoToEveryAnnotatorOutsideTheOverlapAndLeaveTheRegularQueue() throws {
        try store.setOverlap(project: "sent", overlap: 1)
        let outcome = try store.addGold(project: "sent", answers: [("r-1", .label("positive"), "test")], rate: 1,
                                        rules: TaskKinds.valueRules)
        #expect(outcome.added == 1 && outcome.total == 1 && outcome.rate == 1)
        let a = try session("a"), b = try session("b")
        let gold = try #require(try a.nextItem(at: t0))
        #expect(gold.externalID == "r-1")
        #expect(try b.nextItem(at: t0)?.externalID == "r-1")  // gold ignores the overlap
        // With its one gold item served, a walks the regular queue, which never serves r-1.
        #expect(try decide(a, gold, at: t0).next?.externalID == "r-2")
        try store.setGoldRate(project: "sent", rate: 0)
        #expect(try session("c").nextItem(at: t0)?.externalID == "r-3")
    }

    @Test func goldAnswersAreCheckedAgainstTheGuideAndNothingIsStoredOnError() throws {
        #expect(throws: GoldError.self) {
            try store.addGold(project: "sent", answers: [("r-1", .label("positive"), "f:1"), ("r-2", .label("nope"), "f:2")],
                              rules: TaskKinds.valueRules)
        }
        #expect(throws: GoldError.unknownItem(id: "zz", source: "f:1")) {
            try store.addGold(project: "sent", answers: [("zz", .label("positive"), "f:1")], rules: TaskKinds.valueRules)
        }
        #expect(try store.goldItems(project: "sent").isEmpty)
        #expect(throws: GoldError.badRate(2)) { try store.setGoldRate(project: "sent", rate: 2) }
    }

    @Test func aSessionSeesAGuidePublishedByAnotherProcessAndRecordsItsVersion() throws {
        let a = try session("a")
        #expect(try a.newerGuide(than: 1) == nil)  // the baseline
        let other = try GlossDatabase.open(path: store.path)
        let v2 = try #require(GuideParser.lint(ProjectGuideTests.v1 + "\nClarified.\n").guide)
        _ = try other.publishGuide(project: "sent", guide: v2, author: "lead", message: "clarify")
        let update = try #require(try a.newerGuide(than: 1))
        #expect(update.version == 2 && update.author == "lead" && update.message == "clarify")
        #expect(try a.newerGuide(than: 2) == nil)
        let item = try #require(try a.nextItem(at: t0))
        try decide(a, item, at: t0)
        #expect(try store.int("SELECT guide_version FROM annotations") == 2)
    }
}
