import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import Testing
@testable import GlossTUI

/// A two-response item, as the runtime would load it.
private func judgedItem(existing: AnnotationValue? = nil) -> LabelerItem {
    let parts = ItemParts(prompt: .text("What is the capital of Australia?"),
                          responses: [ItemResponse(model: "atlas-7b", text: "Canberra."),
                                      ItemResponse(model: "borealis-13b", text: "Sydney is the capital of Australia.")])
    return LabelerItem(rowID: 8, externalID: "p008", text: parts.flattened, metadata: nil,
                       existing: existing.map { ExistingDecision(annotationID: 3, kind: .label, value: $0) }, parts: parts)
}

/// The model on each side of the screen, read from where "Canberra." is drawn.
private func sides(_ state: LabelerState) throws -> (left: String, right: String) {
    let rows = (0..<state.height).map { Labeler.view(state).text(row: $0) }
    let leftIsAtlas = try #require(rows.first { $0.contains("Canberra.") }).hasPrefix(" Canberra.")
    return leftIsAtlas ? ("atlas-7b", "borealis-13b") : ("borealis-13b", "atlas-7b")
}

@Suite("The labeler asking a guide's questions: a judgment, then ratings, one key each")
struct LabelerUpdateQuestionsTests {
    @Test func threeKeysJudgeAndRateBothAnswersAndSaveOnce() throws {
        var harness = try Harness("preference.md", item: judgedItem(), width: 140, height: 30)
        harness.press(.escape)  // the instructions
        let shown = try sides(harness.state)
        var screen = Labeler.view(harness.state).plainText
        #expect(screen.contains("1/3 the judgment"))
        #expect(screen.contains("f left") && screen.contains("j right"))
        #expect(harness.press(.character("j")).isEmpty)
        screen = Labeler.view(harness.state).plainText
        // The current question, the answers so far, the scale's anchors in the bar, the answer being rated marked.
        #expect(screen.contains("2/3 quality of the LEFT answer (1-5)"))
        #expect(screen.contains("so far: right"))
        #expect(screen.contains("1 wrong, unsafe or off-topic"))
        #expect(screen.contains("LEFT · key f · ◆ rate quality 1-5"))
        #expect(harness.press(.character("4")).isEmpty)
        #expect(Labeler.view(harness.state).plainText.contains("so far: right · LEFT quality 4"))
        let effects = harness.press(.character("2"))
        guard case .save(let input, _)? = effects.first else {
            Issue.record("expected the last answer to save, got \(effects)")
            return
        }
        let expected = QuestionAnswers(
            pairwise: PairwiseJudgment(outcome: .right, left: shown.left, right: shown.right),
            ratings: .responses([shown.left: ["quality": 4], shown.right: ["quality": 2]]))
        #expect(input.value == .answers(expected))
        #expect(input.keystrokes == 4)  // Esc and three answers
        // Ratings are stored by model, and the canonical JSON is stable.
        #expect(input.value?.json() == #"{"pairwise":{"winner":"\#(shown.right)","side":"right","left":"\#(shown.left)","right":"\#(shown.right)"},"ratings":{"atlas-7b":{"quality":\#(shown.left == "atlas-7b" ? 4 : 2)},"borealis-13b":{"quality":\#(shown.left == "atlas-7b" ? 2 : 4)}}}"#)
    }

    @Test func backspaceStepsBackWithinTheItemThenUndoes() throws {
        var harness = try Harness("preference.md", item: judgedItem(), width: 140, height: 30)
        harness.press(.escape)
        harness.press(.character("f"), .character("5"))
        #expect(harness.press(.backspace).isEmpty)
        #expect(harness.status.hasPrefix("back to quality of the LEFT answer"))
        #expect(harness.press(.backspace).isEmpty)
        #expect(harness.status.hasPrefix("back to the judgment"))
        // On the first question Backspace undoes the last decision, as on every screen.
        #expect(harness.press(.backspace) == [.undo])
        // A digit before the judgment says what comes first; an outcome during a rating too.
        harness.press(.character("3"))
        #expect(harness.status.hasPrefix("first the judgment"))
        harness.press(.character("t"))
        harness.press(.character("t"))
        #expect(harness.status.hasPrefix("now quality of the LEFT answer"))
        harness.press(.character("7"))
        #expect(harness.status == "quality is rated 1-5; 7 is off its scale")
        let effects = harness.press(.character("3"), .character("3"))
        guard case .save(let input, _)? = effects.first, case .answers(let answers)? = input.value else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(answers.pairwise?.outcome == .tie)
    }

