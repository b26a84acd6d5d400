import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import Testing
@testable import GlossTUI

/// A guide published while the screen is open: its version is recorded, and a new task
/// brings the new task's keys at once, on the item already on screen.
@Suite struct LabelerGuideChangeTests {
    @Test func aNewTaskTakesOverTheItemOnScreen() throws {
        var harness = try Harness("sentiment.md", item: sampleItem())
        let topics = try sampleGuide("topics.md")
        let publication = GuidePublication(guide: topics, version: 2, author: "lead", message: "now topics",
                                           answer: TaskKinds.kind(for: .multilabel).answer)
        #expect(harness.send(.guidePublished(publication)).isEmpty)
        #expect(harness.state.guideVersion == 2 && harness.state.banner?.contains("task changed from classify to multilabel") == true)
        let key = try #require(topics.labels.first?.key)
        // A label key now toggles the label (multilabel) instead of saving it (classify).
        #expect(harness.press(.character(key)).isEmpty)
        #expect(harness.state.selectedLabels == [topics.labels[0].name])
        guard case .save(let draft, _)? = harness.press(.enter).first else {
            Issue.record("Enter should save the selection")
            return
        }
        #expect(draft.value == .labels([topics.labels[0].name]) && draft.guideVersion == 2)
    }

    @Test func anOlderVersionThanTheOneShownChangesNothing() throws {
        var harness = try Harness("sentiment.md", item: sampleItem())
        let before = harness.state
        let stale = GuidePublication(guide: try sampleGuide("topics.md"), version: 1, author: "lead", message: "",
                                     answer: TaskKinds.kind(for: .multilabel).answer)
        harness.send(.guidePublished(stale))
        #expect(harness.state == before)
    }

    /// The guide check runs beside the saves: its answer may come before the answer of a
    /// save made under the old guide. That save leaves the banner; the next one clears it.
    @Test func aSaveMadeUnderTheOldGuideLeavesTheNewOnesBanner() throws {
        var harness = try Harness("sentiment.md", item: sampleItem())
        let edited = GuidePublication(guide: try sampleGuide("sentiment.md"), version: 2, author: "lead", message: "sharper",
                                      answer: TaskKinds.kind(for: .classify).answer)
        harness.send(.guidePublished(edited))
        let banner = try #require(harness.state.banner)
        func saved(under version: Int, row: Int64) -> LabelerMessage {
            let decision = SavedDecision(itemRowID: harness.state.item?.rowID ?? 0, kind: .label, value: .label("positive"),
                                         replaced: false, guideVersion: version)
            return .loaded(Navigation(item: sampleItem(row: row), context: .queue, decided: 1, cause: .saved(decision),
                                      at: loadTime.addingTimeInterval(Double(row))))
        }
        harness.send(saved(under: 1, row: 8))
        #expect(harness.state.banner == banner)
        harness.send(saved(under: 2, row: 9))
        #expect(harness.state.banner == nil)
    }
}
