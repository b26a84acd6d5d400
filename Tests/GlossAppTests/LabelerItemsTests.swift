import Foundation
import GlossCore
@testable import GlossStore
import GlossTUI
import Testing
@testable import GlossApp

/// A suggestion kept in the store (another tool's imported prediction) reaches the labeler
/// as the item's suggestion, marked with its source and whether it has a score.
@Suite struct LabelerItemsTests {
    func importedItem(score: Double? = 0.91) -> LabelerItem {
        let stored = StoredItem(rowID: 7, externalID: "r7", text: "Battery died after two days 😡", metadata: nil, decision: nil,
                                suggestion: StoredSuggestion(source: "label-studio:sentiment-v3", value: .label("negative"), score: score,
                                                             createdAt: Date(timeIntervalSince1970: 0)))
        return LabelerItems.make(stored)
    }

    @Test func theStoredSuggestionBecomesTheItemsSuggestionWithItsSource() throws {
        let item = importedItem()
        #expect(item.suggestion == Suggestion(value: .label("negative"), confidence: 0.91, source: "label-studio:sentiment-v3", scored: true))
        let unscored = importedItem(score: nil)
        #expect(unscored.suggestion?.scored == false)
    }
}
