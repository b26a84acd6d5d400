import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

@Suite("Review lists and adjudications")
struct AdjudicationTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        try store.importFiles([dir.write("r.jsonl", jsonLines(6, prefix: "r"))], into: "reviews")
        try store.createProject(name: "sent", dataset: "reviews",
                                guide: #require(GuideParser.lint(ProjectGuideTests.v1).guide), author: "lead", overlap: 2)
        // r-1: ana and ben disagree; r-2: they agree; r-3: one flag; r-4: label vs skip;
        // r-5: one decision only; r-6: undecided.
        try store.decide(project: "sent", itemID: "r-1", annotator: "ana", value: .label("positive"), comment: "upbeat")
        try store.decide(project: "sent", itemID: "r-1", annotator: "ben", value: .label("negative"))
        try store.decide(project: "sent", itemID: "r-2", annotator: "ana", value: .label("neutral"))
        try store.decide(project: "sent", itemID: "r-2", annotator: "ben", value: .label("neutral"))
        try store.decide(project: "sent", itemID: "r-3", annotator: "ana", kind: .flag, value: nil)
        try store.decide(project: "sent", itemID: "r-4", annotator: "ana", value: .label("positive"))
        try store.decide(project: "sent", itemID: "r-4", annotator: "ben", kind: .skip, value: nil)
        try store.decide(project: "sent", itemID: "r-5", annotator: "ben", value: .label("positive"))
    }

    func rowID(_ externalID: String) throws -> Int64 {
        try store.rowID(externalID, dataset: "reviews")
    }

    @Test func theListHoldsDisagreementsAndFlagsWithEveryDecision() throws {
        let list = try store.reviewList(project: "sent", scope: .disagreements)
        #expect(list.map(\.externalID) == ["r-1", "r-3", "r-4"])
        let first = try #require(list.first)
        #expect(first.text == "text number 1 of r")
        #expect(first.decisions.map(\.annotator) == ["ana", "ben"])
        #expect(first.decisions.map(\.value) == [.label("positive"), .label("negative")])
        #expect(first.decisions[0].comment == "upbeat" && first.decisions[1].comment == nil)
        #expect(first.disagrees && !first.flagged && first.adjudication == nil)
        #expect(list[1].flagged && list[1].decisions.count == 1)
        #expect(list[2].decisions.map(\.kind) == [.label, .skip])
    }

    @Test func allModeAddsEveryMultiplyLabeledItem() throws {
        let list = try store.reviewList(project: "sent", scope: .all)
        #expect(list.map(\.externalID) == ["r-1", "r-2", "r-3", "r-4"])
        #expect(list[1].disagrees == false)
    }

    @Test func aChangedDecisionCountsOnlyAsItsCurrentValue() throws {
        try store.decide(project: "sent", itemID: "r-1", annotator: "ben", value: .label("positive"))
        let list = try store.reviewList(project: "sent", scope: .disagreements)
        #expect(list.map(\.externalID) == ["r-3", "r-4"])
    }

    @Test func adjudicatingStoresReviewerValueAndTimeAndSupersedesThePreviousOne() throws {
        let item = try rowID("r-1")
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try store.adjudicate(project: "sent", itemRowID: item, reviewer: "lead", value: .label("negative"), at: at)
        #expect(first.reviewer == "lead" && first.value == .label("negative") && first.externalID == "r-1")
        #expect(abs(first.decidedAt.timeIntervalSince(at)) < 0.01)
        #expect(try store.currentAdjudication(project: "sent", itemRowID: item) == first)
        #expect(try store.reviewList(project: "sent", scope: .disagreements).first?.adjudication == first)

        let second = try store.adjudicate(project: "sent", itemRowID: item, reviewer: "sam", value: .label("positive"),
                                          comment: "sarcasm", at: at.addingTimeInterval(5))
        #expect(try store.currentAdjudication(project: "sent", itemRowID: item) == second)
        #expect(try store.adjudications(project: "sent") == [second])
        let rows = try store.file.rows("SELECT id, superseded_by, value, comment FROM adjudications ORDER BY id")
        #expect(rows.count == 2)
        #expect(rows[0]["superseded_by"].int64 == second.id)
        #expect(rows[1]["value"].string == #"{"label":"positive"}"# && rows[1]["comment"].string == "sarcasm")
    }

    @Test func undoMarksTheReviewersLastUndoneAndRestoresWhatItReplaced() throws {
        let one = try rowID("r-1"), four = try rowID("r-4")
        let a = try store.adjudicate(project: "sent", itemRowID: one, reviewer: "lead", value: .label("negative"))
        let b = try store.adjudicate(project: "sent", itemRowID: four, reviewer: "lead", value: .label("positive"))
        let c = try store.adjudicate(project: "sent", itemRowID: one, reviewer: "lead", value: .label("neutral"))
        let undone = try #require(try store.undoLastAdjudication(project: "sent", reviewer: "lead"))
        #expect(undone.undone.id == c.id && undone.restored == a)
        #expect(try store.currentAdjudication(project: "sent", itemRowID: one) == a)
        let again = try #require(try store.undoLastAdjudication(project: "sent", reviewer: "lead"))
        #expect(again.undone.id == b.id && again.restored == nil)
        #expect(try store.currentAdjudication(project: "sent", itemRowID: four) == nil)
        _ = try store.undoLastAdjudication(project: "sent", reviewer: "lead")
        #expect(try store.adjudications(project: "sent").isEmpty)
        #expect(try store.undoLastAdjudication(project: "sent", reviewer: "lead") == nil)
        #expect(try store.undoLastAdjudication(project: "sent", reviewer: "nobody") == nil)
        let undoneRows = try store.int("SELECT COUNT(*) FROM adjudications WHERE undone_at IS NOT NULL")
        #expect(undoneRows == 3, "undone rows stay as the audit trail")
    }

    @Test func anItemOutsideTheProjectIsRefusedWithASentence() throws {
        #expect(throws: ReviewError.unknownItemRow(project: "sent", rowID: 999)) {
            try store.adjudicate(project: "sent", itemRowID: 999, reviewer: "lead", value: .label("positive"))
        }
        #expect(try store.int("SELECT COUNT(*) FROM adjudications") == 0)
        #expect(ReviewError.unknownItemRow(project: "sent", rowID: 999).description.contains("item row 999"))
    }

    @Test func finalLabelsTakeTheAdjudicationElseTheMajority() throws {
        try store.setOverlap(project: "sent", overlap: 3)  // cy is r-6's third annotator
        try store.decide(project: "sent", itemID: "r-6", annotator: "ana", value: .label("negative"))
        try store.decide(project: "sent", itemID: "r-6", annotator: "ben", value: .label("negative"))
        try store.decide(project: "sent", itemID: "r-6", annotator: "cy", value: .label("positive"))
        var labels = try store.finalLabels(project: "sent")
        // r-1 ties (left out), r-3 has no label, r-4 has one label vote.
        #expect(labels.map(\.externalID) == ["r-2", "r-4", "r-5", "r-6"])
        #expect(labels.map(\.label) == ["neutral", "positive", "positive", "negative"])
        try store.adjudicate(project: "sent", itemRowID: try rowID("r-1"), reviewer: "lead", value: .label("negative"))
        labels = try store.finalLabels(project: "sent")
        #expect(labels.first?.externalID == "r-1" && labels.first?.label == "negative" && labels.first?.adjudicated == true)
        #expect(labels.dropFirst().allSatisfy { !$0.adjudicated })
    }

    @Test func entriesOfChosenItemsKeepTheGivenOrder() throws {
        let entries = try store.reviewEntries(project: "sent", itemRowIDs: [try rowID("r-5"), 999, try rowID("r-1")])
        #expect(entries.map(\.externalID) == ["r-5", "r-1"])
        #expect(entries[0].decisions.map(\.annotator) == ["ben"])
    }
}
