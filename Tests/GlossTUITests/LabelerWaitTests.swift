import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import Testing
@testable import GlossTUI

/// Keys the annotator cannot have meant for the item: while the store has not answered a
/// save, on a screen too small to show the item, and faster than anyone reads a new item.
@Suite struct LabelerWaitTests {
    /// A harness whose store never answers by itself (`send` does not clear the wait).
    func waiting() throws -> (Harness, Date) {
        var harness = try Harness("sentiment.md", item: sampleItem())
        let time = loadTime.addingTimeInterval(1)
        let effects = harness.send(.key(.character("p"), at: time))
        guard case .save? = effects.first else { Issue.record("p should save"); return (harness, time) }
        return (harness, time)
    }

    @Test func keysThatDecideWaitForTheSavesAnswerAndSaySo() throws {
        var (harness, time) = try waiting()
        #expect(harness.state.waiting == StoreWait(since: time, saving: "positive"))
        for key: Key in [.character("n"), .enter, .character(" "), .character("-"), .backspace, .character("["),
                         .character("/"), .character(":")] {
            #expect(harness.send(.key(key, at: time.addingTimeInterval(0.5))).isEmpty, "\(key)")
            #expect(harness.status.hasPrefix("waiting for the store: 0.5 s (saving positive) · "), "\(key)")
            #expect(harness.status.hasSuffix(" ignored"), "\(key)")
        }
        #expect(harness.state.mode == .labeling)
        // Scrolling and the guide decide nothing, so they go through.
        harness.send(.key(.tab, at: time.addingTimeInterval(0.6)))
        #expect(harness.state.guideVisible)
    }

    @Test func theWaitShowsAfterATenthOfASecondAndEndsWithTheAnswer() throws {
        var (harness, time) = try waiting()
        harness.send(.tick(time.addingTimeInterval(0.05)))
        #expect(!harness.status.hasPrefix("waiting"), "a quick answer is not announced")
        harness.send(.tick(time.addingTimeInterval(1.25)))
        #expect(harness.status == "waiting for the store: 1.2 s (saving positive) · another process is writing; keys wait")
        let saved = SavedDecision(itemRowID: 7, kind: .label, value: .label("positive"), replaced: false)
        harness.send(.loaded(Navigation(item: sampleItem(row: 8), context: .queue, decided: 4, cause: .saved(saved),
                                        at: time.addingTimeInterval(4))))
        #expect(harness.state.waiting == nil && harness.status == "saved #r7 · positive")
        #expect(harness.state.item?.rowID == 8)
    }

    @Test func aFailedSaveEndsTheWaitToo() throws {
        var (harness, _) = try waiting()
        harness.send(.failed(EffectFailure(.save, "the store stayed locked by another process for 30 seconds")))
        #expect(harness.state.waiting == nil && harness.state.status.isError)
    }

    @Test func quittingIsNeverHeldBack() throws {
        var (harness, time) = try waiting()
        #expect(harness.send(.key(.character("q"), at: time.addingTimeInterval(0.2))) == [.quit])
        #expect(harness.state.quitting)
    }

    @Test func aDecisionSoonerThanAnyoneReadsTheItemIsRefused() throws {
        var harness = try Harness("sentiment.md", item: sampleItem())
        #expect(harness.press(.character("p"), after: 0.04).isEmpty)
        #expect(harness.status == "#r7 came on screen 40 ms ago: nothing saved; read it, then decide")
        #expect(harness.state.status.isError)
        guard case .save? = harness.press(.character("p"), after: 0.2).first else {
            Issue.record("the same key a moment later saves")
            return
        }
    }

    @Test func keysOnAScreenTooSmallToShowTheItemDecideNothing() throws {
        var harness = try Harness("sentiment.md", item: sampleItem(), width: 30, height: 10)
        for key: Key in [.character("p"), .enter, .character(" "), .character("-"), .backspace] {
            #expect(harness.press(key).isEmpty, "\(key)")
        }
        #expect(harness.status.hasSuffix("ignored"))
        #expect(harness.press(.character("q")) == [.quit])
    }
}
