import Foundation
import GlossCore
import GlossTerminal
import Testing
@testable import GlossTUI

/// The guide's instructions at the start of a session (README: "One paragraph shown when a
/// labeling session starts"): over the lower item pane, the item's text still in sight,
/// until Esc or the first decision.
@Suite struct LabelerInstructionsTests {
    static func starting(width: Int = 80, height: Int = 24) throws -> LabelerState {
        var state = ViewFixtures.showing(ViewFixtures.englishReview, in: try ViewFixtures.state(width: width, height: height))
        state.instructions = state.guide.instructions
        return state
    }

    @Test func theyAreShownBelowTheItemsText() throws {
        let state = try Self.starting()
        let instructions = try #require(state.guide.instructions)
        let frame = Labeler.view(state).plainText
        #expect(frame.contains("instructions · Esc hides them"))
        #expect(frame.contains(String(instructions.prefix(40))), "\(frame)")
        #expect(frame.contains("Finally a budgeting app"), "the item stays in sight:\n\(frame)")
        var hidden = state
        hidden.instructions = nil
        #expect(!Labeler.view(hidden).plainText.contains(String(instructions.prefix(40))))
    }

    @Test func escHidesThemAndDecidesNothing() throws {
        var harness = try Harness("sentiment.md", item: ViewFixtures.englishReview)
        harness.state.instructions = "Read each review."
        #expect(harness.press(.escape).isEmpty)
        #expect(harness.state.instructions == nil)
        #expect(!Labeler.view(harness.state).plainText.contains("Read each review."))
    }

    @Test func controlCharactersInThemAreShownAsEscapes() throws {
        var state = try Self.starting()
        state.instructions = "Read\u{1B}[2J this"
        let frame = Labeler.view(state).plainText
        #expect(!frame.contains("\u{1B}"))
        #expect(frame.contains("this"))
    }

    @Test func theGuidePaneTakesTheirPlace() throws {
        var state = try Self.starting()
        state.guideVisible = true
        state.relayout()
        #expect(!Labeler.view(state).plainText.contains("instructions · Esc hides them"))
    }
}
