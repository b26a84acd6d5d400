import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import Testing
@testable import GlossTUI

/// A three-response item, as the runtime would load it.
private func rankedItem() -> LabelerItem {
    let parts = ItemParts(prompt: .text("Is 91 prime?"),
                          responses: [ItemResponse(model: "atlas-7b", text: "No: 91 = 7 × 13."),
                                      ItemResponse(model: "borealis-13b", text: "Yes, 91 is prime."),
                                      ItemResponse(model: "cirrus-70b", text: "No, it is divisible by 7.")])
    return LabelerItem(rowID: 4, externalID: "k004", text: parts.flattened, parts: parts)
}

@Suite("The labeler ranking an item's responses")
struct LabelerUpdateRankingTests {
    @Test func digitsWaitForTheItemsMinimumLookThenRankAndSaveOnce() throws {
        var harness = try Harness("ranking.md", item: rankedItem(), width: 100, height: 30)
        harness.press(.escape, after: 0.05)
        harness.press(.character("1"), after: 0.05)
        #expect(harness.status.contains("came on screen"))
        #expect(Labeler.view(harness.state).plainText.contains("rank best first: press 1-3"))
        // Once the item has been seen, the keys go as fast as they come; the tie key waits for nothing.
        harness.press(.character("1"), after: 0.2)
        harness.press(.character("="), after: 0.02)
        let screen = Labeler.view(harness.state).plainText
        #expect(screen.contains("ranked so far: 1 = · next ties"))
        #expect(screen.contains("RESPONSE 1 · key 1 · ranked #1"))
        let effects = harness.press(.character("3"), after: 0.02)
        guard case .save(let input, _)? = effects.first, case .answers(let answers)? = input.value,
              let ranking = answers.ranking else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        // Responses 1 and 3 tie for first; 2 is implied last. The models are as shown.
        #expect(ranking.groups == [[ranking.shown[0], ranking.shown[2]].sorted(), [ranking.shown[1]]])
        #expect(Set(ranking.shown) == ["atlas-7b", "borealis-13b", "cirrus-70b"])
        #expect(input.keystrokes == 5)
    }
}
