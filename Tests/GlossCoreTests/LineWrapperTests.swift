import GlossCore
import Testing

private func wrap(_ text: String, width: Int, first: String = "", indent: String = "") -> [String] {
    LineWrapper.wrap([StyledRun(text: text)], width: width,
                     firstPrefix: first.isEmpty ? [] : [StyledRun(text: first)],
                     indent: indent.isEmpty ? [] : [StyledRun(text: indent)]).map(\.plainText)
}

@Test func wrapsGreedilyAtSpaces() {
    #expect(wrap("the quick brown fox jumps over", width: 10) == ["the quick", "brown fox", "jumps over"])
    // Spaces inside a line are kept, spaces at a break and at the end are dropped.
    #expect(wrap("a  b   ", width: 10) == ["a  b"])
    #expect(wrap("aaaa bbbb", width: 4) == ["aaaa", "bbbb"])
}

@Test func longWordsAreHardBroken() {
    #expect(wrap("abcdefghijklmnop", width: 5) == ["abcde", "fghij", "klmno", "p"])
    #expect(wrap("go https://example.com/x ok", width: 8) == ["go", "https://", "example.", "com/x ok"])
}

@Test func prefixesCountInTheWidth() {
    #expect(wrap("alpha beta gamma delta", width: 12, first: "• ", indent: "  ")
        == ["• alpha beta", "  gamma", "  delta"])
    #expect(wrap("one two three four", width: 10, first: "│ ", indent: "│ ") == ["│ one two", "│ three", "│ four"])
    let styled = LineWrapper.wrap([StyledRun(text: "x y")], width: 4,
                                  firstPrefix: [StyledRun(text: "> ", style: .quote)],
                                  indent: [StyledRun(text: "> ", style: .quote)])
    #expect(styled == [StyledLine(runs: [StyledRun(text: "> ", style: .quote), StyledRun(text: "x")]),
                       StyledLine(runs: [StyledRun(text: "> ", style: .quote), StyledRun(text: "y")])])
}

@Test func aPrefixWiderThanTheWidthIsCutShort() {
    let out = LineWrapper.wrap([StyledRun(text: "abc")], width: 3, firstPrefix: [StyledRun(text: "> > > ")])
    #expect(out.map(\.plainText) == [">ab", "c"])
}

@Test func stylesSurviveWrapping() {
    let out = LineWrapper.wrap([StyledRun(text: "alpha ", style: .bold), StyledRun(text: "beta gamma")], width: 10)
    #expect(out == [
        StyledLine(runs: [StyledRun(text: "alpha ", style: .bold), StyledRun(text: "beta")]),
        StyledLine(runs: [StyledRun(text: "gamma")]),
    ])
}

@Test func cjkBreaksBetweenCharactersButHangulOnlyAtSpaces() {
    #expect(wrap("中文 中文中", width: 8) == ["中文 中", "文中"])
    #expect(wrap("가나 다라마", width: 8) == ["가나", "다라마"])
    // A Hangul word longer than the line is still hard-broken.
    #expect(wrap("가나다라마바사", width: 6) == ["가나다", "라마바", "사"])
}

@Test func noLineStartsWithClosingCJKPunctuation() {
    #expect(wrap("これはテストです。", width: 8) == ["これはテ", "ストで", "す。"])
}

@Test func graphemeClustersAreNeverSplit() {
    let family = "👨\u{200D}👩\u{200D}👧"
    #expect(wrap(String(repeating: family, count: 5), width: 5) == [family + family, family + family, family])
    #expect(wrap("🇰🇷🇯🇵🇺🇸", width: 5) == ["🇰🇷🇯🇵", "🇺🇸"])
    let accented = "e\u{301}"
    let out = wrap(String(repeating: accented, count: 4), width: 3)
    #expect(out == [accented + accented + accented, accented])
    #expect(out.map { $0.unicodeScalars.count } == [6, 2])
}

@Test func aClusterSplitAcrossRunsStaysWhole() {
    let out = LineWrapper.wrap([StyledRun(text: "e", style: .bold), StyledRun(text: "\u{301}x")], width: 5)
    #expect(out == [StyledLine(runs: [StyledRun(text: "e\u{301}", style: .bold), StyledRun(text: "x")])])
    #expect(out[0].width == 2)
}

@Test func lineFeedsForceBreaks() {
    #expect(wrap("one\ntwo three", width: 20, indent: "  ") == ["one", "  two three"])
}

@Test func emptyTextGivesThePrefixAlone() {
    #expect(wrap("", width: 10, first: "• ") == ["•"])
}

@Test func controlCharactersAreMadeVisible() {
    #expect(wrap("a\u{1B}b\tc", width: 20) == ["a\\u{1B}b    c"])
}

@Test func linesNeverExceedTheWidth() {
    let text = "Mixed 한국어 텍스트와 中文字符和日本語のテキスト https://example.com/path 👨‍👩‍👧 café́ end"
    for width in 2...60 {
        for line in LineWrapper.wrap([StyledRun(text: text)], width: width,
                                     firstPrefix: [StyledRun(text: "• ")], indent: [StyledRun(text: "  ")]) {
            #expect(line.width <= width, "width \(width): \(line.plainText)")
        }
    }
}
