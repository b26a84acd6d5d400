import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import Testing
@testable import GlossTUI

@Suite struct LabelerViewLayoutTests {
    // MARK: relayout

    @Test func relayoutIsANoOpWhenNothingChanged() throws {
        var state = ViewFixtures.showing(ViewFixtures.englishReview, in: try ViewFixtures.state())
        let key = try #require(state.layoutKey)
        #expect(key == LayoutKey(itemRowID: 1, textWidth: 78, guideWidth: nil, bodyAnswer: state.answer))
        let marker = [WrappedLine(text: "marker", scalarRange: 0..<1)]
        state.wrappedItem = marker
        state.status = StatusLine("saved")
        state.itemScroll = 3
        state.relayout()
        #expect(state.wrappedItem == marker)

        state.width = 79
        state.relayout()
        #expect(state.wrappedItem != marker)
        #expect(state.layoutKey?.textWidth == 77)
    }

    @Test func relayoutFollowsTheItemAndTheGuidePane() throws {
        var state = ViewFixtures.showing(ViewFixtures.englishReview, in: try ViewFixtures.state())
        #expect(state.guideLines.isEmpty)
        state.guideVisible = true
        state.relayout()
        #expect(state.guideLines.allSatisfy { $0.width <= 78 })
        #expect(state.guideLines.count > 100)
        state.width = 120
        state.relayout()
        let side = try #require(LabelerLayout(state).guide)
        #expect(!side.overlay && state.guideLines.allSatisfy { $0.width <= side.width })
        #expect(state.wrappedItem.allSatisfy { DisplayWidth.of($0.text) <= LabelerLayout(state).textWidth })
        state.item = ViewFixtures.koreanReview
        state.relayout()
        #expect(state.wrappedItem.first?.text.hasPrefix("가격") == true)
        state.item = nil
        state.relayout()
        #expect(state.wrappedItem.isEmpty)
    }

    @Test func aNewItemOrClosingThePaneKeepsTheRenderedGuide() throws {
        var state = ViewFixtures.showing(ViewFixtures.englishReview, in: try ViewFixtures.state())
        state.guideVisible = true
        state.relayout()
        let marker = [StyledLine(runs: [StyledRun("marker")])]
        state.guideLines = marker
        state.item = ViewFixtures.koreanReview
        state.relayout()
        #expect(state.guideLines == marker, "the guide is not rendered again for a new item")
        state.guideVisible = false
        state.relayout()
        state.guideVisible = true
        state.relayout()
        #expect(state.guideLines == marker, "nor when the pane closes and opens at the same width")
        state.width = 130
        state.relayout()
        #expect(state.guideLines != marker, "a new pane width renders it again")
    }

    // MARK: Wrapping

    static let texts: [String] = [
        ViewFixtures.englishReview.text, ViewFixtures.koreanReview.text, ViewFixtures.emojiPost.text,
        ViewFixtures.hostile.text, ViewFixtures.koreanEntities.text,
        "supercalifragilisticexpialidocious" + String(repeating: "x", count: 100),
        "東京タワーに行きました。とても高かったです。" + String(repeating: "漢", count: 60),
        "\t\tindented\n\n\nthree breaks   and   spaces   \r\nCRLF\rCR e\u{301}\u{301} \u{200B}\u{200D}",
        "", "\n", "   ",
    ]

    @Test(arguments: [10, 20, 38, 78])
    func linesFitAndMapBackToTheirScalars(width: Int) throws {
        for text in Self.texts {
            let lines = ItemTextWrapper.wrap(text, width: width)
            #expect(!lines.isEmpty)
            var previousEnd = 0
            let scalars = Array(text.unicodeScalars)
            for line in lines {
                var columns = 0
                for character in line.text { columns += min(2, DisplayWidth.of(character)) }
                #expect(columns <= width, "\(line.text.debugDescription) is \(columns) > \(width)")
                #expect(line.scalarRange.lowerBound >= previousEnd)
                #expect(line.scalarRange.upperBound <= scalars.count)
                previousEnd = line.scalarRange.upperBound
                // The original scalars of the line, shown as the screen shows them, are its text.
                var original = ""
                original.unicodeScalars.append(contentsOf: scalars[line.scalarRange])
                let shown = ItemTextWrapper.units(of: Substring(original), from: line.scalarRange.lowerBound)
                #expect(shown.map(\.text).joined() == line.text)
            }
        }
    }

    @Test func hardBreaksTabsAndWidths() {
        let lines = ItemTextWrapper.wrap("a\tb\n\nc\r\nd", width: 20)
        #expect(lines.map(\.text) == ["a    b", "", "c", "d"])
        #expect(lines.map(\.scalarRange) == [0..<3, 4..<4, 5..<6, 8..<9])
        let korean = ItemTextWrapper.wrap(String(repeating: "가나다라마 ", count: 10), width: 40)
        #expect(korean.allSatisfy { DisplayWidth.of($0.text) <= 40 })
        #expect(korean[0].text == "가나다라마 가나다라마 가나다라마")  // 32 columns; a fourth word would need 43
        let long = ItemTextWrapper.wrap(String(repeating: "x", count: 25), width: 10)
        #expect(long.map(\.text.count) == [10, 10, 5])
        #expect(long.map(\.scalarRange) == [0..<10, 10..<20, 20..<25])
    }

    @Test func hostileTextIsMeasuredAsShown() {
        let text = "\u{1B}[2J\u{202E}abc"
        let lines = ItemTextWrapper.wrap(text, width: 20)
        #expect(lines.map(\.text) == ["␛[2J\\u{202E}abc"])
        #expect(lines[0].scalarRange == 0..<8)
        // "\u{202E}" takes 8 columns: at width 10 it moves to a new line with its word.
        let narrow = ItemTextWrapper.wrap("ab \u{202E}cd", width: 10)
        #expect(narrow.map(\.text) == ["ab", "\\u{202E}cd"])
        #expect(narrow.map(\.scalarRange) == [0..<2, 3..<6])
    }

