import GlossCore
import GlossTasks
import Testing

private let english = "Dr. Anika Patel visited Berlin's museum."
private let korean = "삼성전자가 평택에 공장을 짓는다."

private func span(_ start: Int, _ end: Int, _ label: String) -> LabeledRange {
    LabeledRange(start: start, end: end, label: label)
}

@Suite("Span editor")
struct SpanEditorTests {
    @Test func startsOnTheFirstToken() {
        let editor = SpanEditor(text: english)
        #expect(editor.tokens.count == 10)
        #expect(editor.cursor == 0)
        #expect(editor.selection == 0..<2)
        #expect(editor.selectedText == "Dr")
        #expect(editor.spans.isEmpty)
        #expect(editor.textLength == 40)
    }

    @Test func selectsAndLabelsAPersonName() {
        var editor = SpanEditor(text: english)
        editor.moveRight()  // "."
        #expect(editor.selection == 2..<3)
        editor.moveRight()  // "Anika"
        #expect(editor.cursor == 2)
        #expect(editor.selection == 4..<9)
        editor.extendRight()  // Shift+Right: "Anika Patel"
        #expect(editor.selection == 4..<15)
        #expect(editor.selectedText == "Anika Patel")
        #expect(editor.cursor == 3)
        #expect(editor.label("person") == true)
        #expect(editor.spans == [span(4, 15, "person")])
        #expect(editor.text(of: editor.spans[0]) == "Anika Patel")

        // Berlin's: the possessive is split off, so Berlin is one token to label.
        editor.moveRight()
        editor.moveRight()
        #expect(editor.selectedText == "Berlin")
        #expect(editor.label("location") == true)
        #expect(editor.spans == [span(4, 15, "person"), span(24, 30, "location")])
        // After a move the selection collapses to the next token, "'".
        editor.moveRight()
        #expect(editor.selection == 30..<31)
    }

    @Test func koreanParticleIsNudgedOff() {
        var editor = SpanEditor(text: korean)
        #expect(editor.tokens.first == TextToken(start: 0, end: 5, text: "삼성전자가"))
        #expect(editor.selection == 0..<5)
        editor.nudgeEnd(by: -1)
        #expect(editor.selection == 0..<4)
        #expect(editor.selectedText == "삼성전자")
        #expect(editor.label("organization") == true)
        #expect(editor.spans == [span(0, 4, "organization")])
        #expect(editor.text(of: editor.spans[0]) == "삼성전자")

        editor.moveRight()
        #expect(editor.selectedText == "평택에")
        editor.nudgeEnd(by: -1)
        #expect(editor.label("location") == true)
        #expect(editor.spans == [span(0, 4, "organization"), span(6, 8, "location")])
        #expect(editor.text(of: editor.spans[1]) == "평택")
    }

    @Test func placeNameBeforeTwoSyllableParticle() {
        var editor = SpanEditor(text: "김민수 씨는 서울에서")
        #expect(editor.label("person") == true)  // 김민수 has no particle
        editor.moveRight()
        editor.moveRight()
        #expect(editor.selection == 7..<11)
        editor.nudgeEnd(by: -1)
        editor.nudgeEnd(by: -1)
        #expect(editor.selection == 7..<9)
        #expect(editor.selectedText == "서울")
        #expect(editor.label("location") == true)
        #expect(editor.spans == [span(0, 3, "person"), span(7, 9, "location")])
    }

    @Test func extendGrowsByOneTokenEachSide() {
        var editor = SpanEditor(text: english)
        editor.moveRight()
        editor.moveRight()
        editor.extendRight()
        editor.extendRight()
        #expect(editor.selection == 4..<23)
        #expect(editor.cursor == 4)
        editor.extendLeft()
        #expect(editor.selection == 2..<23)
        #expect(editor.cursor == 1)
        editor.extendLeft()
        #expect(editor.selection == 0..<23)
        editor.extendLeft()  // nothing before the first token
        #expect(editor.selection == 0..<23)
        #expect(editor.cursor == 0)
        // Extending never shrinks, and stops at the last token.
        for _ in 0..<20 { editor.extendRight() }
        #expect(editor.selection == 0..<40)
        #expect(editor.cursor == 9)
        // A move collapses the selection again.
        editor.moveLeft()
        #expect(editor.selection == 33..<39)
    }

    @Test func extendCompletesANudgedToken() {
        var editor = SpanEditor(text: korean)
        editor.nudgeEnd(by: -1)
        editor.extendRight()  // the rest of 삼성전자가
        #expect(editor.selection == 0..<5)
        editor.extendRight()
        #expect(editor.selection == 0..<9)
        editor.moveRight()
        #expect(editor.cursor == 2)
        editor.nudgeStart(by: 1)
        #expect(editor.selectedText == "장을")
        editor.extendLeft()  // the rest of 공장을
        #expect(editor.selection == 10..<13)
        editor.extendLeft()
        #expect(editor.selection == 6..<13)
        #expect(editor.cursor == 1)
    }

