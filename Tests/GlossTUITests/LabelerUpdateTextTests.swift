import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import Testing
@testable import GlossTUI

/// A two-response item, as the runtime would load it.
private func respondedItem(existing: AnnotationValue? = nil) -> LabelerItem {
    let parts = ItemParts(prompt: .text("What is the capital of Australia?"),
                          responses: [ItemResponse(model: "atlas-7b", text: "Canberra."),
                                      ItemResponse(model: "borealis-13b", text: "Sydney is the capital of Australia.")])
    return LabelerItem(rowID: 8, externalID: "p008", text: parts.flattened, metadata: nil,
                       existing: existing.map { ExistingDecision(annotationID: 3, kind: .label, value: $0) }, parts: parts)
}

@Suite("The labeler's text questions: corrections and notes typed in the line editor")
struct LabelerUpdateTextTests {
    @Test func aCorrectionStartsFromTheResponseAndSavesTheTextWithItsEdits() throws {
        var harness = try Harness("correction.md", item: respondedItem(), width: 100, height: 30)
        var screen = Labeler.view(harness.state).plainText
        #expect(screen.contains("correct the response of borealis-13b · Enter saves"))
        #expect(screen.contains("Sydney is the capital of Australia."))
        // Replace the first word: to the start, delete the word, type the right one (in Korean too).
        harness.press(.home, .alt(.character("f")), .control("w"))
        harness.type("Canberra (캔버라)")
        screen = Labeler.view(harness.state).plainText
        #expect(screen.contains("Canberra (캔버라) is the capital of Australia."))
        // Typing `q`, `-` or a digit types them: the labeler's keys wait until Esc.
        harness.press(.end)
        harness.type(" q-1")
        harness.press(.backspace, .backspace, .backspace, .backspace)
        let effects = harness.press(.enter)
        guard case .save(let input, _)? = effects.first, case .answers(let answers)? = input.value,
              let text = answers.text else {
            Issue.record("expected the text to save, got \(effects)")
            return
        }
        #expect(text.text == "Canberra (캔버라) is the capital of Australia.")
        #expect(text.correction?.model == "borealis-13b")
        #expect(text.correction?.diff == [TextEdit(at: 0, removed: "Sydney", inserted: "Canberra (캔버라)")])
        #expect(input.value?.json() == #"{"text":"Canberra (캔버라) is the capital of Australia.","corrects":"borealis-13b","diff":[{"at":0,"del":"Sydney","ins":"Canberra (캔버라)"}]}"#)
    }

    @Test func anEmptyRequiredTextIsRefusedAndEscLeavesTheEditorForTheLabelersKeys() throws {
        var harness = try Harness("correction.md", item: respondedItem(), width: 100, height: 30)
        #expect(harness.state.answer.value.textEditor?.editor.cursor == 0)  // at the start, to read it through
        harness.press(.end, .control("u"))
        #expect(harness.press(.enter).isEmpty)
        #expect(harness.status.hasPrefix("the text is empty"))
        harness.press(.control("z"))  // the undo brings the response back
        #expect(Labeler.view(harness.state).plainText.contains("Sydney is the capital of Australia."))
        harness.press(.escape)
        #expect(harness.status.hasPrefix("left the text (kept)"))
        #expect(Labeler.view(harness.state).plainText.contains("correct the response of borealis-13b · i types"))
        // Now `-` skips the item, as on every screen.
        guard case .save(let skip, _)? = harness.press(.character("-")).first else {
            Issue.record("expected a skip")
            return
        }
        #expect(skip.kind == .skip)
        // `i` types again.
        var again = try Harness("correction.md", item: respondedItem(), width: 100, height: 30)
        again.press(.escape, .character("i"), .end)
        again.type("!")
        #expect(again.state.answer.value.textEditor?.editor.text == "Sydney is the capital of Australia.!")
    }

    @Test func f2OpensTheExternalEditorAndItsTextComesBack() throws {
        var harness = try Harness("correction.md", item: respondedItem(), width: 100, height: 30)
        #expect(harness.press(.function(2)) == [.editText("Sydney is the capital of Australia.")])
        harness.send(.textEdited(.text("Canberra is the capital.\n")))
        #expect(harness.state.answer.value.textEditor?.editor.text == "Canberra is the capital.")
        // Ctrl-X Ctrl-E does the same; a failing editor keeps the text and says why.
        #expect(harness.press(.control("x"), .control("e")) == [.editText("Canberra is the capital.")])
        harness.send(.textEdited(.failed("the editor (nope) exited with status 127 (not found: set $EDITOR)")))
        #expect(harness.status.contains("status 127") && harness.status.hasSuffix("the text is as it was"))
        #expect(harness.state.answer.value.textEditor?.editor.text == "Canberra is the capital.")
        harness.press(.control("z"))
        #expect(harness.state.answer.value.textEditor?.editor.text == "Sydney is the capital of Australia.")
    }