    // MARK: Sizes and scrolling

    @Test func everySizeDrawsAndTooSmallSaysSo() throws {
        let scenarios: [LabelerViewGoldenTests.Scenario] = [.english, .spans, .hostile, .help, .guide, .longScrolled]
        for scenario in scenarios {
            for (width, height) in [(1, 1), (39, 30), (200, 11), (40, 12), (41, 13), (59, 20), (60, 15), (119, 40), (120, 12), (200, 60)] {
                var state = try LabelerViewGoldenTests.state(scenario, width: width, height: height)
                state.relayout()
                let screen = Labeler.view(state)
                #expect(screen.width == width && screen.height == height)
                let tooSmall = width < 40 || height < 12
                if width >= 20 {
                    #expect(screen.plainText.contains("terminal too small") == tooSmall, "\(scenario) \(width)×\(height)")
                }
                #expect(screen.text(row: 0).contains("12/50") == !tooSmall)
            }
        }
    }

    @Test func scrollPositionsAreClampedWhenDrawn() throws {
        var state = try LabelerViewGoldenTests.state(.longScrolled, width: 80, height: 24)
        let max = state.maxItemScroll
        #expect(max == state.wrappedItem.count - 18)  // 19 text rows, the last the indicator
        #expect(state.itemPageSize == 18)
        state.itemScroll = 10_000
        let bottom = Labeler.view(state)
        state.itemScroll = max
        #expect(Labeler.view(state) == bottom)
        #expect(bottom.text(row: 20).contains("↑ \(max) above"))
        #expect(!bottom.text(row: 20).contains("↓"))
        state.itemScroll = -4
        state.guideVisible = true
        state.guideScroll = 1_000_000
        state.relayout()
        let screen = Labeler.view(state)
        #expect(screen.text(row: 2).hasPrefix(" When the Tide Comes to Stay"))
        #expect(screen.plainText.contains("\(state.guideLines.count)/\(state.guideLines.count)"))
        #expect(state.maxGuideScroll == state.guideLines.count - (LabelerLayout(state).guide?.rows ?? 0))
        state.mode = .help(scroll: 999)
        #expect(Labeler.view(state).plainText.contains(":q"))
        #expect(state.maxHelpScroll > 0)
    }

    @Test func labelBarWrapsAndShortens() throws {
        let topics = try ViewFixtures.guide("topics.md").labels
        #expect(LabelBarLayout(labels: topics, width: 80).rows.count == 1)
        let narrow = LabelBarLayout(labels: topics, width: 40)
        #expect(narrow.rows.count == 2 && narrow.hidden == 0)
        #expect(narrow.rows.joined().allSatisfy { $0.name == $0.label.name })
        let entities = LabelBarLayout(labels: try ViewFixtures.guide("entities.md").labels, width: 40)
        #expect(entities.rows.count == 1)
        #expect(entities.rows[0].map(\.name) == ["person", "organizat…", "location", "misc"])
        let many = (0..<35).map { GuideLabel(name: "label-number-\($0)", key: nil) }
        let crowded = LabelBarLayout(labels: many, width: 40)
        #expect(crowded.rows.count == 2 && crowded.hidden > 0)
        #expect(crowded.rows.joined().count + crowded.hidden == 35)
        #expect(crowded.rows[0].first?.key == ":")
    }

    // MARK: Help

    @Test func theHelpTableCoversEveryReservedKey() {
        let keys = (LabelerHelp.table + TaskKinds.all.flatMap(\.answer.help)).map(\.keys)
        for (key, _) in LabelerKeys.reserved {
            let name = key == " " ? "Space" : String(key)
            #expect(keys.contains { $0 == name || $0.split(separator: " ").contains(Substring(name)) }, "\(name)")
        }
        for named in ["Enter", "Backspace", "Tab", "Esc", "PgUp PgDn", "Delete", "← →", "Shift-← Shift-→",
                      ":goto ID", ":next", ":label NAME", ":help", ":q"] {
            #expect(keys.contains(named), "\(named)")
        }
    }

    /// Every task whose guide has labels (a rating guide has criteria instead, a ranking guide
    /// digits for its responses; they are listed by `LabelerUpdateQuestionsTests` and
    /// `RankingKindTests`; a text guide has none: its keys are the editor's).
    @Test(arguments: TaskType.allCases.filter { $0 != .rating && $0 != .ranking && $0 != .text })
    func theHelpListsTheGuidesLabelsAndTheTasksKeys(task: TaskType) throws {
        var guide = try ViewFixtures.guide("sentiment.md")
        guide.task = task
        guide.labels.append(GuideLabel(name: "unkeyed", key: nil))
        let answer = TaskKinds.kind(for: task).answer
        let entries = LabelerHelp.entries(for: guide, answer: answer)
        #expect(!entries.contains { $0.keys == LabelerHelp.labelKeyPlaceholder })
        #expect(entries.contains { $0.keys == "p" && $0.action.contains("positive") })
        #expect(entries.contains { $0.keys == ":label unkeyed" })
        #expect(entries.filter { $0.keys == "Enter" }.count == 1)
        #expect(entries.contains { $0.keys == "Delete" } == (task == .spans))
        let text = LabelerHelp.lines(for: guide, answer: answer, width: 36).map(\.plainText).joined(separator: "\n")
        for entry in entries { #expect(text.contains(entry.keys)) }
        #expect(LabelerHelp.lines(for: guide, answer: answer, width: 36).allSatisfy { $0.width <= 36 })
    }
}