    @Test func nudgesClampAtTextAndSelectionEdges() {
        var editor = SpanEditor(text: english)
        editor.nudgeStart(by: -1)
        #expect(editor.selection == 0..<2)
        editor.nudgeStart(by: 1)
        #expect(editor.selection == 1..<2)
        editor.nudgeStart(by: 1)  // never past end - 1
        #expect(editor.selection == 1..<2)
        editor.nudgeEnd(by: -1)  // never below start + 1
        #expect(editor.selection == 1..<2)
        editor.nudgeStart(by: -5)
        #expect(editor.selection == 0..<2)
        editor.nudgeEnd(by: 1)
        #expect(editor.selection == 0..<3)
        #expect(editor.selectedText == "Dr.")

        for _ in 0..<12 { editor.moveRight() }
        #expect(editor.cursor == 9)
        #expect(editor.selection == 39..<40)
        editor.nudgeEnd(by: 1)  // never past the text's length
        #expect(editor.selection == 39..<40)
        editor.nudgeStart(by: -100)
        editor.nudgeEnd(by: -100)
        #expect(editor.selection == 0..<1)
        editor.nudgeEnd(by: 100)
        #expect(editor.selection == 0..<40)
        editor.nudgeStart(by: 100)
        #expect(editor.selection == 39..<40)
        for _ in 0..<12 { editor.moveLeft() }
        #expect(editor.cursor == 0)
        #expect(editor.selection == 0..<2)
    }

    @Test func labelTrimsWhiteSpaceAtTheEdges() {
        var editor = SpanEditor(text: english)
        editor.moveRight()
        editor.moveRight()
        editor.nudgeStart(by: -1)
        editor.nudgeEnd(by: 1)
        #expect(editor.selectedText == " Anika ")
        #expect(editor.label("person") == true)
        #expect(editor.spans == [span(4, 9, "person")])
        #expect(editor.selection == 4..<9)
        #expect(editor.label("") == false)  // an empty label name is refused
        #expect(editor.spans == [span(4, 9, "person")])
    }

    @Test func overlappingLabelsReplace() {
        var editor = SpanEditor(text: english)
        editor.moveRight()
        editor.moveRight()
        editor.extendRight()
        editor.label("person")  // Anika Patel
        editor.moveRight()
        editor.moveRight()
        editor.label("location")  // Berlin
        editor.moveRight()
        editor.moveRight()
        editor.moveRight()
        editor.label("organization")  // museum
        #expect(editor.spans == [span(4, 15, "person"), span(24, 30, "location"), span(33, 39, "organization")])

        // Relabeling the same range replaces the label.
        #expect(editor.label("place") == true)
        #expect(editor.spans == [span(4, 15, "person"), span(24, 30, "location"), span(33, 39, "place")])

        // A span overlapping one end of another replaces it.
        for _ in 0..<5 { editor.moveLeft() }
        #expect(editor.selectedText == "Patel")
        editor.label("surname")
        #expect(editor.spans == [span(10, 15, "surname"), span(24, 30, "location"), span(33, 39, "place")])

        // A span across several replaces them all; touching spans are kept.
        editor.moveRight()
        editor.moveRight()
        editor.extendRight()
        editor.extendRight()
        #expect(editor.selectedText == "Berlin's")
        editor.extendRight()
        #expect(editor.selection == 24..<39)
        editor.label("thing")
        #expect(editor.spans == [span(10, 15, "surname"), span(24, 39, "thing")])
        for _ in 0..<4 { editor.moveLeft() }
        editor.extendRight()
        #expect(editor.selection == 16..<30)
        editor.nudgeStart(by: -1)
        #expect(editor.selectedText == " visited Berlin")
        editor.label("x")  // trimmed to 16..<30, which overlaps "thing" but not "surname"
        #expect(editor.spans == [span(10, 15, "surname"), span(16, 30, "x")])
        editor.moveRight()
        #expect(editor.selection == 30..<31)
        editor.label("p")  // touching at 30 is not overlapping
        #expect(editor.spans == [span(10, 15, "surname"), span(16, 30, "x"), span(30, 31, "p")])
    }

    @Test func removeSpanAtCursor() {
        var editor = SpanEditor(text: korean, spans: [span(0, 4, "organization"), span(6, 8, "location")])
        #expect(editor.removeSpanAtCursor() == span(0, 4, "organization"))
        #expect(editor.spans == [span(6, 8, "location")])
        #expect(editor.removeSpanAtCursor() == nil)  // nothing under 삼성전자가 any more
        editor.moveRight()
        editor.nudgeStart(by: -1)  // start on the space before 평택에: the cursor token decides
        #expect(editor.selection == 5..<9)
        #expect(editor.removeSpanAtCursor() == span(6, 8, "location"))
        #expect(editor.spans.isEmpty)
        #expect(editor.removeSpanAtCursor() == nil)

        // The span containing the selection start wins over the cursor token.
        var other = SpanEditor(text: english, spans: [span(0, 3, "title"), span(4, 15, "person")])
        other.moveRight()
        other.moveRight()
        other.moveRight()  // Patel, inside the person span
        #expect(other.removeSpanAtCursor() == span(4, 15, "person"))
        #expect(other.spans == [span(0, 3, "title")])
    }

