import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import Testing
@testable import GlossTUI

/// History keys, help, the queue-done screen, the guide pane, scrolling, and the
/// runtime's messages.
@Suite struct LabelerUpdateNavigationTests {
    static let item = sampleItem()

    // MARK: History

    struct HistoryCase: Sendable, CustomTestStringConvertible {
        var context: ItemContext
        var key: Key
        var effects: [LabelerEffect]
        var status: String?
        var testDescription: String { "\(key.displayName) in \(context)" }
    }

    static let historyCases: [HistoryCase] = [
        HistoryCase(context: .queue, key: .character("["), effects: [.historyBack(before: nil)]),
        HistoryCase(context: .history(annotationID: 5), key: .character("["), effects: [.historyBack(before: 5)]),
        HistoryCase(context: .jumped, key: .character("["), effects: [.historyBack(before: nil)]),
        HistoryCase(context: .queue, key: .character("]"), effects: [], status: "already at the newest item"),
        HistoryCase(context: .history(annotationID: 5), key: .character("]"), effects: [.historyForward(after: 5)]),
        HistoryCase(context: .jumped, key: .character("]"), effects: [],
                    status: "this item was jumped to: [ goes to your history, Esc back to the queue"),
        HistoryCase(context: .queue, key: .backspace, effects: [.undo]),
        HistoryCase(context: .history(annotationID: 5), key: .backspace, effects: [.undo]),
        HistoryCase(context: .jumped, key: .backspace, effects: [.undo]),
        HistoryCase(context: .queue, key: .escape, effects: [], status: "nothing to cancel; q quits"),
        HistoryCase(context: .history(annotationID: 5), key: .escape, effects: [.next]),
        HistoryCase(context: .jumped, key: .escape, effects: [.next]),
    ]

    @Test(arguments: historyCases)
    func historyKeys(_ row: HistoryCase) throws {
        for guide in ["sentiment.md", "topics.md", "entities.md"] {
            var harness = try Harness(guide, item: Self.item, context: row.context)
            #expect(harness.press(row.key) == row.effects, "\(guide)")
            if let status = row.status { #expect(harness.status == status, "\(guide)") }
            #expect(harness.state.mode == .labeling)
        }
    }

    // MARK: Help

    @Test func helpScrollsAndCloses() throws {
        var harness = try Harness("sentiment.md", item: Self.item, height: 30)
        #expect(harness.press(.character("?")) == [])
        #expect(harness.state.mode == .help(scroll: 0))
        harness.press(.up)
        #expect(harness.state.mode == .help(scroll: 0))
        harness.press(.down, .down)
        #expect(harness.state.mode == .help(scroll: 2))
        harness.press(.up)
        #expect(harness.state.mode == .help(scroll: 1))
        harness.press(.pageDown)
        let bottom = harness.state.maxHelpScroll
        #expect(bottom > 3 && bottom < 29, "a page down stops at the last screenful of the help")
        #expect(harness.state.mode == .help(scroll: bottom))
        harness.press(.mouseWheelUp)
        #expect(harness.state.mode == .help(scroll: bottom - 3))
        harness.press(.pageUp)
        #expect(harness.state.mode == .help(scroll: 0))
        harness.press(.mouseWheelDown)
        #expect(harness.state.mode == .help(scroll: 3))
        harness.press(.home)
        #expect(harness.state.mode == .help(scroll: 0))
        #expect(harness.press(.character("p")) == [], "label keys do nothing in the help")
        #expect(harness.status == "Esc, ? or q closes the help")
        #expect(harness.state.mode == .help(scroll: 0))
    }

    @Test(arguments: [Key.escape, .character("?"), .character("q"), .character("Q"), .character("ㅂ")])
    func helpClosesWithoutQuitting(_ key: Key) throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        harness.press(.character("?"), .down)
        #expect(harness.press(key) == [])
        #expect(harness.state.mode == .labeling)
        #expect(!harness.state.quitting)
    }

