@testable import GlossTerminal
import Testing

@Test func blankScreenIsEmptyRows() {
    let screen = Screen(width: 5, height: 3)
    #expect(screen.plainText == "\n\n")
    #expect(screen[0, 0] == .blank())
    #expect(screen[9, 9] == .blank())  // off screen reads as blank
}

@Test func putWritesLeftToRightAndCountsColumns() {
    var screen = Screen(width: 10, height: 2)
    #expect(screen.put("hello", x: 1, y: 0) == 5)
    #expect(screen.put("world", x: 3, y: 1) == 5)
    #expect(screen.plainText == " hello\n   world")
}

@Test func putClipsAtTheRightEdgeAndAtMaxWidth() {
    var screen = Screen(width: 5, height: 3)
    #expect(screen.put("abcdefg", x: 2, y: 0) == 3)
    #expect(screen.put("abcdef", x: 0, y: 1, maxWidth: 3) == 3)
    #expect(screen.put("zz", x: 0, y: 2, maxWidth: 0) == 0)
    #expect(screen.put("zz", x: 0, y: 2, maxWidth: -4) == 0)
    #expect(screen.put("zz", x: 0, y: 3) == 0)   // below the screen
    #expect(screen.put("zz", x: 5, y: 2) == 0)   // right of it
    #expect(screen.plainText == "  abc\nabc\n")
}

@Test func negativeXSkipsColumnsLeftOfTheScreen() {
    var screen = Screen(width: 4, height: 2)
    #expect(screen.put("abc", x: -1, y: 0) == 2)
    #expect(screen.put("한b", x: -1, y: 1) == 2)  // the visible half of 한 is a space
    #expect(screen.plainText == "bc\n b")
}

@Test func wideCharactersTakeTwoCells() {
    var screen = Screen(width: 8, height: 1)
    #expect(screen.put("한국어", x: 1, y: 0) == 6)
    #expect(screen.plainText == " 한국어")
    #expect(screen[1, 0].text == "한")
    #expect(screen[1, 0].width == 2)
    #expect(screen[2, 0].isContinuation)
    #expect(screen[2, 0].text == "")
    #expect(screen[7, 0] == .blank())
}

@Test func aWideCharacterThatDoesNotFitBecomesASpace() {
    var screen = Screen(width: 5, height: 2)
    #expect(screen.put("한국어", x: 0, y: 0) == 5)
    #expect(screen[4, 0] == .blank())
    #expect(screen.put("xy한국", x: 0, y: 1, maxWidth: 3) == 3)
    #expect(screen.plainText == "한국\nxy")
    #expect(screen[3, 1] == .blank())
}

@Test func emojiAndVariationSelectorsAreTwoWide() {
    var screen = Screen(width: 10, height: 1)
    #expect(screen.put("👍 ok ❤️!", x: 0, y: 0) == 9)
    #expect(screen.plainText == "👍 ok ❤️!")
    #expect(screen[6, 0].text == "❤️")
    #expect(screen[7, 0].isContinuation)
    #expect(screen[8, 0].text == "!")
}

@Test func zeroWidthCharactersJoinThePreviousCell() {
    var screen = Screen(width: 6, height: 3)
    #expect(screen.put("a\u{200B}b", x: 0, y: 0) == 2)      // zero-width space
    #expect(screen[0, 0].text == "a\u{200B}")
    #expect(screen[1, 0].text == "b")
    #expect(screen.put("e\u{301}x", x: 0, y: 1) == 2)        // combining acute
    #expect(screen[0, 1].text == "e\u{301}")
    #expect(screen.put("\u{301}x", x: 0, y: 2) == 1)         // nothing before it: dropped
    #expect(screen.plainText == "a\u{200B}b\ne\u{301}x\nx")
}

@Test func longClustersAreCut() {
    var screen = Screen(width: 3, height: 1)
    let zalgo = "a" + String(repeating: "\u{301}", count: 100)
    #expect(screen.put(zalgo, x: 0, y: 0) == 1)
    #expect(screen[0, 0].text.unicodeScalars.count == Screen.maxScalarsPerCell)
}

@Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var screen = Screen(width: 6, height: 1)
    screen.put("한국", x: 0, y: 0)
    screen.put("x", x: 1, y: 0)       // over 한's continuation: 한 goes
    #expect(screen.plainText == " x국")
    screen.put("y", x: 2, y: 0)       // over 국's first half: its continuation goes
    #expect(screen.plainText == " xy")
    #expect(screen[3, 0] == .blank())
    screen.put("한", x: 4, y: 0)
    screen.put("어", x: 3, y: 0)      // a wide character over half of another
    #expect(screen.plainText == " xy어")
    #expect(screen[5, 0] == .blank())
}

