import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import Testing
@testable import GlossTUI

/// `Labeler.update` on a spans guide (entities.md: p person, o organization, l location,
/// m misc). The text's tokens: 삼성전자가 0..<5, 평택에 6..<9, 공장을 10..<13,
/// 짓는다 14..<17, `.` 17..<18.
@Suite struct LabelerUpdateSpansTests {
    static let text = "삼성전자가 평택에 공장을 짓는다."
    static let samsung = LabeledRange(start: 0, end: 4, label: "organization")
    static let pyeongtaek = LabeledRange(start: 6, end: 8, label: "location")
    static let plain = sampleItem(text)
    static let suggested = sampleItem(text, suggestion: .spans([samsung]))
    static let decided = sampleItem(text, existing: ExistingDecision(
        annotationID: 30, kind: .label, value: .spans([samsung, pyeongtaek])))
    static let decidedAndSuggested = sampleItem(
        text, existing: ExistingDecision(annotationID: 30, kind: .label, value: .spans([samsung])),
        suggestion: .spans([samsung, pyeongtaek]))

    static let cases: [UpdateCase] = [
        UpdateCase(name: "nudging the end leaves the particle out", item: plain,
                   steps: typed(".o") + keys(.enter),
                   effects: [.save(.label(.spans([samsung]), keys: 3, ms: 3000))],
                   status: "organization: \"삼성전자\"", spans: [samsung]),
        UpdateCase(name: "spans are saved in text order", item: plain,
                   steps: keys(.right) + typed(".l") + keys(.left) + typed(".o") + keys(.enter),
                   effects: [.save(.label(.spans([samsung, pyeongtaek]), keys: 7, ms: 7000))]),
        UpdateCase(name: "Shift-→ grows the selection by a word", item: plain,
                   steps: keys(.shiftRight) + typed("m") + keys(.enter),
                   effects: [.save(.label(.spans([LabeledRange(start: 0, end: 9, label: "misc")]), keys: 3, ms: 3000))],
                   status: "misc: \"삼성전자가 평택에\""),
        UpdateCase(name: "Shift-← grows the selection back", item: plain,
                   steps: keys(.right, .right, .shiftLeft) + typed("l"),
                   effects: [], spans: [LabeledRange(start: 6, end: 13, label: "location")]),
        UpdateCase(name: ", and < move the start", item: plain,
                   steps: keys(.right) + typed(",,<p"),
                   effects: [], spans: [LabeledRange(start: 7, end: 9, label: "person")]),
        UpdateCase(name: "> moves the end right", item: plain,
                   steps: typed(">>p"),
                   effects: [], spans: [LabeledRange(start: 0, end: 7, label: "person")]),
        UpdateCase(name: "a Korean jamo labels", item: plain, steps: typed(".ㅐ") + keys(.enter),
                   effects: [.save(.label(.spans([samsung]), keys: 3, ms: 3000))]),
        UpdateCase(name: "an uppercase key labels", item: plain, steps: typed(".O") + keys(.enter),
                   effects: [.save(.label(.spans([samsung]), keys: 3, ms: 3000))]),
        UpdateCase(name: "labeling again relabels", item: plain, steps: typed(".op"),
                   effects: [], status: "person: \"삼성전자\"",
                   spans: [LabeledRange(start: 0, end: 4, label: "person")]),
        UpdateCase(name: "Delete removes the span under the cursor", item: decided,
                   steps: keys(.delete, .enter),
                   effects: [.save(.label(.spans([pyeongtaek]), keys: 2, ms: 2000, replaces: 30))],
                   status: "removed organization: \"삼성전자\"", statusIsError: false),
        UpdateCase(name: "Delete with no span at the cursor says so", item: plain, steps: keys(.delete),
                   effects: [], status: "no span at the cursor", statusIsError: true, spans: []),
        UpdateCase(name: "Enter with no spans saves no entities", item: plain, steps: keys(.enter),
                   effects: [.save(.label(.spans([]), keys: 1, ms: 1000))]),
        UpdateCase(name: "Enter with nothing labeled accepts the suggestion", item: suggested, steps: keys(.enter),
                   effects: [.save(.label(.spans([samsung]), keys: 1, ms: 1000, accepted: true))]),
        UpdateCase(name: "the suggested span labeled by hand counts as accepted", item: suggested,
                   steps: typed(".o") + keys(.enter),
                   effects: [.save(.label(.spans([samsung]), keys: 3, ms: 3000, accepted: true))]),
        UpdateCase(name: "a different span overrides the suggestion", item: suggested,
                   steps: typed("o") + keys(.enter),
                   effects: [.save(.label(.spans([LabeledRange(start: 0, end: 5, label: "organization")]),
                                          keys: 2, ms: 2000, accepted: false))]),
        UpdateCase(name: "removing every existing span saves none, not the suggestion", item: decidedAndSuggested,
                   steps: keys(.delete, .enter),
                   effects: [.save(.label(.spans([]), keys: 2, ms: 2000, accepted: false, replaces: 30))]),
        UpdateCase(name: "Space accepts the suggestion over the spans", item: decidedAndSuggested,
                   steps: typed(" "),
                   effects: [.save(.label(.spans([samsung, pyeongtaek]), keys: 1, ms: 1000, accepted: true,
                                          replaces: 30))]),
        UpdateCase(name: "Space without a suggestion says so", item: plain, steps: typed(" "),
                   effects: [], status: "no suggestion to accept"),
        UpdateCase(name: "← at the first word says so", item: plain, steps: keys(.left),
                   effects: [], status: "at the first word"),
        UpdateCase(name: "→ at the last word says so", item: plain, steps: keys(.right, .right, .right, .right, .right),
                   effects: [], status: "at the last word"),
        UpdateCase(name: "< at the start of the text says so", item: plain, steps: typed("<"),
                   effects: [], status: "the selection starts at the beginning of the text"),
        UpdateCase(name: "a selection never gets empty", item: plain, steps: typed("....."),
                   effects: [], status: "the selection cannot get shorter"),
        UpdateCase(name: "moving shows the selected text", item: plain, steps: keys(.right),
                   effects: [], status: "\"평택에\""),
        UpdateCase(name: "moving onto a span shows its label", item: decided, steps: typed("."),
                   effects: [], status: "\"삼성전자\" · organization"),
        UpdateCase(name: "Esc on the queue cancels nothing", item: plain, steps: keys(.escape),
                   effects: [], status: "nothing to cancel; q quits"),
        UpdateCase(name: "Esc off the queue goes back to the queue", item: decided, context: .jumped,
                   steps: keys(.escape), effects: [.effect(.next)]),
        UpdateCase(name: "a skip keeps no spans", item: plain, steps: typed(".o-"),
                   effects: [.save(Saved(kind: .skip, keystrokes: 3, activeMilliseconds: 3000))]),
    ]

