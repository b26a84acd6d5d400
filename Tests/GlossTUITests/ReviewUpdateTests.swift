import Foundation
import GlossCore
import GlossTasks
import GlossStore
import GlossTerminal
import Testing
@testable import GlossTUI

@Suite struct ReviewUpdateTests {
    @Test func aLabelKeyAdjudicatesTheItemOnScreen() throws {
        var state = try ReviewFixtures.state()
        #expect(Review.update(&state, .key(.character("m"))) == [.adjudicate(itemRowID: 1, value: .label("mixed"))])
        #expect(Review.update(&state, .key(.character("N"))) == [.adjudicate(itemRowID: 1, value: .label("negative"))])
        #expect(Review.update(&state, .key(.character("ㅜ"))) == [.adjudicate(itemRowID: 1, value: .label("negative"))],
                "a Korean 2-set jamo acts as its Latin key")
        #expect(state.position == 0, "nothing moves until the store answers")
    }

    @Test func theStoresAnswerRecordsTheAdjudicationAndMovesOn() throws {
        var state = try ReviewFixtures.state()
        let stored = ReviewFixtures.adjudication(7, item: 1, .label("mixed"))
        #expect(Review.update(&state, .adjudicated(stored)).isEmpty)
        #expect(state.entries[0].adjudication == stored)
        #expect(state.position == 1 && state.cursor == 0)
        #expect(state.status == StatusLine("adjudicated #r001 · mixed"))
        #expect(state.adjudicated == 1)
    }

    @Test func enterAdoptsTheSelectedDecision() throws {
        var state = try ReviewFixtures.state()
        #expect(Review.update(&state, .key(.enter)) == [.adjudicate(itemRowID: 1, value: .label("negative"))])
        _ = Review.update(&state, .key(.down))
        _ = Review.update(&state, .key(.down))
        #expect(state.cursor == 1, "the cursor stops at the last decision")
        #expect(Review.update(&state, .key(.enter)) == [.adjudicate(itemRowID: 1, value: .label("mixed"))])
        _ = Review.update(&state, .key(.up))
        _ = Review.update(&state, .key(.up))
        #expect(state.cursor == 0)
    }

    @Test func aFlagCannotBeAdopted() throws {
        var state = try ReviewFixtures.state()
        _ = Review.update(&state, .key(.right))
        #expect(state.current?.externalID == "r002")
        #expect(Review.update(&state, .key(.enter)).isEmpty)
        #expect(state.status.isError && state.status.text.contains("flag"))
    }

    @Test func arrowsMoveWithoutAdjudicatingAndStopAtTheSummary() throws {
        var state = try ReviewFixtures.state()
        for _ in 0..<5 { #expect(Review.update(&state, .key(.right)).isEmpty) }
        #expect(state.position == 3 && state.current == nil)
        _ = Review.update(&state, .key(.left))
        #expect(state.current?.externalID == "r003")
        for _ in 0..<5 { _ = Review.update(&state, .key(.left)) }
        #expect(state.position == 0)
    }

    @Test func lettersThatAreLabelKeysPickLabelsAndOthersMove() throws {
        // sentiment.md: n, p and u are label keys, so they adjudicate.
        var state = try ReviewFixtures.state()
        #expect(Review.update(&state, .key(.character("u"))) == [.adjudicate(itemRowID: 1, value: .label("neutral"))])
        #expect(Review.update(&state, .key(.backspace)) == [.undo])
        // topics.md is multilabel: its keys p and u do not adjudicate, so n, p and u move and undo.
        var topics = try ReviewFixtures.state(guide: "topics.md")
        #expect(topics.guide.label(forKey: "p") != nil && topics.guide.label(forKey: "u") != nil)
        #expect(Review.update(&topics, .key(.character("n"))).isEmpty && topics.position == 1)
        #expect(Review.update(&topics, .key(.character("p"))).isEmpty && topics.position == 0)
        #expect(Review.update(&topics, .key(.character("u"))) == [.undo])
    }

    @Test func undoRestoresThePreviousAnswerAndGoesBackToTheItem() throws {
        var state = try ReviewFixtures.state()
        let first = ReviewFixtures.adjudication(7, item: 1, .label("negative"), by: "sam")
        let second = ReviewFixtures.adjudication(8, item: 1, .label("mixed"))
        _ = Review.update(&state, .adjudicated(second))
        _ = Review.update(&state, .key(.right))
        #expect(state.position == 2)
        _ = Review.update(&state, .undone(AdjudicationUndo(undone: second, restored: first)))
        #expect(state.position == 0 && state.entries[0].adjudication == first)
        #expect(state.status.text == "undone #r001 · mixed · back to negative by sam")
        _ = Review.update(&state, .undone(nil))
        #expect(state.status.isError && state.undone == 1)
    }

    @Test func multilabelNeedsEnterOnADecision() throws {
        let entries = [ReviewEntry(itemRowID: 9, externalID: "t9", text: "Refund and outage",
                                   decisions: [ReviewFixtures.decision(1, "ana", .labels(["billing"])),
                                               ReviewFixtures.decision(2, "ben", .labels(["billing", "outage"]))])]
        var state = try ReviewFixtures.state(entries: entries, guide: "topics.md")
        #expect(state.guide.task == .multilabel && state.guide.label(forKey: "e")?.name == "economy")
        #expect(Review.update(&state, .key(.character("e"))).isEmpty)
        #expect(state.status.isError && state.status.text.contains("Enter"))
        _ = Review.update(&state, .key(.down))
        #expect(Review.update(&state, .key(.enter)) == [.adjudicate(itemRowID: 9, value: .labels(["billing", "outage"]))])
    }

    @Test func helpQuitAndFailures() throws {
        var state = try ReviewFixtures.state()
        _ = Review.update(&state, .key(.character("?")))
        #expect(state.helpVisible)
        #expect(Review.update(&state, .key(.character("m"))).isEmpty && !state.helpVisible, "a key closes the help only")
        _ = Review.update(&state, .failed("not saved: the store is locked."))
        #expect(state.status == StatusLine("not saved: the store is locked.", isError: true))
        #expect(Review.update(&state, .key(.character("q"))) == [.quit] && state.quitting)
    }

    @Test func blindLettersAreStableForTheSession() throws {
        let state = try ReviewFixtures.state(blind: true)
        #expect(state.letters == ["ana": "A", "ben": "B", "cy": "C"])
        #expect(state.shownName("cy") == "annotator C")
        #expect(try ReviewFixtures.state().shownName("cy") == "cy")
    }
}
