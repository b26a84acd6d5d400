import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import Testing
@testable import GlossTUI

/// `Labeler.update` on a classify guide (sentiment.md: p positive, n negative, u neutral,
/// m mixed).
@Suite struct LabelerUpdateClassifyTests {
    static let plain = sampleItem()
    static let suggested = sampleItem(suggestion: .label("negative"))
    static let decided = sampleItem(existing: ExistingDecision(
        annotationID: 41, kind: .label, value: .label("negative"), comment: "sarcasm?"))
    static let decidedAndSuggested = sampleItem(
        existing: ExistingDecision(annotationID: 41, kind: .label, value: .label("negative")),
        suggestion: .label("positive"))

    static let cases: [UpdateCase] = [
        UpdateCase(name: "p saves positive", item: plain, steps: typed("p"),
                   effects: [.save(.label(.label("positive"), keys: 1, ms: 1000))]),
        UpdateCase(name: "uppercase N saves negative", item: plain, steps: typed("N"),
                   effects: [.save(.label(.label("negative"), keys: 1, ms: 1000))]),
        UpdateCase(name: "Korean ㅜ acts as n", item: plain, steps: typed("ㅜ"),
                   effects: [.save(.label(.label("negative"), keys: 1, ms: 1000))]),
        UpdateCase(name: "Korean ㅕ acts as u", item: plain, steps: typed("ㅕ"),
                   effects: [.save(.label(.label("neutral"), keys: 1, ms: 1000))]),
        UpdateCase(name: "Korean ㅡ acts as m", item: plain, steps: typed("ㅡ"),
                   effects: [.save(.label(.label("mixed"), keys: 1, ms: 1000))]),
        UpdateCase(name: "a letter without a label says so", item: plain, steps: typed("x"),
                   effects: [], status: "no label on key x", statusIsError: true),
        UpdateCase(name: "a jamo without a label names both keys", item: plain, steps: typed("ㅋ"),
                   effects: [], status: "no label on key ㅋ (z)", statusIsError: true),
        UpdateCase(name: "a digit without a label says so", item: plain, steps: typed("7"),
                   effects: [], status: "no label on key 7", statusIsError: true),
        UpdateCase(name: "a Hangul syllable is no label key", item: plain, steps: typed("한"),
                   effects: [], status: "no label on key 한", statusIsError: true),
        UpdateCase(name: "every key counts, the deciding one too", item: plain, steps: typed("xyp"),
                   effects: [.save(.label(.label("positive"), keys: 3, ms: 3000))]),
        UpdateCase(name: "fractions of a second add up", item: plain,
                   steps: [Step(.character("x"), after: 1.25), Step(.character("p"), after: 0.5)],
                   effects: [.save(.label(.label("positive"), keys: 2, ms: 1750))]),
        UpdateCase(name: "a gap over a minute counts as idle", item: plain,
                   steps: [Step(.character("x"), after: 2), Step(.character("p"), after: 90)],
                   effects: [.save(.label(.label("positive"), keys: 2, ms: 2000))]),
        UpdateCase(name: "a gap of exactly a minute still counts", item: plain,
                   steps: [Step(.character("p"), after: 60)],
                   effects: [.save(.label(.label("positive"), keys: 1, ms: 60_000))]),
        UpdateCase(name: "a gap just over a minute counts nothing", item: plain,
                   steps: [Step(.character("x"), after: 60.4), Step(.character("p"), after: 3)],
                   effects: [.save(.label(.label("positive"), keys: 2, ms: 3000))]),
        UpdateCase(name: "idle gaps before the first key count nothing", item: plain,
                   steps: [Step(.character("p"), after: 300)],
                   effects: [.save(.label(.label("positive"), keys: 1, ms: 0))]),
        UpdateCase(name: "- skips", item: plain, steps: typed("-"),
                   effects: [.save(Saved(kind: .skip, keystrokes: 1, activeMilliseconds: 1000))]),
        UpdateCase(name: "a skip records the suggestion as not accepted", item: suggested, steps: typed("-"),
                   effects: [.save(Saved(kind: .skip, keystrokes: 1, activeMilliseconds: 1000, accepted: false))]),
        UpdateCase(name: "Enter accepts the suggestion", item: suggested, steps: keys(.enter),
                   effects: [.save(.label(.label("negative"), keys: 1, ms: 1000, accepted: true))]),
        UpdateCase(name: "Space accepts the suggestion", item: suggested, steps: typed(" "),
                   effects: [.save(.label(.label("negative"), keys: 1, ms: 1000, accepted: true))]),
        UpdateCase(name: "the suggested label's key counts as accepted", item: suggested, steps: typed("n"),
                   effects: [.save(.label(.label("negative"), keys: 1, ms: 1000, accepted: true))]),
        UpdateCase(name: "another label's key overrides the suggestion", item: suggested, steps: typed("p"),
                   effects: [.save(.label(.label("positive"), keys: 1, ms: 1000, accepted: false))]),
        UpdateCase(name: "Enter without a suggestion asks for a label key", item: plain, steps: keys(.enter),
                   effects: [], status: "press a label key: p positive · n negative · u neutral · m mixed",
                   statusIsError: false),
        UpdateCase(name: "Space without a suggestion says so", item: plain, steps: typed(" "),
                   effects: [], status: "no suggestion to accept", statusIsError: false),
        UpdateCase(name: "a new label replaces the existing decision and keeps its comment", item: decided,
                   steps: typed("p"),
                   effects: [.save(.label(.label("positive"), keys: 1, ms: 1000, replaces: 41, comment: "sarcasm?"))]),
        UpdateCase(name: "Enter on a decided item saves its label again", item: decided, steps: keys(.enter),
                   effects: [.save(.label(.label("negative"), keys: 1, ms: 1000, replaces: 41, comment: "sarcasm?"))]),
        UpdateCase(name: "Enter keeps the existing label over a suggestion", item: decidedAndSuggested,
                   steps: keys(.enter),
                   effects: [.save(.label(.label("negative"), keys: 1, ms: 1000, accepted: false, replaces: 41))]),
        UpdateCase(name: "Space takes the suggestion over the existing label", item: decidedAndSuggested,
                   steps: typed(" "),
                   effects: [.save(.label(.label("positive"), keys: 1, ms: 1000, accepted: true, replaces: 41))]),
        UpdateCase(name: "a ; comment goes with the decision", item: plain,
                   steps: typed(";nice") + keys(.enter) + typed("p"),
                   effects: [.save(.label(.label("positive"), keys: 7, ms: 7000, comment: "nice"))]),
        UpdateCase(name: "a ; comment is trimmed", item: plain,
                   steps: typed(";  nice ") + keys(.enter) + typed("-"),
                   effects: [.save(Saved(kind: .skip, comment: "nice", keystrokes: 10, activeMilliseconds: 10_000))]),
        UpdateCase(name: "emptying the comment removes it", item: decided,
                   steps: typed(";") + keys(.control("u"), .enter) + typed("p"),
                   effects: [.save(.label(.label("positive"), keys: 4, ms: 4000, replaces: 41))]),
        UpdateCase(name: "Esc in the comment prompt keeps the old comment", item: decided,
                   steps: typed(";x") + keys(.escape) + typed("p"),
                   effects: [.save(.label(.label("positive"), keys: 4, ms: 4000, replaces: 41, comment: "sarcasm?"))]),
        UpdateCase(name: "! flags with the note typed", item: plain,
                   steps: typed("!broken text") + keys(.enter),
                   effects: [.save(Saved(kind: .flag, note: "broken text", keystrokes: 13, activeMilliseconds: 13_000))]),
        UpdateCase(name: "! then Enter flags without a note", item: plain, steps: typed("!") + keys(.enter),
                   effects: [.save(Saved(kind: .flag, keystrokes: 2, activeMilliseconds: 2000))]),
        UpdateCase(name: "a flag note is trimmed", item: plain, steps: typed("!  x  ") + keys(.enter),
                   effects: [.save(Saved(kind: .flag, note: "x", keystrokes: 7, activeMilliseconds: 7000))]),
        UpdateCase(name: "a flag carries the comment and the suggestion", item: suggested,
                   steps: typed(";why") + keys(.enter) + typed("!") + keys(.enter),
                   effects: [.save(Saved(kind: .flag, comment: "why", keystrokes: 7, activeMilliseconds: 7000,
                                         accepted: false))]),
        UpdateCase(name: "Esc cancels the flag", item: plain, steps: typed("!ab") + keys(.escape),
                   effects: [], status: ""),
        UpdateCase(name: "Backspace undoes", item: plain, steps: keys(.backspace), effects: [.effect(.undo)]),
        UpdateCase(name: ":label picks a label by name", item: plain,
                   steps: typed(":label mixed") + keys(.enter),
                   effects: [.save(.label(.label("mixed"), keys: 13, ms: 13_000))]),
        UpdateCase(name: ":label matches names case-insensitively", item: plain,
                   steps: typed(":label  Neutral ") + keys(.enter),
                   effects: [.save(.label(.label("neutral"), keys: 17, ms: 17_000))]),
        UpdateCase(name: "← edits spans only", item: plain, steps: keys(.left), effects: [],
                   status: "← edits spans in span tasks only; ? lists the keys"),
        UpdateCase(name: "< edits spans only", item: plain, steps: typed("<"), effects: [],
                   status: "< edits spans in span tasks only; ? lists the keys"),
        UpdateCase(name: "Delete removes spans only", item: plain, steps: keys(.delete), effects: [],
                   status: "Delete removes spans in span tasks only; ? lists the keys"),
        UpdateCase(name: "Esc on the queue has nothing to cancel", item: plain, steps: keys(.escape), effects: [],
                   status: "nothing to cancel; q quits"),
        UpdateCase(name: "an unused key says it does nothing", item: plain, steps: keys(.function(5)), effects: [],
                   status: "F5 does nothing here; ? lists the keys"),
    ]

