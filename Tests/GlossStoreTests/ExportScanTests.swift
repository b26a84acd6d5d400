import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

@Suite("Export scan: consensus and filters")
struct ExportScanTests {
    /// c-1: 2 of 3 say positive; c-2: a tie (and an undone adjudication); c-3: one decision;
    /// c-4: a flag and a label; c-5: a skip only; c-6: undecided; c-7: a disagreement adjudicated.
    func classifyFixture() throws -> ExportScanFixture {
        var f = try ExportScanFixture()
        try f.decide("sent", "c-1", "ana", .label("positive"))
        try f.decide("sent", "c-1", "ben", .label("positive"))
        try f.decide("sent", "c-1", "cat", .label("negative"))
        try f.decide("sent", "c-2", "ana", .label("positive"))
        try f.decide("sent", "c-2", "ben", .label("negative"))
        try f.decide("sent", "c-3", "ana", .label("neutral"))
        try f.decide("sent", "c-4", "ana", nil, kind: .flag)
        try f.decide("sent", "c-4", "ben", .label("negative"))
        try f.decide("sent", "c-5", "ana", nil, kind: .skip)
        try f.decide("sent", "c-7", "ana", .label("positive"))
        try f.decide("sent", "c-7", "ben", .label("negative"))
        try f.store.adjudicate(project: "sent", itemRowID: f.rowID("c-7"), reviewer: "lead", value: .label("neutral"))
        try f.store.adjudicate(project: "sent", itemRowID: f.rowID("c-2"), reviewer: "sam", value: .label("positive"))
        #expect(try f.store.undoLastAdjudication(project: "sent", reviewer: "sam") != nil)
        return f
    }

