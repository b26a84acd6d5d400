import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import Testing
@testable import GlossTUI

/// `Labeler.update` on a multilabel guide (topics.md: p politics, e economy,
/// t technology, s sports, h health, c science, u culture).
@Suite struct LabelerUpdateMultilabelTests {
    static let text = "The senate cut the budget for the national space agency by 8 percent."
    static let plain = sampleItem(text)
    static let suggested = sampleItem(text, suggestion: .labels(["technology", "economy"]))
    static let decided = sampleItem(text, existing: ExistingDecision(
        annotationID: 12, kind: .label, value: .labels(["economy", "politics"])))

    static let cases: [UpdateCase] = [
        UpdateCase(name: "toggled labels are saved in guide order", item: plain,
                   steps: typed("ep") + keys(.enter),
                   effects: [.save(.label(.labels(["politics", "economy"]), keys: 3, ms: 3000))],
                   selected: ["politics", "economy"]),
        UpdateCase(name: "a toggle says what Enter will save", item: plain, steps: typed("ep"), effects: [],
                   status: "politics on · Enter saves politics, economy", statusIsError: false,
                   selected: ["politics", "economy"]),
        UpdateCase(name: "toggling twice turns a label off", item: plain, steps: typed("ee"), effects: [],
                   status: "economy off · nothing selected", selected: []),
        UpdateCase(name: "toggling off one of two", item: plain, steps: typed("ece"), effects: [],
                   status: "economy off · Enter saves science", selected: ["science"]),
        UpdateCase(name: "Enter with nothing selected refuses", item: plain, steps: keys(.enter), effects: [],
                   status: "choose at least one label, or - to skip", statusIsError: true, selected: []),
        UpdateCase(name: "Enter with nothing selected accepts the suggestion", item: suggested,
                   steps: keys(.enter),
                   effects: [.save(.label(.labels(["technology", "economy"]), keys: 1, ms: 1000, accepted: true))]),
        UpdateCase(name: "the suggested labels chosen by hand count as accepted", item: suggested,
                   steps: typed("te") + keys(.enter),
                   effects: [.save(.label(.labels(["economy", "technology"]), keys: 3, ms: 3000, accepted: true))]),
        UpdateCase(name: "a different selection overrides the suggestion", item: suggested,
                   steps: typed("t") + keys(.enter),
                   effects: [.save(.label(.labels(["technology"]), keys: 2, ms: 2000, accepted: false))]),
        UpdateCase(name: "a superset of the suggestion is not accepted", item: suggested,
                   steps: typed("tep") + keys(.enter),
                   effects: [.save(.label(.labels(["politics", "economy", "technology"]), keys: 4, ms: 4000,
                                          accepted: false))]),
        UpdateCase(name: "Space accepts the suggestion over a selection", item: suggested,
                   steps: typed("p "),
                   effects: [.save(.label(.labels(["technology", "economy"]), keys: 2, ms: 2000, accepted: true))]),
        UpdateCase(name: "Korean jamo toggle labels", item: plain, steps: typed("ㅅㄷ") + keys(.enter),
                   effects: [.save(.label(.labels(["economy", "technology"]), keys: 3, ms: 3000))]),
        UpdateCase(name: "uppercase keys toggle labels", item: plain, steps: typed("SH") + keys(.enter),
                   effects: [.save(.label(.labels(["sports", "health"]), keys: 3, ms: 3000))]),
        UpdateCase(name: "an existing decision can be edited", item: decided, steps: typed("pu") + keys(.enter),
                   effects: [.save(.label(.labels(["economy", "culture"]), keys: 3, ms: 3000, replaces: 12))]),
        UpdateCase(name: "Enter on a decided item saves its labels again", item: decided, steps: keys(.enter),
                   effects: [.save(.label(.labels(["politics", "economy"]), keys: 1, ms: 1000, replaces: 12))]),
        UpdateCase(name: "turning every existing label off refuses Enter", item: decided,
                   steps: typed("pe") + keys(.enter), effects: [],
                   status: "choose at least one label, or - to skip", selected: []),
        UpdateCase(name: "Esc on the queue clears the selection", item: plain, steps: typed("ep") + keys(.escape),
                   effects: [], status: "selection cleared", selected: []),
        UpdateCase(name: "Esc off the queue goes back to the queue", item: decided, context: .history(annotationID: 12),
                   steps: typed("e") + keys(.escape), effects: [.effect(.next)]),
        UpdateCase(name: "a skip ignores the selection", item: plain, steps: typed("e-"),
                   effects: [.save(Saved(kind: .skip, keystrokes: 2, activeMilliseconds: 2000))]),
        UpdateCase(name: "a flag ignores the selection", item: plain, steps: typed("e!") + keys(.enter),
                   effects: [.save(Saved(kind: .flag, keystrokes: 3, activeMilliseconds: 2000 + 1000))]),
        UpdateCase(name: ":label toggles a label by name", item: plain, steps: typed(":label science") + keys(.enter),
                   effects: [], status: "science on · Enter saves science", selected: ["science"]),
        UpdateCase(name: "a letter without a label says so", item: plain, steps: typed("z"), effects: [],
                   status: "no label on key z", statusIsError: true, selected: []),
    ]

    @Test(arguments: cases)
    func keysGiveTheirEffects(_ row: UpdateCase) throws {
        try row.check("topics.md")
    }

    @Test func anExistingDecisionIsSelectedInGuideOrder() throws {
        let harness = try Harness("topics.md", item: Self.decided)
        #expect(harness.state.selectedLabels == ["politics", "economy"])
        #expect(harness.state.spanEditor == nil)
    }

    @Test func existingLabelsTheGuideNoLongerHasAreDropped() throws {
        let item = sampleItem(existing: ExistingDecision(annotationID: 3, kind: .label,
                                                         value: .labels(["weather", "health"])))
        let harness = try Harness("topics.md", item: item)
        #expect(harness.state.selectedLabels == ["health"])
    }

    @Test func anExistingSkipSelectsNothing() throws {
        let item = sampleItem(existing: ExistingDecision(annotationID: 3, kind: .skip, value: nil))
        let harness = try Harness("topics.md", item: item)
        #expect(harness.state.selectedLabels == [])
    }

    @Test func loadingTheNextItemClearsTheSelection() throws {
        var harness = try Harness("topics.md", item: Self.plain)
        harness.type("ep")
        let saved = SavedDecision(itemRowID: 7, kind: .label, value: .labels(["economy", "politics"]), replaced: false)
        harness.send(.loaded(Navigation(item: sampleItem(row: 8), context: .queue, decided: 4,
                                        cause: .saved(saved), at: loadTime.addingTimeInterval(10))))
        #expect(harness.state.selectedLabels == [])
    }
}