    @Test func aDecidedItemReopensWithItsSavedText() throws {
        let saved = AnnotationValue.answers(QuestionAnswers(text: .correcting(
            "Sydney is the capital of Australia.", model: "borealis-13b", into: "Canberra is.")))
        var harness = try Harness("correction.md", item: respondedItem(existing: saved), width: 100, height: 30)
        #expect(harness.state.answer.value.textEditor?.editor.text == "Canberra is.")
        guard case .save(let input, _)? = harness.press(.enter).first else {
            Issue.record("expected a save")
            return
        }
        #expect(input.value == saved)
    }

    @Test func anOptionalNoteAfterTheJudgmentIsSkippedByEnterOrTyped() throws {
        var harness = try Harness("preference-note.md", item: respondedItem(), width: 100, height: 30)
        harness.press(.character("f"))
        var screen = Labeler.view(harness.state).plainText
        #expect(screen.contains("type your answer (note)"))
        #expect(screen.contains("2/2 the text (note) (optional: Enter skips)"))
        guard case .save(let skipped, _)? = harness.press(.enter).first, case .answers(let answers)? = skipped.value else {
            Issue.record("expected Enter to save the judgment alone")
            return
        }
        #expect(answers.pairwise?.outcome == .left && answers.text == nil)

        var typed = try Harness("preference-note.md", item: respondedItem(), width: 100, height: 30)
        typed.press(.character("j"))
        typed.type("Sydney는 틀렸다")
        typed.press(.alt(.enter))  // a second line
        typed.type("ok")
        screen = Labeler.view(typed.state).plainText
        #expect(screen.contains("Sydney는 틀렸다"))
        // Backspace edits while typing; after Esc it steps back to the judgment.
        typed.press(.backspace)
        guard case .save(let input, _)? = typed.press(.enter).first, case .answers(let note)? = input.value else {
            Issue.record("expected the note to save")
            return
        }
        #expect(note.text == TypedText("Sydney는 틀렸다\no"))
        #expect(note.pairwise?.outcome == .right)
    }

    @Test func escThenBackspaceStepsBackFromTheNoteToTheJudgment() throws {
        var harness = try Harness("preference-note.md", item: respondedItem(), width: 100, height: 30)
        harness.press(.character("t"))
        harness.type("why")
        harness.press(.escape)
        #expect(harness.press(.backspace).isEmpty)
        #expect(harness.status.hasPrefix("back to the judgment"))
        #expect(harness.state.answer.value.textEditor == nil)
        harness.press(.character("f"))
        #expect(harness.state.answer.value.textEditor?.editor.text == "")
    }

    @Test func hostileTextInTheEditorIsShownAsVisibleEscapesAndTheCursorMovesOverIt() throws {
        let parts = ItemParts(prompt: .text("Say hi"), responses: [ItemResponse(model: "borealis-13b",
                                                                               text: "hi \u{1B}[31mred\u{202E}evil")])
        let item = LabelerItem(rowID: 9, externalID: "h1", text: parts.flattened, metadata: nil, existing: nil, parts: parts)
        var harness = try Harness("correction.md", item: item, width: 100, height: 30)
        let screen = Labeler.view(harness.state)
        #expect(!screen.plainText.contains("\u{1B}") && !screen.plainText.contains("\u{202E}"))
        #expect(screen.plainText.contains("hi ␛[31mred\\u{202E}evil"))
        // Ctrl-W deletes the word with the escapes in it; the stored text keeps what was typed.
        harness.press(.end, .control("w"))
        harness.type("ok")
        guard case .save(let input, _)? = harness.press(.enter).first, case .answers(let answers)? = input.value else {
            Issue.record("expected a save")
            return
        }
        #expect(answers.text?.text == "hi ok")
    }

    /// Esc then a key sent at once arrives as Alt+key: where nothing is typed, it is Esc and the key.
    @Test func altWhereNothingIsTypedIsEscapeThenTheKey() throws {
        var harness = try Harness("preference-note.md", item: respondedItem(), width: 100, height: 30)
        #expect(harness.press(.alt(.character("j"))).isEmpty)  // Esc (nothing to cancel), then j judges
        #expect(harness.state.answer.value.textEditor?.typing == true)
        harness.type("a b")
        harness.press(.alt(.character("b")))  // while typing: a word back
        harness.type("x")
        #expect(harness.state.answer.value.textEditor?.editor.text == "a xb")
        guard case .save(let input, _)? = harness.press(.enter).first, case .answers(let answers)? = input.value else {
            Issue.record("expected a save")
            return
        }
        #expect(answers.pairwise?.outcome == .right && answers.text?.text == "a xb")
    }
}