    @Test func ctrlCQuitsFromTheHelp() throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        harness.press(.character("?"))
        #expect(harness.press(.control("c")) == [.quit])
        #expect(harness.state.quitting)
    }

    // MARK: Queue done

    static let queueDone = "all 10 items are decided; [ to review, q to quit"

    @Test(arguments: ["sentiment.md", "topics.md", "entities.md"])
    func keysThatNeedAnItemExplainTheQueueIsDone(_ guide: String) throws {
        let keys: [Key] = [.character("p"), .character("ㅔ"), .character("x"), .character("-"), .character("!"),
                           .character(";"), .character(" "), .character("."), .character("<"), .enter,
                           .left, .shiftRight, .delete]
        for key in keys {
            var harness = try Harness(guide, item: nil)
            #expect(harness.state.spanEditor == nil)
            #expect(harness.press(key) == [], "\(key)")
            #expect(harness.status == Self.queueDone, "\(key)")
            #expect(harness.state.mode == .labeling, "\(key)")
        }
    }

    @Test func anEmptyProjectSaysSo() throws {
        var harness = try Harness("sentiment.md", item: nil, total: 0)
        harness.press(.character("p"))
        #expect(harness.status == "the project has no items; q to quit")
    }

    @Test func aProjectOfOneItemSaysItInTheSingular() throws {
        var harness = try Harness("sentiment.md", item: nil, total: 1)
        harness.press(.character("p"))
        #expect(harness.status == "the 1 item is decided; [ to review, q to quit")
        #expect(Labeler.view(harness.state).plainText.contains("The 1 item is decided."))
    }

    @Test func navigationStillWorksWhenTheQueueIsDone() throws {
        var harness = try Harness("sentiment.md", item: nil)
        #expect(harness.press(.character("[")) == [.historyBack(before: nil)])
        #expect(harness.press(.backspace) == [.undo])
        harness.press(.character("]"))
        #expect(harness.status == "already at the newest item")
        harness.press(.character("?"))
        #expect(harness.state.mode == .help(scroll: 0))
        harness.press(.escape)
        harness.press(.tab)
        #expect(harness.state.guideVisible)
        #expect(harness.state.guideScroll == 0)
        harness.type(":goto r3")
        #expect(harness.press(.enter) == [.goto("r3")])
        harness.type(":label positive")
        #expect(harness.press(.enter) == [])
        #expect(harness.status == Self.queueDone)
        #expect(harness.press(.character("q")) == [.quit])
    }

    // MARK: Guide pane

    @Test func tabTogglesTheGuide() throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        harness.state.guideScroll = 7
        harness.press(.tab)
        #expect(harness.state.guideVisible)
        #expect(harness.state.guideScroll == 0, "no label under the cursor: the top")
        #expect(harness.status == "guide: PgUp/PgDn or Shift-↑/↓ scroll it, Tab closes it")
        harness.press(.tab)
        #expect(!harness.state.guideVisible)
        #expect(harness.press(.tab) == [])
        #expect(harness.state.guideVisible)
    }

    @Test func openingTheGuideScrollsToTheLabelUnderTheCursor() throws {
        var harness = try Harness("sentiment.md", item: sampleItem(suggestion: .label("mixed")))
        harness.press(.tab)
        let expected = LabelerUpdate.guideLine(for: "mixed", in: harness.state.guideLines) ?? 0
        #expect(harness.state.guideScroll == expected)
    }

    @Test func theGuideLineOfALabelIsItsHeading() throws {
        let guide = try sampleGuide("sentiment.md")
        let lines = MarkdownRenderer.render(guide.body, width: 60)
        let index = try #require(LabelerUpdate.guideLine(for: "mixed", in: lines))
        #expect(lines[index].anchor == "mixed")
        #expect(lines[..<index].contains { $0.plainText.contains("mixed") }, "mentioned before its heading")
        let fallback = [StyledLine(runs: [StyledRun("intro")]), StyledLine(runs: [StyledRun("say positive")])]
        #expect(LabelerUpdate.guideLine(for: "positive", in: fallback) == 1)
        #expect(LabelerUpdate.guideLine(for: "mixed", in: fallback) == nil)
    }

    @Test func theLabelUnderTheCursor() throws {
        let classify = try Harness("sentiment.md", item: sampleItem(
            existing: ExistingDecision(annotationID: 1, kind: .label, value: .label("neutral")),
            suggestion: .label("mixed")))
        #expect(LabelerUpdate.labelUnderCursor(classify.state) == "mixed")
        let classifyDecided = try Harness("sentiment.md", item: sampleItem(
            existing: ExistingDecision(annotationID: 1, kind: .label, value: .label("neutral"))))
        #expect(LabelerUpdate.labelUnderCursor(classifyDecided.state) == "neutral")

        var multilabel = try Harness("topics.md", item: sampleItem(suggestion: .labels(["health"])))
        #expect(LabelerUpdate.labelUnderCursor(multilabel.state) == "health")
        multilabel.type("ec")
        #expect(LabelerUpdate.labelUnderCursor(multilabel.state) == "science")

        var spans = try Harness("entities.md", item: LabelerUpdateSpansTests.decided)
        #expect(LabelerUpdate.labelUnderCursor(spans.state) == "organization")
        spans.press(.right)
        #expect(LabelerUpdate.labelUnderCursor(spans.state) == "location")
        spans.press(.right)
        #expect(LabelerUpdate.labelUnderCursor(spans.state) == nil)

        let done = try Harness("sentiment.md", item: nil)
        #expect(LabelerUpdate.labelUnderCursor(done.state) == nil)
    }

    @Test func shiftArrowsScrollTheGuideWhenItIsOpen() throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        harness.press(.shiftDown)
        #expect(harness.status == "the guide is closed; Tab opens it")
        #expect(harness.state.guideScroll == 0)
        harness.press(.tab)
        harness.press(.shiftUp)
        #expect(harness.state.guideScroll == 0)
        #expect(harness.status == "at the top of the guide")
        harness.press(.shiftDown, .shiftDown)
        #expect(harness.state.guideScroll == min(2, max(0, harness.state.guideLines.count - 1)))
        #expect(harness.state.itemScroll == 0)
    }

    // MARK: Item scrolling

    @Test func arrowsPagesAndTheWheelScrollTheItemWithinItsLines() throws {
        let text = (1...200).map { "Sentence number \($0) of a very long review." }.joined(separator: " ")
        var harness = try Harness("sentiment.md", item: sampleItem(text), height: 20)
        func clamped(_ scroll: Int) -> Int { min(max(scroll, 0), harness.state.maxItemScroll) }
        harness.press(.up)
        #expect(harness.state.itemScroll == 0)
        #expect(harness.status == "at the top of the text")
        harness.press(.down)
        #expect(harness.state.itemScroll == clamped(1))
        let page = harness.state.itemPageSize
        #expect(page > 1)
        harness.press(.pageDown)
        #expect(harness.state.itemScroll == clamped(1 + page))
        harness.press(.mouseWheelDown)
        #expect(harness.state.itemScroll == clamped(1 + page + 3))
        harness.press(.mouseWheelUp, .up)
        #expect(harness.state.itemScroll == clamped(1 + page - 1))
        harness.press(.pageUp)
        #expect(harness.state.itemScroll == 0)
        harness.press(.end)
        #expect(harness.state.itemScroll == harness.state.maxItemScroll)
        #expect(harness.state.maxItemScroll < harness.state.wrappedItem.count - 1, "End stops at the last screenful")
        harness.press(.up)
        #expect(harness.state.itemScroll == harness.state.maxItemScroll - 1, "one key up moves at once")
        harness.press(.home)
        #expect(harness.state.itemScroll == 0)
        #expect(harness.state.guideScroll == 0)
    }

    @Test func aTickOnlyMovesTheClock() throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        let before = harness.state
        let later = before.now.addingTimeInterval(30)
        #expect(harness.send(.tick(later)) == [])
        var expected = before
        expected.now = later
        #expect(harness.state == expected)
    }

    @Test func aNewItemStartsAtTheTop() throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        harness.state.itemScroll = 4
        harness.send(.loaded(Navigation(item: sampleItem(row: 8), context: .queue, decided: 4, at: loadTime)))
        #expect(harness.state.itemScroll == 0)
    }

    // MARK: Runtime messages

    @Test func loadedResetsTheItemsMeasures() throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        harness.type(";note")
        harness.press(.enter)
        harness.type("x")
        #expect(harness.state.keystrokes == 7)
        let later = loadTime.addingTimeInterval(30)
        let next = sampleItem(row: 8, existing: ExistingDecision(annotationID: 2, kind: .flag, value: nil,
                                                                 comment: "see thread"))
        let saved = SavedDecision(itemRowID: Self.item.rowID, kind: .label, value: .label("positive"), replaced: false)
        let effects = harness.send(.loaded(Navigation(
            item: next, context: .history(annotationID: 2), decided: 4, cause: .saved(saved), at: later)))
        #expect(effects == [])
        let state = harness.state
        #expect(state.item == next)
        #expect(state.context == .history(annotationID: 2))
        #expect(state.decided == 4)
        #expect(state.sessionDecisions == 1)
        #expect(state.status == StatusLine("saved #\(Self.item.externalID) · positive"))
        #expect(state.now == later)
        #expect(state.shownAt == later)
        #expect(state.lastActivity == later)
        #expect(state.keystrokes == 0)
        #expect(state.activeMilliseconds == 0)
        #expect(state.pendingComment == "see thread")
        #expect(state.sessionStart == loadTime.addingTimeInterval(-100))

        harness.send(.loaded(Navigation(item: nil, context: .queue, decided: 10, at: later)))
        #expect(harness.state.sessionDecisions == 1, "no save, no count")
        #expect(harness.state.item == nil)
        #expect(harness.state.pendingComment == nil)
    }

    @Test func theSpanEditorBelongsToTheSpansTaskOnly() throws {
        #expect(try Harness("sentiment.md", item: Self.item).state.spanEditor == nil)
        #expect(try Harness("topics.md", item: Self.item).state.spanEditor == nil)
        #expect(try Harness("entities.md", item: Self.item).state.spanEditor == SpanEditor(text: Self.item.text))
    }

    @Test func failedShowsAnErrorAndChangesNothingElse() throws {
        var harness = try Harness("topics.md", item: Self.item)
        harness.type("ep")
        var expected = harness.state
        #expect(harness.send(.failed(EffectFailure(.other, "database is locked"))) == [])
        expected.status = StatusLine("database is locked", isError: true)
        #expect(harness.state == expected)
    }

    @Test func resizeChangesOnlyTheSize() throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        harness.type("x")
        let status = harness.state.status
        #expect(harness.send(.resize(width: 132, height: 50)) == [])
        #expect(harness.state.width == 132)
        #expect(harness.state.height == 50)
        #expect(harness.state.status == status)
        #expect(harness.state.keystrokes == 1)
    }

    @Test func keysSetTheClock() throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        harness.press(.character("x"), after: 12)
        #expect(harness.state.now == loadTime.addingTimeInterval(12))
        #expect(harness.state.shownAt == loadTime)
    }
}
