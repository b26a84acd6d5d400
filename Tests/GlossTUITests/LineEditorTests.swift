import GlossTerminal
@testable import GlossTUI
import Testing

/// The line editor's keys, one by one, on plain, wide and combining text.
@Suite struct LineEditorTests {
    /// An editor after typing `text` character by character (as keys arrive).
    func typed(_ text: String, multiline: Bool = true) -> LineEditor {
        var editor = LineEditor(multiline: multiline)
        for scalar in text.unicodeScalars { _ = editor.handle(.character(Character(scalar))) }
        return editor
    }

    func press(_ editor: inout LineEditor, _ keys: Key...) {
        for key in keys { _ = editor.handle(key) }
    }

    @Test func typingInsertsAtTheCursor() {
        var editor = typed("helo")
        press(&editor, .left)
        #expect(editor.handle(.character("l")) == .edited)
        #expect(editor.text == "hello")
        #expect(editor.cursor == 4)
    }

    @Test func leftAndRightStopAtTheEnds() {
        var editor = typed("ab")
        press(&editor, .right, .right)
        #expect(editor.cursor == 2)
        press(&editor, .left, .left, .left, .control("b"))
        #expect(editor.cursor == 0)
        press(&editor, .control("f"))
        #expect(editor.cursor == 1)
    }

    @Test func wordMovesWithAltAndCtrlArrows() {
        var editor = typed("the quick, brown fox")
        press(&editor, .alt(.character("b")))
        #expect(editor.cursor == 17)  // before "fox"
        press(&editor, .controlLeft)
        #expect(editor.cursor == 11)  // before "brown": the comma is skipped
        press(&editor, .controlLeft, .controlLeft)
        #expect(editor.cursor == 0)
        press(&editor, .alt(.character("f")))
        #expect(editor.cursor == 3)  // after "the"
        press(&editor, .controlRight)
        #expect(editor.cursor == 9)  // after "quick"
    }

    @Test func homeEndAndCtrlAEWorkOnTheCurrentLine() {
        var editor = typed("first")
        press(&editor, .alt(.enter))
        for character in "second" { _ = editor.handle(.character(character)) }
        press(&editor, .home)
        #expect(editor.cursor == 6)
        press(&editor, .end)
        #expect(editor.cursor == 12)
        press(&editor, .control("a"))
        #expect(editor.cursor == 6)
        press(&editor, .left, .control("a"))
        #expect(editor.cursor == 0)
        press(&editor, .control("e"))
        #expect(editor.cursor == 5)
    }

    @Test func ctrlWDeletesTheWordBefore() {
        var editor = typed("keep this word  ")
        #expect(editor.handle(.control("w")) == .edited)
        #expect(editor.text == "keep this ")
        press(&editor, .control("w"), .control("w"))
        #expect(editor.text == "")
        #expect(editor.handle(.control("w")) == .nothing)
    }

    @Test func altBackspaceDeletesToTheWordStart() {
        var editor = typed("path/to/file")
        press(&editor, .alt(.backspace))
        #expect(editor.text == "path/to/")
    }

    @Test func ctrlUAndCtrlKDeleteToTheLineEnds() {
        var editor = typed("one two three")
        press(&editor, .alt(.character("b")), .control("k"))
        #expect(editor.text == "one two ")
        press(&editor, .control("b"), .control("u"))
        #expect(editor.text == " ")
        #expect(editor.cursor == 0)

        var lines = typed("a")
        press(&lines, .alt(.enter), .character("b"), .up, .control("k"))
        #expect(lines.text == "ab")  // at a line's end Ctrl-K joins the next line
    }

    @Test func backspaceAndDelete() {
        var editor = typed("abc")
        press(&editor, .backspace)
        #expect(editor.text == "ab")
        press(&editor, .home, .delete)
        #expect(editor.text == "b")
        press(&editor, .control("d"))
        #expect(editor.text == "")
        #expect(editor.handle(.backspace) == .nothing)
        #expect(editor.handle(.delete) == .nothing)
    }

    @Test func undoGoesBackSeveralEditsAndTypingRunsAreOneStep() {
        var editor = typed("hello world")
        press(&editor, .control("w"))
        #expect(editor.text == "hello ")
        press(&editor, .control("z"))
        #expect(editor.text == "hello world")
        #expect(editor.cursor == 11)
        press(&editor, .control("_"))  // the word "world" typed in one run
        #expect(editor.text == "hello ")
        press(&editor, .control("z"))  // the space
        #expect(editor.text == "hello")
        press(&editor, .control("z"))
        #expect(editor.text == "")
        #expect(editor.handle(.control("z")) == .nothing)
    }

