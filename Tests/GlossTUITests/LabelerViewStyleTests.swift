import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import Testing
@testable import GlossTUI

/// Style facts the plain-text frames cannot show: highlights, colors, attributes.
@Suite struct LabelerViewStyleTests {
    /// The cells of the first occurrence of `text` on row `y` (nil when absent).
    func cells(_ screen: Screen, _ text: String, row y: Int) -> [Cell]? {
        let columns = (0..<screen.width).map { screen[$0, y] }
        let characters = columns.map { $0.isContinuation ? "" : $0.text }
        let wanted = text.map(String.init)
        guard wanted.count <= characters.count else { return nil }
        for start in 0...(characters.count - wanted.count) where Array(characters[start..<(start + wanted.count)]) == wanted {
            return Array(columns[start..<(start + wanted.count)])
        }
        return nil
    }

    func row(of text: String, in screen: Screen) -> Int? {
        (0..<screen.height).first { screen.text(row: $0).contains(text) }
    }

    @Test(arguments: [true, false])
    func theChosenLabelIsReverse(colors: Bool) throws {
        var item = ViewFixtures.englishReview
        item.existing = ExistingDecision(annotationID: 9, kind: .label, value: .label("negative"))
        let state = ViewFixtures.showing(item, in: try ViewFixtures.state(colors: colors))
        let screen = Labeler.view(state)
        let bar = try #require(row(of: "n negative", in: screen))
        let chosen = try #require(cells(screen, " n negative ", row: bar))
        #expect(chosen.allSatisfy { $0.style.reverse && $0.style.bold })
        let other = try #require(cells(screen, " p positive ", row: bar))
        #expect(other.allSatisfy { !$0.style.reverse })
        #expect(other[3].style.foreground == (colors ? .green : nil))
    }

    @Test func multilabelSelectionsAreReverse() throws {
        var state = try ViewFixtures.state("topics.md")
        state.selectedLabels = ["economy", "technology"]
        let screen = Labeler.view(ViewFixtures.showing(ViewFixtures.newsItem, in: state))
        let bar = try #require(row(of: "e economy", in: screen))
        for (name, on) in [("e economy", true), ("t technology", true), ("p politics", false), ("s sports", false)] {
            let chip = try #require(cells(screen, name, row: bar))
            #expect(chip.allSatisfy { $0.style.reverse == on }, "\(name)")
        }
    }

    @Test(arguments: [true, false])
    func anErrorIsBold(colors: Bool) throws {
        var state = ViewFixtures.showing(ViewFixtures.englishReview, in: try ViewFixtures.state(colors: colors))
        state.status = StatusLine("disk full", isError: true)
        let screen = Labeler.view(state)
        let text = try #require(cells(screen, "disk full", row: 23))
        #expect(text.allSatisfy { $0.style.bold })
        #expect(text.allSatisfy { $0.style.foreground == (colors ? .red : nil) })
        #expect(text.allSatisfy { $0.style.reverse == !colors })
        state.status = StatusLine("saved · positive")
        let plain = try #require(cells(Labeler.view(state), "saved", row: 23))
        #expect(plain.allSatisfy { !$0.style.bold && !$0.style.reverse })
    }

    @Test(arguments: [true, false])
    func spansSelectionAndCursorSpan(colors: Bool) throws {
        var state = ViewFixtures.showing(ViewFixtures.englishEntities, in: try ViewFixtures.state("entities.md", colors: colors),
                                         spans: [LabeledRange(start: 0, end: 11, label: "person"),
                                                 LabeledRange(start: 19, end: 38, label: "organization")])
        // Cursor on "Maria": the person span is under the cursor and selected.
        var screen = Labeler.view(state)
        let maria = try #require(cells(screen, "Maria Lopez", row: 2))
        #expect(maria.allSatisfy { $0.style.underline && $0.style.bold })
        #expect(maria.prefix(5).allSatisfy { $0.style.reverse })
        #expect(maria.suffix(6).allSatisfy { !$0.style.reverse })
        #expect(maria[0].style.foreground == (colors ? .cyan : nil))
        let northwind = try #require(cells(screen, "Northwind Analytics", row: 2))
        #expect(northwind.allSatisfy { $0.style.underline && !$0.style.reverse })
        #expect(northwind.allSatisfy { $0.style.foreground == (colors ? .yellow : nil) })
        #expect(northwind.allSatisfy { $0.style.bold == !colors })  // bold marks spans only without colors
        let joined = try #require(cells(screen, "joined", row: 2))
        #expect(joined.allSatisfy { $0.style == CellStyle() })
        #expect(screen.text(row: 21).contains("on person"))

        // Select "in": plain text reverse; the detail line names no span.
        for _ in 0..<5 { state.spanEditor?.moveRight() }
        screen = Labeler.view(state)
        let inWord = try #require(cells(screen, " in ", row: 2))
        #expect(inWord[1].style.reverse && inWord[2].style.reverse && !inWord[0].style.reverse)
        #expect(!screen.text(row: 21).contains("on "))
    }

