import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import Testing
@testable import GlossTUI

/// A suggestion kept in the store (another tool's imported prediction): shown marked with
/// its source and score when the labeler's own model has none, accepted by Enter.
@Suite struct StoredSuggestionTests {
    /// What the effect handler hands the labeler for a stored item carrying an imported
    /// prediction (LabelerItemsTests in GlossAppTests checks the conversion).
    func importedItem(score: Double? = 0.91) -> LabelerItem {
        LabelerItem(rowID: 7, externalID: "r7", text: "Battery died after two days 😡",
                    suggestion: Suggestion(value: .label("negative"), confidence: score ?? 0,
                                           source: "label-studio:sentiment-v3", scored: score != nil))
    }

    @Test func theModelHavingNoneKeepsTheStoredOneAndEnterAcceptsIt() throws {
        var h = try Harness("sentiment.md", item: importedItem())
        // The model worker answers "none yet" for the item: the imported suggestion stays.
        #expect(h.send(.suggested(rowID: 7, nil)).isEmpty)
        #expect(h.state.item?.suggestion?.source == "label-studio:sentiment-v3")
        let effects = h.press(.enter)
        guard case .save(let draft, _)? = effects.first, effects.count == 1 else {
            Issue.record("Enter should save the imported suggestion, got \(effects)")
            return
        }
        #expect(draft.value == .label("negative") && draft.suggestion == .label("negative") && draft.suggestionAccepted == true)
    }

    @Test func theModelsOwnSuggestionWins() throws {
        var h = try Harness("sentiment.md", item: importedItem())
        let own = Suggestion(value: .label("mixed"), confidence: 0.7)
        h.send(.suggested(rowID: 7, own))
        #expect(h.state.item?.suggestion == own)
    }

    @Test func theDetailLineNamesTheSourceAndTheScore() throws {
        let scored = Labeler.view(ViewFixtures.showing(importedItem(), in: try ViewFixtures.state(colors: false)))
        let line = (0..<scored.height).map { scored.text(row: $0) }.first { $0.contains("suggestion") }
        #expect(line?.contains("suggestion (label-studio:sentiment-v3): negative 91%") == true, "\(line ?? "no suggestion line")")
        let unscored = Labeler.view(ViewFixtures.showing(importedItem(score: nil), in: try ViewFixtures.state(colors: false)))
        let plain = (0..<unscored.height).map { unscored.text(row: $0) }.first { $0.contains("suggestion") }
        #expect(plain?.contains("suggestion (label-studio:sentiment-v3): negative") == true && plain?.contains("%") == false)
    }
}