    @Test func undoBringsBackTheTextBeforeAReplacement() {
        var editor = LineEditor("draft")
        editor.replaceAll(with: "edited\r\nelsewhere")
        #expect(editor.text == "edited\nelsewhere")
        press(&editor, .control("z"))
        #expect(editor.text == "draft")
    }

    @Test func hangulSyllablesAreOneStepEach() {
        var editor = typed("한국어")
        #expect(editor.characters.count == 3)
        press(&editor, .left)
        #expect(editor.cursor == 2)
        press(&editor, .backspace)
        #expect(editor.text == "한어")
        press(&editor, .controlLeft)
        #expect(editor.cursor == 0)  // Hangul letters make words
    }

    @Test func conjoiningJamoAndCombiningMarksStayOneCluster() {
        // ᄒ + ᅡ + ᆫ typed one scalar at a time make one syllable-cluster.
        var editor = typed("\u{1112}\u{1161}\u{11AB}x")
        #expect(editor.characters.count == 2)
        press(&editor, .left, .left)
        #expect(editor.cursor == 0)
        press(&editor, .delete)
        #expect(editor.text == "x")

        var accents = typed("e\u{301}t\u{E9}")
        #expect(accents.characters.count == 3)
        press(&accents, .left, .left, .backspace)
        #expect(accents.text == "t\u{E9}")
    }

    @Test func singleLineEditorRefusesLineBreaks() {
        var editor = LineEditor("a\nb", multiline: false)
        #expect(editor.text == "a b")
        #expect(editor.handle(.alt(.enter)) == .notMine)
        #expect(editor.handle(.enter) == .notMine)
        #expect(editor.handle(.escape) == .notMine)
    }

    @Test func upAndDownKeepTheDisplayColumn() {
        var editor = LineEditor("한국 말\nabcdef")
        #expect(editor.cursor == 11)
        press(&editor, .home, .right, .right, .right)  // after "abc": column 3
        press(&editor, .up)
        #expect(editor.cursor == 1)  // after "한" (2 columns): "국" would pass column 3
        #expect(editor.handle(.up) == .notMine)
        press(&editor, .right, .down)
        #expect(editor.cursor == 9)  // column 4: after "abcd"
        #expect(editor.handle(.down) == .notMine)
    }
}

/// The editor's rows at a width: wrapping by display width, never inside a cluster.
@Suite struct EditorLayoutTests {
    @Test func wrapsAfterTheLastSpaceThatFits() {
        let layout = EditorLayout(LineEditor("the quick brown fox"), width: 10)
        #expect(layout.rows.map(\.text) == ["the quick ", "brown fox"])
        #expect(layout.cursorRow == 1)
        #expect(layout.cursorColumn == 9)
    }

    @Test func wideCharactersMoveWholeToTheNextRow() {
        // Five syllables of 2 columns in 9 columns: four fit, the fifth goes below.
        let layout = EditorLayout(LineEditor("가나다라마"), width: 9)
        #expect(layout.rows.map(\.text) == ["가나다라", "마"])
        #expect(layout.cursorColumn == 2)
    }

    @Test func aFullLastRowPutsTheCursorBelow() {
        let layout = EditorLayout(LineEditor("가나"), width: 4)
        #expect(layout.rows.map(\.text) == ["가나", ""])
        #expect(layout.cursorRow == 1)
        #expect(layout.cursorColumn == 0)
    }

    @Test func lineBreaksStartRowsAndATrailingOneLeavesAnEmptyRow() {
        var editor = LineEditor("ab\n")
        #expect(EditorLayout(editor, width: 10).rows.map(\.text) == ["ab", ""])
        #expect(EditorLayout(editor, width: 10).cursorRow == 1)
        _ = editor.handle(.up)
        let layout = EditorLayout(editor, width: 10)
        #expect(layout.cursorRow == 0)
        #expect(layout.cursorColumn == 0)
    }

    @Test func theCursorAtAWrappedRowsEndShowsAtTheNextRowsStart() {
        var editor = LineEditor("abcd efgh")
        for _ in 0..<4 { _ = editor.handle(.left) }  // before "efgh"
        let layout = EditorLayout(editor, width: 6)
        #expect(layout.rows.map(\.text) == ["abcd ", "efgh"])
        #expect(layout.cursorRow == 1)
        #expect(layout.cursorColumn == 0)
    }

    @Test func hostileCharactersAreMeasuredAsShown() {
        // ESC shows as one visible symbol, a bidi override as a ten-column escape.
        let layout = EditorLayout(LineEditor("a\u{1B}b\u{202E}"), width: 40)
        #expect(layout.cursorColumn == 3 + screenWidth("\u{202E}"))
        #expect(screenWidth("\u{202E}") > 1)
    }
}