    @Test func majorityOnClassifyWithAdjudicationAndSummary() throws {
        let f = try classifyFixture()
        let (records, summary) = try f.scan("sent")
        #expect(records.map(\.id) == ["c-1", "c-3", "c-7"])
        #expect(records.map(\.rowID) == records.map(\.rowID).sorted())
        let first = records[0]
        #expect(first.value == .label("positive") && first.source == .consensus && first.split == nil)
        #expect(first.text == "정말 좋아요 👍" && first.metadataJSON?.contains("\"source\"") == true)
        #expect(first.annotators == ["ana", "ben", "cat"] && first.agreement == 2.0 / 3)
        #expect(first.decisions.map(\.annotator) == ["ana", "ben", "cat"])
        #expect(first.decisions.map(\.value) == [.label("positive"), .label("positive"), .label("negative")])
        #expect(first.decisions.allSatisfy { $0.decidedAt.hasPrefix("2027-01-15 08:") && $0.decidedAt.count == 23 })
        #expect(records[1].agreement == 1 && records[1].annotators == ["ana"])
        // The adjudication overrides the disagreement; nobody chose its value.
        #expect(records[2].value == .label("neutral") && records[2].source == .adjudicated && records[2].agreement == 0)
        #expect(summary == ExportScanSummary(decidedItems: 6, written: 3, leftOut: ["tie": 1, "flagged": 1, "skipped": 1],
                                             guideVersions: [1]))
    }

    @Test func otherPoliciesOnClassify() throws {
        let f = try classifyFixture()
        let unanimous = try f.scan("sent", ExportQuery(policy: .unanimous, split: nil))
        #expect(unanimous.records.map(\.id) == ["c-3", "c-7"])
        #expect(unanimous.summary.leftOut == ["not unanimous": 2, "flagged": 1, "skipped": 1])
        #expect(try f.values("sent", ExportQuery(policy: .all, split: nil)).keys.sorted() == ["c-3", "c-7"])
        // Any: the tie on c-2 goes to the label decided first (ana's positive).
        let any = try f.values("sent", ExportQuery(policy: .any, split: nil))
        #expect(any == ["c-1": .label("positive"), "c-2": .label("positive"), "c-3": .label("neutral"), "c-7": .label("neutral")])
        let adjudicated = try f.scan("sent", ExportQuery(policy: .adjudicated, split: nil))
        #expect(adjudicated.records.map(\.id) == ["c-7"])
        #expect(adjudicated.summary.leftOut == ["not adjudicated": 3, "flagged": 1, "skipped": 1])
    }

    @Test func skipFlagAndMinAgreementFilters() throws {
        let f = try classifyFixture()
        let flagged = try f.scan("sent", ExportQuery(filter: ExportFilter(includeFlagged: true), split: nil))
        #expect(flagged.records.map(\.id) == ["c-1", "c-3", "c-4", "c-7"])
        #expect(flagged.records[2].value == .label("negative") && flagged.records[2].annotators == ["ben"])
        #expect(flagged.records[2].decisions.map(\.kind) == [.flag, .label] && flagged.records[2].decisions[0].value == nil)
        // A skip alone leaves nothing to vote with.
        let skipped = try f.scan("sent", ExportQuery(filter: ExportFilter(includeSkipped: true), split: nil))
        #expect(skipped.records.map(\.id) == ["c-1", "c-3", "c-7"])
        #expect(skipped.summary.leftOut == ["tie": 1, "flagged": 1, "no label": 1])
        // 2/3 agreement is below 0.7; the adjudicated item stays whatever its agreement.
        let strict = try f.scan("sent", ExportQuery(filter: ExportFilter(minAgreement: 0.7), split: nil))
        #expect(strict.records.map(\.id) == ["c-3", "c-7"])
        #expect(strict.summary.leftOut["below min agreement"] == 1)
        #expect(try f.scan("sent", ExportQuery(filter: ExportFilter(minAgreement: 0.6), split: nil)).records.count == 3)
    }

    @Test func multilabelPoliciesInGuideOrder() throws {
        var f = try ExportScanFixture()
        try f.decide("topics", "c-1", "ana", .labels(["outage", "billing"]))
        try f.decide("topics", "c-1", "ben", .labels(["billing"]))
        try f.decide("topics", "c-1", "cat", .labels(["praise", "billing"]))
        try f.decide("topics", "c-2", "ana", .labels(["praise", "billing"]))
        try f.decide("topics", "c-2", "ben", .labels(["billing", "praise"]))
        try f.decide("topics", "c-3", "ana", .labels(["zzz", "praise", "aaa"]))
        try f.decide("topics", "c-4", "ana", .labels(["billing"]))
        try f.decide("topics", "c-4", "ben", .labels(["outage"]))
        let majority = try f.scan("topics")
        #expect(majority.records.map(\.id) == ["c-1", "c-2", "c-3"])
        #expect(majority.records.map(\.value) == [.labels(["billing"]), .labels(["billing", "praise"]), .labels(["praise", "aaa", "zzz"])])
        #expect(majority.records.map(\.agreement) == [1.0 / 3, 1, 1])
        #expect(majority.summary.leftOut == ["tie": 1])
        let any = try f.values("topics", ExportQuery(policy: .any, split: nil))
        #expect(any["c-1"] == .labels(["billing", "outage", "praise"]) && any["c-4"] == .labels(["billing", "outage"]))
        let all = try f.scan("topics", ExportQuery(policy: .all, split: nil))
        #expect(all.records.map(\.value) == [.labels(["billing"]), .labels(["billing", "praise"]), .labels(["praise", "aaa", "zzz"])])
        #expect(all.summary.leftOut == ["no label": 1])
        let unanimous = try f.values("topics", ExportQuery(policy: .unanimous, split: nil))
        #expect(unanimous == ["c-2": .labels(["billing", "praise"]), "c-3": .labels(["praise", "aaa", "zzz"])])
    }

    @Test func spansPoliciesSliceTheTextExactly() throws {
        var f = try ExportScanFixture()
        let per1 = span(2, 7, "PER"), per2 = span(12, 15, "PER"), loc = span(19, 21, "LOC")
        try f.decide("ents", "c-8", "ana", .spans([per2, per1, loc]))
        try f.decide("ents", "c-8", "ben", .spans([per1, per2]))
        try f.decide("ents", "c-8", "cat", .spans([per1, loc, loc]))
        try f.decide("ents", "c-1", "ana", .spans([span(0, 2, "LOC")]))
        try f.decide("ents", "c-1", "ben", .spans([span(0, 2, "PER")]))
        let majority = try f.scan("ents")
        let record = try #require(majority.records.first)
        #expect(majority.records.count == 1 && majority.summary.leftOut == ["tie": 1])
        #expect(record.value == .spans([per1, per2, loc]) && record.agreement == 1.0 / 3)  // ana, in another order
        let scalars = Array(record.text.unicodeScalars)
        guard case .spans(let spans) = record.value else { Issue.record("not spans"); return }
        #expect(spans.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } == ["Anika", "김민준", "서울"])
        #expect(try f.values("ents", ExportQuery(policy: .all, split: nil))["c-8"] == .spans([per1]))
        #expect(try f.values("ents", ExportQuery(policy: .any, split: nil))["c-8"] == .spans([per1, per2, loc]))
        #expect(try f.values("ents", ExportQuery(policy: .unanimous, split: nil)).isEmpty)
        try f.store.adjudicate(project: "ents", itemRowID: f.rowID("c-1"), reviewer: "lead", value: .spans([span(0, 2, "PER"), span(0, 2, "PER")]))
        let adjudicated = try f.scan("ents", ExportQuery(policy: .adjudicated, split: nil)).records
        #expect(adjudicated.map(\.id) == ["c-1"] && adjudicated[0].value == .spans([span(0, 2, "PER")]) && adjudicated[0].agreement == 0.5)
    }

    @Test func anAdjudicationWithoutDecisionsIsWrittenButNotCountedAsDecided() throws {
        let f = try ExportScanFixture()
        try f.store.adjudicate(project: "sent", itemRowID: f.rowID("c-6"), reviewer: "lead", value: .label("negative"))
        let (records, summary) = try f.scan("sent")
        #expect(records.map(\.id) == ["c-6"] && records[0].agreement == nil && records[0].annotators.isEmpty)
        #expect(summary.decidedItems == 0 && summary.written == 1)
    }

    @Test func decisionsAreOldestFirstByTimeNotByRow() throws {
        var f = try ExportScanFixture()
        try f.decide("sent", "c-3", "ana", .label("neutral"))
        try f.store.decide(project: "sent", itemID: "c-3", annotator: "ben", value: .label("negative"),
                                     decidedAt: Date(timeIntervalSince1970: 1_700_000_000))
        try f.decide("sent", "c-3", "cat", nil, kind: .skip)
        let record = try #require(try f.scan("sent", ExportQuery(policy: .any, filter: ExportFilter(includeSkipped: true), split: nil)).records.first)
        #expect(record.decisions.map(\.annotator) == ["ben", "ana", "cat"])
        #expect(record.decisions.map(\.kind) == [.label, .label, .skip])
        // Any breaks the tie by the earliest decision: ben's, though it was stored second.
        #expect(record.value == .label("negative") && record.annotators == ["ana", "ben"] && record.agreement == 0.5)
    }

    @Test func twoScansOfTheSameStoreAreEqual() throws {
        let f = try classifyFixture()
        let query = ExportQuery(policy: .any, filter: ExportFilter(includeSkipped: true, includeFlagged: true),
                                split: try SplitPlan.parse("80/10/10", seed: 4, stratify: true))
        let first = try f.scan("sent", query), second = try f.scan("sent", query)
        #expect(first.records == second.records && first.summary == second.summary && first.records.count == 5)
    }

    @Test func anUnknownProjectIsAnError() throws {
        let f = try ExportScanFixture()
        #expect(throws: ProjectError.self) { try f.scan("nope") }
    }
}
