import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import Testing
@testable import GlossTUI

/// The first sample preference item, as the runtime would load it.
private func preferenceItem(existing: AnnotationValue? = nil) -> LabelerItem {
    let parts = ItemParts(prompt: .text("What is the capital of Australia?"),
                          responses: [ItemResponse(model: "atlas-7b", text: "Canberra."),
                                      ItemResponse(model: "borealis-13b", text: "Sydney is the capital of Australia.")])
    return LabelerItem(rowID: 8, externalID: "p008", text: parts.flattened, metadata: #"{"topic":"geography"}"#,
                       existing: existing.map { ExistingDecision(annotationID: 3, kind: .label, value: $0) }, parts: parts)
}

@Suite("The labeler on a pairwise project")
struct LabelerUpdatePairwiseTests {
    @Test func anOutcomeKeySavesTheJudgmentOfTheSidesOnScreen() throws {
        var harness = try Harness("pairwise-only.md", item: preferenceItem(), width: 140, height: 30)
        harness.press(.escape)  // the instructions
        let screen = Labeler.view(harness.state)
        let rows = (0..<screen.height).map { screen.text(row: $0) }
        let titles = try #require(rows.first { $0.contains("LEFT · key f") })
        #expect(titles.contains("RIGHT · key j"))
        #expect(!screen.plainText.contains("atlas") && !screen.plainText.contains("borealis"))
        // Which text is on the left decides which model `f` prefers.
        let leftIsAtlas = try #require(rows.first { $0.contains("Canberra.") }).hasPrefix(" Canberra.")
        let effects = harness.press(.character("f"))
        guard case .save(let input, _)? = effects.first, case .pairwise(let judgment)? = input.value else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(judgment.outcome == .left)
        #expect(judgment.winner == (leftIsAtlas ? "atlas-7b" : "borealis-13b"))
        #expect(Set([judgment.left, judgment.right]) == ["atlas-7b", "borealis-13b"])
    }

    @Test func dShowsTheWordDiffAndTheScreenMarksIt() throws {
        var harness = try Harness("pairwise-only.md", item: preferenceItem(), width: 140, height: 30)
        harness.press(.escape)
        #expect(harness.state.itemBody?.contains { $0.runs.contains { $0.look == .removed } } == false)
        let effects = harness.press(.character("d"))
        #expect(effects.isEmpty)
        #expect(harness.status.hasPrefix("word diff"))
        #expect(harness.state.itemBody?.contains { $0.runs.contains { $0.look == .removed } } == true)
        #expect(harness.state.itemBody?.contains { $0.runs.contains { $0.look == .added } } == true)
        harness.press(.character("d"))
        #expect(harness.state.itemBody?.contains { $0.runs.contains { $0.look == .removed } } == false)
        // A letter that is neither a label nor the task's says so.
        harness.press(.character("x"))
        #expect(harness.status == "no label on key x")
    }

    @Test func narrowScreensStackTheResponsesAndScrollThem() throws {
        var harness = try Harness("pairwise-only.md", item: preferenceItem(), width: 80, height: 12)
        harness.press(.escape)
        let body = try #require(harness.state.itemBody)
        #expect(body.allSatisfy { $0.runs.allSatisfy { $0.x == 0 } })
        #expect(harness.state.maxItemScroll > 0)
        harness.press(.pageDown)
        #expect(harness.state.itemScroll > 0)
        let screen = Labeler.view(harness.state)
        #expect(screen.plainText.contains("above"))
    }

    @Test func aRevisitedJudgmentShowsItsOwnSides() throws {
        let judged = PairwiseJudgment(outcome: .right, left: "borealis-13b", right: "atlas-7b")
        var harness = try Harness("pairwise-only.md", item: preferenceItem(existing: .pairwise(judged)),
                                  context: .history(annotationID: 3), width: 140, height: 30)
        harness.press(.escape)
        let rows = (0..<30).map { Labeler.view(harness.state).text(row: $0) }
        #expect(rows.contains { $0.hasPrefix(" Sydney is the capital") })
        let effects = harness.press(.enter)
        guard case .save(let input, _)? = effects.first else {
            Issue.record("expected Enter to save the judgment again")
            return
        }
        #expect(input.value == .pairwise(judged))
    }
}