    @Test func koreanSpansCoverWholeSyllables() throws {
        var state = ViewFixtures.showing(ViewFixtures.koreanEntities, in: try ViewFixtures.state("entities.md"),
                                         spans: [LabeledRange(start: 6, end: 8, label: "location")])
        state.spanEditor?.nudgeEnd(by: -1)  // 삼성전자
        let screen = Labeler.view(state)
        // From column 1: 삼 성 전 자 (2 columns each) selected, 가 not; 평택 from column 12 green.
        #expect((1...8).allSatisfy { screen[$0, 2].style.reverse })
        #expect(!screen[9, 2].style.reverse)
        #expect(screen[12, 2].text == "평" && screen[12, 2].style.foreground == .green && screen[12, 2].style.underline)
        #expect(screen[14, 2].text == "택" && screen[14, 2].style.underline)
        #expect(screen[16, 2].text == "에" && screen[16, 2].style == CellStyle())  // the particle
    }

    @Test func promptCursorIsAReverseCell() throws {
        var state = ViewFixtures.showing(ViewFixtures.englishReview, in: try ViewFixtures.state())
        state.mode = .prompt(Prompt(.search, text: "bank"))
        let screen = Labeler.view(state)
        #expect(screen.text(row: 23) == "/bank")
        #expect(screen[5, 23].style.reverse)
        #expect(!screen[4, 23].style.reverse)
    }

    @Test func headerIsAReverseBar() throws {
        let screen = Labeler.view(ViewFixtures.showing(ViewFixtures.englishReview, in: try ViewFixtures.state()))
        #expect((0..<80).allSatisfy { screen[$0, 0].style.reverse })
        #expect(try #require(cells(screen, "reviews", row: 0)).allSatisfy { $0.style.bold })
    }

    @Test func guideHeadingsAreBold() throws {
        var state = try ViewFixtures.state()
        state.guideVisible = true
        state = ViewFixtures.showing(ViewFixtures.englishReview, in: state)
        let screen = Labeler.view(state)
        let title = try #require(row(of: "guide v2 · Tab closes", in: screen))
        let heading = try #require(row(of: "Review sentiment", in: screen))
        #expect(heading == title + 1)
        #expect(try #require(cells(screen, "Review sentiment", row: heading)).allSatisfy { $0.style.bold })
    }

    @Test func revisitingSaysWhereTheItemCameFromAndWhatWasDecided() throws {
        var item = ViewFixtures.englishReview
        item.existing = ExistingDecision(annotationID: 9, kind: .skip, value: nil)
        item.suggestion = nil
        var state = ViewFixtures.showing(item, in: try ViewFixtures.state())
        state.context = .history(annotationID: 9)
        state.pendingComment = "typo in the source"
        let screen = Labeler.view(state)
        #expect(screen.text(row: 1).hasSuffix("history"))
        #expect(screen.text(row: 21) == " skipped · comment: typo in the source")
        #expect(!screen.text(row: 22).isEmpty && (0..<80).allSatisfy { !screen[$0, 22].style.reverse })
    }

    @Test func metadataAndHintsAreDim() throws {
        let screen = Labeler.view(ViewFixtures.showing(ViewFixtures.englishReview, in: try ViewFixtures.state()))
        #expect(try #require(cells(screen, "#r001", row: 1)).allSatisfy { $0.style.dim })
        #expect(try #require(cells(screen, "? help", row: 23)).allSatisfy { $0.style.dim })
    }
}
