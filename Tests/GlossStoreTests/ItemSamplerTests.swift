import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

/// What the model worker reads: random undecided items, the project's decisions; and a save
/// that prefers the model's pick.
@Suite("The model worker's reads and the save that prefers its pick")
struct ItemSamplerTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        try store.importFiles([dir.write("r.jsonl", jsonLines(40, prefix: "r"))], into: "reviews")
        try store.createProject(name: "sent", dataset: "reviews",
                                guide: #require(GuideParser.lint(ProjectGuideTests.v1).guide), author: "lead")
    }

    func session(_ annotator: String = "ann") throws -> LabelingSession {
        try LabelingSession.start(database: store, project: "sent", annotator: annotator, host: "h",
                                  terminalWidth: 80, terminalHeight: 24)
    }

    func decide(_ s: LabelingSession, _ rowID: Int64, _ label: String, preferring: [Int64] = []) throws -> SaveOutcome {
        try s.save(DecisionInput(itemRowID: rowID, kind: .label, value: .label(label), shownAt: Date(), decidedAt: Date()),
                   stats: KeystrokeStats(keystrokes: 1, p50Milliseconds: 0.5, p99Milliseconds: 0.9), preferring: preferring)
    }

    @Test func samplesAreDistinctUndecidedItemsOfTheDatasetAndRunOutWhenAllAreDecided() throws {
        let s = try session()
        let sampler = s.sampler()
        var generator = SystemRandomNumberGenerator()
        let first = try sampler.sampleRows(count: 10, using: &generator)
        #expect(first.count == 10 && Set(first.map(\.id)).count == 10)
        #expect(first.allSatisfy { $0.text.hasPrefix("text number ") && $0.text.hasSuffix(" of r") })
        let decided = Array(first.prefix(5))
        for row in decided { _ = try decide(s, row.id, "positive") }
        let again = try sampler.sampleRows(count: 40, using: &generator)
        #expect(Set(again.map(\.id)).isDisjoint(with: decided.map(\.id)), "decided items are not sampled")
        #expect(again.count <= 35)
        let all = try store.referenceExamples(dataset: "reviews")
        #expect(all.isEmpty, "the fixture has no reference labels")
        var ids: [Int64] = []
        try store.forEachItem(dataset: "reviews", batchSize: 7) { ids += $0.map(\.rowID) }
        for id in ids where !decided.map(\.id).contains(id) { _ = try decide(s, id, "negative") }
        #expect(try sampler.sampleRows(count: 5, using: &generator).isEmpty, "nothing left undecided")
        let examples = try sampler.decisionExamples()
        #expect(examples.count == 40 && examples.prefix(5).allSatisfy { $0.labels == ["positive"] })
    }

    @Test func aSaveGoesToTheFirstUndecidedPickElseToTheQueue() throws {
        let s = try session()
        let head = try #require(try s.nextItem())
        let ids = try store.itemRowIDs("reviews")
        _ = try decide(s, ids[20], "positive")
        let outcome = try decide(s, head.rowID, "positive", preferring: [ids[20], ids[30]])
        #expect(outcome.next?.rowID == ids[30], "the first pick was decided since it was picked")
        let fallback = try decide(s, ids[30], "negative", preferring: [ids[20]])
        #expect(fallback.next?.rowID == ids[1], "no undecided pick: the queue's head")
        #expect(try s.claimOpen(rowIDs: [ids[20]], limit: 1).isEmpty, "decided: not open to this annotator")
        #expect(try s.claimOpen(rowIDs: [ids[2]], limit: 1).map(\.rowID) == [ids[2]])
    }

    @Test func theProjectOrderIsStoredAndShown() throws {
        #expect(try store.project(named: "sent").itemOrder == .sequential)
        try store.setItemOrder(project: "sent", order: .uncertain)
        #expect(try store.project(named: "sent").itemOrder == .uncertain)
    }
}