    @Test(arguments: cases)
    func keysGiveTheirEffects(_ row: UpdateCase) throws {
        try row.check("entities.md")
    }

    @Test func theEditorStartsFromTheExistingSpans() throws {
        let harness = try Harness("entities.md", item: Self.decided)
        let editor = try #require(harness.state.spanEditor)
        #expect(editor.spans == [Self.samsung, Self.pyeongtaek])
        #expect(editor.selection == 0..<5)
        #expect(harness.state.selectedLabels == [])
    }

    @Test func nudgesMoveTheSelection() throws {
        var harness = try Harness("entities.md", item: Self.plain)
        harness.press(.character("."))
        #expect(harness.state.spanEditor?.selection == 0..<4)
        #expect(harness.status == "\"삼성전자\"")
        harness.press(.character(">"))
        #expect(harness.state.spanEditor?.selection == 0..<5)
        harness.press(.right)
        harness.press(.character(","))
        #expect(harness.state.spanEditor?.selection == 7..<9)
        harness.press(.character("<"))
        harness.press(.character("<"))
        #expect(harness.state.spanEditor?.selection == 5..<9)
        harness.press(.shiftRight)
        #expect(harness.state.spanEditor?.selection == 5..<13)
    }

    @Test func escCollapsesAGrownSelectionFirst() throws {
        var harness = try Harness("entities.md", item: Self.plain, context: .history(annotationID: 4))
        harness.press(.right)
        #expect(harness.press(.shiftRight, .escape) == [])
        #expect(harness.state.spanEditor?.selection == 10..<13)
        #expect(harness.state.spanEditor?.cursor == 2)
        #expect(harness.status == "selection reset to \"공장을\"")
        harness.press(.character(","))
        #expect(harness.press(.escape) == [])
        #expect(harness.state.spanEditor?.selection == 10..<13)
        #expect(harness.press(.escape) == [.next])
    }

    @Test func escCollapsesOnTheFirstWordToo() throws {
        var harness = try Harness("entities.md", item: Self.plain)
        harness.press(.character("."))
        harness.press(.escape)
        #expect(harness.state.spanEditor?.selection == 0..<5)
        #expect(harness.state.spanEditor?.cursor == 0)
    }

    @Test func aSuggestionIsSavedClampedAndWithoutOverlaps() throws {
        let item = sampleItem("Ana met Bo", suggestion: .spans([
            LabeledRange(start: 8, end: 40, label: "person"),
            LabeledRange(start: 0, end: 3, label: "person"),
        ]))
        var harness = try Harness("entities.md", item: item)
        let effects = harness.press(.enter)
        guard case .save(let draft, _)? = effects.first else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(draft.value == .spans([LabeledRange(start: 0, end: 3, label: "person"),
                                       LabeledRange(start: 8, end: 10, label: "person")]))
        #expect(draft.suggestionAccepted == true)
    }

    @Test func anItemWithoutWordsCanOnlyBeSavedEmpty() throws {
        var harness = try Harness("entities.md", item: sampleItem("   "))
        harness.press(.character("p"))
        #expect(harness.status == "nothing to label: the selection is empty")
        #expect(harness.state.status.isError)
        harness.press(.right)
        #expect(harness.status == "at the last word")
        #expect(harness.press(.enter) == [.save(DecisionInput(
            itemRowID: 7, kind: .label, value: .spans([]), guideVersion: 1, shownAt: loadTime,
            decidedAt: loadTime.addingTimeInterval(3), activeMilliseconds: 3000, keystrokes: 3))])
    }
}