    @Test func initialSpansAreClampedSortedAndMadeDisjoint() {
        let editor = SpanEditor(text: english, spans: [
            span(10, 15, "b"), span(4, 9, "a"), span(-3, 2, "x"), span(38, 100, "y"), span(5, 5, "empty"),
            span(60, 70, "outside"), span(8, 12, "z"),
        ])
        #expect(editor.spans == [span(0, 2, "x"), span(8, 12, "z"), span(38, 40, "y")])
        #expect(editor.text(of: editor.spans[2]) == "m.")
        #expect(editor.text(of: span(30, 200, "")) == "'s museum.")
    }

    @Test func emojiAndFlagsAreSelectable() {
        var editor = SpanEditor(text: "I ❤️ 🇰🇷 and 👩‍💻!")
        #expect(editor.tokens.map(\.start) == [0, 2, 5, 8, 12, 15])
        #expect(editor.tokens.map(\.end) == [1, 4, 7, 11, 15, 16])
        editor.moveRight()
        editor.moveRight()
        #expect(editor.selection == 5..<7)
        #expect(editor.selectedText == "🇰🇷")
        editor.label("flag")
        editor.moveRight()
        editor.moveRight()
        #expect(editor.selectedText == "👩‍💻")
        editor.label("job")
        #expect(editor.spans == [span(5, 7, "flag"), span(12, 15, "job")])
        #expect(editor.textLength == 16)
    }

    @Test func combiningMarksCountAsScalars() {
        var editor = SpanEditor(text: "Cafe\u{301} Zoë")
        #expect(editor.selection == 0..<5)
        #expect(Array(editor.selectedText.unicodeScalars) == Array("Cafe\u{301}".unicodeScalars))
        editor.nudgeEnd(by: -1)  // a nudge can split a mark from its base: offsets are scalars
        #expect(editor.selectedText == "Cafe")
        editor.moveRight()
        #expect(editor.selection == 6..<9)
        #expect(editor.selectedText == "Zoë")
        editor.label("person")
        #expect(editor.spans == [span(6, 9, "person")])
    }

    @Test func emptyTextAndWhiteSpaceOnlyText() {
        var empty = SpanEditor(text: "")
        #expect(empty.tokens.isEmpty)
        #expect(empty.selection == 0..<0)
        #expect(empty.cursor == 0)
        empty.moveLeft()
        empty.moveRight()
        empty.extendLeft()
        empty.extendRight()
        empty.nudgeStart(by: -1)
        empty.nudgeStart(by: 1)
        empty.nudgeEnd(by: 1)
        empty.nudgeEnd(by: -1)
        #expect(empty.selection == 0..<0)
        #expect(empty.selectedText == "")
        #expect(empty.label("person") == false)
        #expect(empty.removeSpanAtCursor() == nil)
        #expect(empty == SpanEditor(text: ""))

        var spaces = SpanEditor(text: "   ")
        #expect(spaces.tokens.isEmpty)
        #expect(spaces.selection == 0..<0)
        spaces.moveRight()
        spaces.extendRight()
        #expect(spaces.selection == 0..<0)
        #expect(spaces.label("person") == false)
        spaces.nudgeEnd(by: 2)
        #expect(spaces.selection == 0..<2)
        #expect(spaces.label("person") == false)  // all white space once trimmed
        #expect(spaces.spans.isEmpty)
        #expect(spaces.removeSpanAtCursor() == nil)
    }

    @Test func longTextIsWalkedTokenByToken() {
        let count = 10_000
        var text = ""
        var expected: [Range<Int>] = []
        var offset = 0
        for i in 0..<count {
            if i > 0 && i % 7 == 0 {
                text += ", "
                expected.append(offset..<offset + 1)  // the comma
                offset += 2
            } else if i > 0 {
                text += " "
                offset += 1
            }
            let word = "w\(i)"
            text += word
            expected.append(offset..<offset + word.count)
            offset += word.count
        }
        #expect(text.unicodeScalars.count == offset)
        var editor = SpanEditor(text: text)
        #expect(editor.tokens.count == expected.count)
        #expect(editor.tokens.map(\.range) == expected)
        var ok = true
        for i in 1..<expected.count {
            editor.moveRight()
            ok = ok && editor.cursor == i && editor.selection == expected[i]
        }
        #expect(ok)
        editor.moveRight()
        #expect(editor.cursor == expected.count - 1)
        #expect(editor.selectedText == "w9999")
        for _ in 0..<5_000 { editor.moveLeft() }
        let middle = expected.count - 1 - 5_000
        #expect(editor.cursor == middle)
        #expect(editor.selection == expected[middle])
        editor.extendRight()
        editor.label("pair")
        #expect(editor.spans == [span(expected[middle].lowerBound, expected[middle + 1].upperBound, "pair")])
        #expect(editor.removeSpanAtCursor() != nil)
        #expect(editor.spans.isEmpty)
    }
}