@Test func fillPaintsAClippedRectangle() {
    var screen = Screen(width: 4, height: 3)
    screen.put("abcd", x: 0, y: 0)
    screen.put("efgh", x: 0, y: 1)
    let bar = CellStyle(background: .blue)
    screen.fill(x: 2, y: -1, width: 5, height: 3, style: bar)
    #expect(screen.plainText == "ab\nef\n")
    #expect(screen[2, 0].style == bar)
    #expect(screen[3, 1].style == bar)
    #expect(screen[1, 1].style == .plain)
    #expect(screen[2, 2].style == .plain)
}

@Test func fillOverHalfAWideCharacterRemovesIt() {
    var screen = Screen(width: 4, height: 1)
    screen.put("한x", x: 0, y: 0)
    screen.fill(x: 1, y: 0, width: 1, height: 1)
    #expect(screen.plainText == "  x")
    #expect(!screen[1, 0].isContinuation)
}

@Test func stylesAreKeptPerCell() {
    var screen = Screen(width: 10, height: 1)
    let red = CellStyle(foreground: .red, bold: true)
    screen.put("ok", x: 0, y: 0, style: red)
    screen.put("한", x: 3, y: 0, style: CellStyle(reverse: true))
    #expect(screen[1, 0].style == red)
    #expect(screen[2, 0].style == .plain)
    #expect(screen[4, 0].style.reverse)  // the continuation carries the style too
}

@Test func textOfARowTrimsTrailingSpaces() {
    var screen = Screen(width: 6, height: 2)
    screen.put("a b  ", x: 0, y: 0)
    #expect(screen.text(row: 0) == "a b")
    #expect(screen.text(row: 1) == "")
    #expect(screen.text(row: 7) == "")
}

@Test(arguments: [
    ("red", TerminalColor.red), ("green", .green), ("yellow", .yellow), ("blue", .blue),
    ("magenta", .magenta), ("cyan", .cyan), ("white", .white), ("gray", .gray), ("grey", .gray),
    ("Grey", .gray), ("RED", .red), ("black", .black),
])
func guideColorNames(name: String, color: TerminalColor) {
    #expect(TerminalColor(name: name) == color)
}

@Test func unknownColorNames() {
    #expect(TerminalColor(name: "purple") == nil)
    #expect(TerminalColor(name: "") == nil)
}



/// Text from data that would clear the screen, set the window title, ring the bell or
/// reverse the line must show up as visible characters instead.
@Test(arguments: [
    ("\u{1B}[2J\u{1B}]0;pwned\u{07}", "␛[2J␛]0;pwned␇"),
    ("\u{202E}abc", "\\u{202E}abc"),
    ("a\tb", "a b"),
    ("one\ntwo\r\n", "one␊two␍␊"),
    ("\u{0}\u{1}\u{1F}", "␀␁␟"),
    ("x\u{7F}", "x␡"),
    ("\u{9B}31m", "\\u{9B}31m"),          // C1 CSI
    ("\u{85}\u{80}\u{9F}", "\\u{85}\\u{80}\\u{9F}"),
    ("\u{202A}\u{202B}\u{202C}\u{202D}", "\\u{202A}\\u{202B}\\u{202C}\\u{202D}"),
    ("\u{2066}a\u{2069}", "\\u{2066}a\\u{2069}"),
    ("\u{2067}\u{2068}", "\\u{2067}\\u{2068}"),
    ("\u{200E}\u{200F}\u{061C}", "\\u{200E}\\u{200F}\\u{61C}"),
    ("a\u{2028}b\u{2029}", "a\\u{2028}b\\u{2029}"),
])
func hostileTextIsMadeVisible(text: String, shown: String) {
    #expect(Screen.sanitized(text) == shown)
}

@Test(arguments: ["plain", "한국어 텍스트", "emoji 👍🏽 👨‍👩‍👧", "e\u{301}", "arabic عربي", ""])
func ordinaryTextIsUnchanged(text: String) {
    #expect(Screen.sanitized(text) == text)
}

@Test func hostileTextOnAScreen() {
    var screen = Screen(width: 24, height: 3)
    #expect(screen.put("\u{1B}[2J\u{1B}]0;pwned\u{07}", x: 0, y: 0) == 14)
    #expect(screen.put("\u{202E}abc", x: 0, y: 1) == 11)
    screen.put("tab\there\u{1B}", x: 0, y: 2)
    #expect(screen.plainText == """
        ␛[2J␛]0;pwned␇
        \\u{202E}abc
        tab here␛
        """)
    let scalars = (0..<3).flatMap { y in (0..<24).flatMap { x in screen[x, y].text.unicodeScalars } }
    #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
}

@Test func sanitizedTextIsClippedLikeAnyOther() {
    var screen = Screen(width: 6, height: 1)
    #expect(screen.put("\u{202E}evil", x: 0, y: 0) == 6)
    #expect(screen.plainText == "\\u{202")
}