    @Test(arguments: cases)
    func keysGiveTheirEffects(_ row: UpdateCase) throws {
        try row.check("sentiment.md")
    }

    @Test func theDraftCarriesEveryMeasure() throws {
        let item = sampleItem(row: 99, existing: ExistingDecision(annotationID: 5, kind: .skip, value: nil),
                              suggestion: .label("mixed"))
        var harness = try Harness("sentiment.md", item: item)
        harness.press(.character("x"), after: 4)
        harness.press(.character("y"), after: 100)
        let effects = harness.press(.character("m"), after: 2.5)
        #expect(effects == [.save(DecisionInput(
            itemRowID: 99, kind: .label, value: .label("mixed"), note: nil, comment: nil, guideVersion: 1,
            shownAt: loadTime, decidedAt: loadTime.addingTimeInterval(106.5), activeMilliseconds: 6500,
            keystrokes: 3, suggestion: .label("mixed"), suggestionAccepted: true, replaces: 5))])
        // A save leaves the item on screen until the runtime answers with `.loaded`.
        #expect(harness.state.item == item)
        #expect(harness.state.now == loadTime.addingTimeInterval(106.5))
        #expect(harness.state.lastActivity == loadTime.addingTimeInterval(106.5))
    }

    @Test func aClockGoingBackwardsCountsNoTime() throws {
        var harness = try Harness("sentiment.md", item: Self.plain)
        harness.press(.character("x"), after: -5)
        let effects = harness.press(.character("p"), after: 2)
        guard case .save(let draft, _)? = effects.first else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(draft.activeMilliseconds == 2000)
        #expect(draft.keystrokes == 2)
    }

    @Test func commentPromptStartsFromThePendingComment() throws {
        var harness = try Harness("sentiment.md", item: Self.decided)
        #expect(harness.state.pendingComment == "sarcasm?")
        harness.press(.character(";"))
        #expect(harness.state.mode == .prompt(Prompt(.comment, text: "sarcasm?")))
        harness.type("!")
        harness.press(.enter)
        #expect(harness.state.pendingComment == "sarcasm?!")
        #expect(harness.status == "comment added")
        harness.press(.character(";"))
        harness.press(.control("u"))
        harness.press(.enter)
        #expect(harness.state.pendingComment == nil)
        #expect(harness.status == "comment removed")
    }

    @Test func quitKeys() throws {
        for key: Key in [.character("q"), .character("Q"), .character("ㅂ"), .control("c")] {
            var harness = try Harness("sentiment.md", item: Self.plain)
            #expect(harness.press(key) == [.quit], "\(key)")
            #expect(harness.state.quitting, "\(key)")
        }
    }
}