    @Test func answersWaitForTheItemsMinimumLookNotEachQuestion() throws {
        var harness = try Harness("preference.md", item: judgedItem(), width: 140, height: 30)
        harness.press(.escape, after: 0.05)
        harness.press(.character("f"), after: 0.05)
        #expect(harness.status.contains("came on screen"))
        #expect(Labeler.view(harness.state).plainText.contains("1/3 the judgment"))
        // Once the item has been seen, the following questions go as fast as the keys come.
        harness.press(.character("f"), after: 0.2)
        harness.press(.character("4"), after: 0.02)
        let effects = harness.press(.character("4"), after: 0.02)
        guard case .save? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
    }

    @Test func aDecidedItemKeepsItsAnswersOnEnterAndItsSides() throws {
        let answers = QuestionAnswers(pairwise: PairwiseJudgment(outcome: .left, left: "borealis-13b", right: "atlas-7b"),
                                      ratings: .responses(["atlas-7b": ["quality": 5], "borealis-13b": ["quality": 1]]))
        var harness = try Harness("preference.md", item: judgedItem(existing: .answers(answers)),
                                  context: .history(annotationID: 3), width: 140, height: 30)
        harness.press(.escape)
        #expect(try sides(harness.state) == ("borealis-13b", "atlas-7b"))
        guard case .save(let input, _)? = harness.press(.enter).first else {
            Issue.record("expected Enter to save the answers again")
            return
        }
        #expect(input.value == .answers(answers))
    }

    @Test func aRatingGuideRatesEachCriterionWithADigitAndShowsItsAnchors() throws {
        var harness = try Harness("rating.md", item: sampleItem("Q: 2+2? A: 4, because two pairs make four."),
                                  width: 100, height: 30)
        harness.press(.escape)
        #expect(Labeler.view(harness.state).plainText.contains("1/3 correctness (1-5)"))
        harness.press(.tab)
        let guidePane = harness.state.guideLines.map(\.plainText).joined(separator: "\n")
        #expect(guidePane.hasPrefix("Now: correctness, 1-5"))
        #expect(guidePane.contains("1 wrong: a false claim"))
        harness.press(.character("5"), .character("4"))
        #expect(harness.state.guideLines.first?.plainText.hasPrefix("Now: clarity, 1-3") == true)
        let help = LabelerHelp.entries(for: harness.state.guide, answer: harness.state.answer.value)
        #expect(help.contains { $0.keys == "1-9" && $0.action.contains("rate the current criterion") })
        harness.press(.character("4"))
        #expect(harness.status == "clarity is rated 1-3; 4 is off its scale")
        let effects = harness.press(.character("3"))
        guard case .save(let input, _)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(input.value?.json() == #"{"ratings":{"clarity":3,"correctness":5,"helpfulness":4}}"#)
    }

    @Test func enterSkipsAnOptionalQuestionAndSavesTheRest() throws {
        let text = """
            ---
            name: judge
            task: pairwise
            labels:
              - {name: left, key: f, description: the left one}
              - {name: right, key: j, description: the right one}
            questions:
              - {id: winner, kind: pairwise}
              - id: quality
                kind: rating
                per: response
                optional: true
                criteria: [{name: quality, scale: 3, anchors: {1: bad, 3: good}}]
            ---
            body
            """
        let guide = try #require(GuideParser.lint(text).guide)
        var state = LabelerState(project: "demo", guide: guide, guideVersion: 1, annotator: "ann", width: 140, height: 30,
                                 decided: 0, total: 10, now: loadTime.addingTimeInterval(-100),
                                 answer: TaskKinds.kind(for: .pairwise).answer)
        _ = Labeler.update(&state, .loaded(Navigation(item: judgedItem(), context: .queue, decided: 0, at: loadTime)))
        // Enter before the judgment: the judgment is not optional.
        _ = Labeler.update(&state, .key(.enter, at: loadTime.addingTimeInterval(1)))
        #expect(state.status.text.hasPrefix("answer the judgment"))
        _ = Labeler.update(&state, .key(.character("f"), at: loadTime.addingTimeInterval(2)))
        #expect(Labeler.view(state).plainText.contains("(optional: Enter skips)"))
        let effects = Labeler.update(&state, .key(.enter, at: loadTime.addingTimeInterval(3)))
        guard case .save(let input, _)? = effects.first, case .answers(let answers)? = input.value else {
            Issue.record("expected Enter to save the judgment alone, got \(effects)")
            return
        }
        #expect(answers.pairwise?.outcome == .left && answers.ratings == nil)
    }
}
