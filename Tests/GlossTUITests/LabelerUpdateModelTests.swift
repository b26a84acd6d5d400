import Foundation
import GlossClassifier
import GlossCore
import GlossTasks
import GlossTerminal
import Testing
@testable import GlossTUI

/// Suggestions arriving, `:order`, and confirm mode: update only asks, the runtime and the
/// model worker do the work.
@Suite struct LabelerUpdateModelTests {
    func confirmRows() -> [ConfirmRow] {
        [("r1", "positive", 0.97), ("r2", "negative", 0.95), ("r3", "neutral", 0.9)].enumerated().map { index, row in
            ConfirmRow(rowID: Int64(index + 1), externalID: row.0, text: "text \(index)",
                       suggestion: Suggestion(value: .label(row.1), confidence: row.2), label: row.1)
        }
    }

    @Test func aSuggestionForTheItemOnScreenIsShownAndOneForAnotherIsIgnored() throws {
        var h = try Harness("sentiment.md", item: sampleItem())
        let suggestion = Suggestion(value: .label("negative"), confidence: 0.8, probabilities: ["negative": 0.8, "positive": 0.2])
        #expect(h.send(.suggested(rowID: 99, suggestion)).isEmpty)
        #expect(h.state.item?.suggestion == nil)
        #expect(h.send(.suggested(rowID: 7, suggestion)).isEmpty)
        #expect(h.state.item?.suggestion == suggestion)
        // Deciding is still a save effect: learning is the runtime's business, after the save.
        let effects = h.press(.enter)
        guard case .save(let draft, _)? = effects.first, effects.count == 1 else {
            Issue.record("Enter should save the suggestion, got \(effects)")
            return
        }
        #expect(draft.value == .label("negative") && draft.suggestion == .label("negative") && draft.suggestionAccepted == true)
    }

    @Test func orderCommandChangesTheOrderOrListsTheNames() throws {
        var h = try Harness("sentiment.md", item: sampleItem())
        #expect(h.type(":order Uncertain") + h.press(.enter) == [.setOrder(.uncertain)])
        #expect(h.state.order == .uncertain && h.status == "order: uncertain, from the next item")
        #expect(h.type(":order fastest") + h.press(.enter) == [])
        #expect(h.state.order == .uncertain)
        #expect(h.status == "no order named \"fastest\"; orders: sequential, random, uncertain, confident")
        #expect(h.state.status.isError)
    }

    @Test func confirmOpensOnlyForClassifyAndAsksTheRuntimeForAScreenful() throws {
        var h = try Harness("sentiment.md", item: sampleItem(), height: 30)
        let effects = h.type(":confirm") + h.press(.enter)
        #expect(effects == [.openConfirm(rows: 30 - 1 - 1 - 2)], "between the title line and the one-row label bar")
        var spans = try Harness("entities.md", item: sampleItem())
        #expect(spans.type(":confirm") + spans.press(.enter) == [])
        #expect(spans.status == "confirm mode is for classify projects (this one is spans)")
    }

    @Test func confirmKeysMoveFixAndConfirmTheScreen() throws {
        var h = try Harness("sentiment.md", item: sampleItem())
        h.send(.confirmLoaded(ConfirmBatch(rows: confirmRows(), decided: 3)))
        guard case .confirm(let opened) = h.state.mode else { Issue.record("not in confirm mode"); return }
        #expect(opened.cursor == 0 && opened.rows.count == 3)
        h.press(.down)
        h.press(.character("m"))  // fixes r2 as mixed, moves to r3
        guard case .confirm(let list) = h.state.mode else { Issue.record("left confirm mode"); return }
        #expect(list.cursor == 2 && list.rows[1].label == "mixed" && list.rows[1].isFixed && !list.rows[0].isFixed)
        let effects = h.press(.enter, after: 5)
        guard case .saveConfirmed(let drafts)? = effects.first else { Issue.record("Enter should confirm, got \(effects)"); return }
        #expect(drafts.map(\.value) == [.label("positive"), .label("mixed"), .label("neutral")])
        #expect(drafts.map(\.suggestionAccepted) == [true, false, true])
        #expect(drafts.map(\.suggestion) == [.label("positive"), .label("negative"), .label("neutral")])
        #expect(drafts.allSatisfy { $0.kind == .label && $0.activeMilliseconds == 7000 / 3 }, "the 7 s since the list opened, shared by its rows")
        // The runtime answers with the next screenful and the counts.
        h.send(.confirmLoaded(ConfirmBatch(rows: [], saved: 3, fixed: 1, decided: 6)))
        #expect(h.state.mode == .labeling && h.state.decided == 6 && h.state.sessionDecisions == 3)
        #expect(h.status == "confirmed 3 (1 fixed) · no more items to confirm yet")
    }

    @Test func escapeLeavesConfirmModeWithoutSaving() throws {
        var h = try Harness("sentiment.md", item: sampleItem())
        h.send(.confirmLoaded(ConfirmBatch(rows: confirmRows(), decided: 3)))
        #expect(h.press(.escape).isEmpty)
        #expect(h.state.mode == .labeling && h.status == "left confirm mode; nothing saved from it")
    }

    @Test func noRowsMeansNoConfirmMode() throws {
        var h = try Harness("sentiment.md", item: sampleItem())
        h.send(.confirmLoaded(ConfirmBatch(rows: [], decided: 3)))
        #expect(h.state.mode == .labeling)
        #expect(h.status == "no items to confirm yet: the model needs more decisions" && h.state.status.isError)
    }
}
