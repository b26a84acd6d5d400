import GlossCore
import Testing

private func lines(_ markdown: String, width: Int) -> [String] {
    MarkdownRenderer.render(markdown, width: width).map(\.plainText)
}

private func run(_ text: String, _ style: TextStyle = []) -> StyledRun {
    StyledRun(text: text, style: style)
}

// MARK: - Headings and block spacing

@Test func headingsAreUnderlinedAsWideAsTheirText() {
    let markdown = "# Guide\n\n## Labels and keys\n\n### Notes\ntext"
    #expect(lines(markdown, width: 40) == [
        "Guide", "═════", "",
        "Labels and keys", "───────────────", "",
        "Notes", "",
        "text",
    ])
    let rendered = MarkdownRenderer.render(markdown, width: 40)
    #expect(rendered[0].runs == [run("Guide", [.heading, .bold])])
    #expect(rendered[1].runs == [run("═════", .heading)])
    #expect(rendered[6].runs == [run("Notes", .heading)])
    #expect(rendered.compactMap(\.anchor) == ["guide", "labels and keys", "notes"])
}

@Test func headingUnderlineUsesDisplayWidthNotCharacterCount() {
    // "감성 분류": four Hangul syllables (2 columns each) and a space.
    #expect(lines("# 감성 분류", width: 40) == ["감성 분류", String(repeating: "═", count: 9)])
}

@Test func headingClosingHashesAndInlineMarkupAreRemovedFromTextAndAnchor() {
    let rendered = MarkdownRenderer.render("## The *Mixed* Case ##", width: 40)
    #expect(rendered.map(\.plainText) == ["The Mixed Case", "──────────────"])
    #expect(rendered[0].anchor == "the mixed case")
    #expect(rendered[0].runs == [run("The ", [.heading, .bold]), run("Mixed", [.heading, .bold, .italic]),
                                 run(" Case", [.heading, .bold])])
}

@Test func aWrappedHeadingIsUnderlinedToItsWidestLine() {
    #expect(lines("# A heading that is very long and wraps", width: 20) == [
        "A heading that is", "very long and wraps", String(repeating: "═", count: 19),
    ])
}

@Test func oneBlankLineBetweenBlocksAndNoneAtTheEdges() {
    #expect(lines("\n\n# A\n\n\n\npara\n\n\n", width: 20) == ["A", "═", "", "para"])
    #expect(lines("para\n# Head\nnext", width: 20) == ["para", "", "Head", "════", "", "next"])
    #expect(lines("", width: 20) == [])
    #expect(lines("\n  \n", width: 20) == [])
    // Hard breaks on empty lines cannot stack blank lines either.
    #expect(lines("a\\\n\\\n\\\nb", width: 20) == ["a", "", "b"])
    #expect(lines("\\\n\\\ntext", width: 20) == ["text"])
}

// MARK: - Paragraphs

private let review = "Read each review and choose\nthe label that best matches the opinion of its author."

@Test func paragraphLinesAreJoinedAndWrappedAtWidth20() {
    #expect(lines(review, width: 20) == [
        "Read each review and",
        "choose the label",
        "that best matches",
        "the opinion of its",
        "author.",
    ])
}

@Test func paragraphWrapsAtWidth40() {
    #expect(lines(review, width: 40) == [
        "Read each review and choose the label",
        "that best matches the opinion of its",
        "author.",
    ])
}

@Test func hardBreaksFromTrailingSpacesAndBackslash() {
    #expect(lines("first line  \nsecond\\\nthird\nfourth", width: 40) == ["first line", "second", "third fourth"])
    // A trailing backslash on the last line is literal.
    #expect(lines("end\\", width: 40) == ["end\\"])
}

@Test func tabsExpandToFourSpaces() {
    #expect(lines("col1\tcol2", width: 40) == ["col1    col2"])
}

// MARK: - Wide and complex characters

@Test func koreanWrapsAtSpacesWithinTheWidth() {
    let text = "삼성전자가 새 반도체 공장을 평택에 짓는다고 발표했다."
    let out = MarkdownRenderer.render(text, width: 20)
    #expect(out.map(\.plainText) == ["삼성전자가 새 반도체", "공장을 평택에", "짓는다고 발표했다."])
    #expect(out.map(\.width) == [20, 13, 18])
    #expect(out.allSatisfy { $0.width <= 20 })
    #expect(out.map(\.plainText).joined(separator: " ") == text)
}

@Test func chineseWithoutSpacesBreaksBetweenCharacters() {
    #expect(lines("我们今天在北京召开了一次非常重要的会议。", width: 10) == [
        "我们今天在", "北京召开了", "一次非常重", "要的会议。",
    ])
}

@Test func japaneseBreaksBetweenCharactersWithinTheWidth() {
    let out = MarkdownRenderer.render("テストの文章を表示します", width: 11)
    // 12 characters of 2 columns: five per line (10 columns), an 11th column is never half-used.
    #expect(out.map(\.plainText) == ["テストの文", "章を表示し", "ます"])
}

@Test func emojiClustersStayWholeAndCountTwoColumns() {
    let family = "👨\u{200D}👩\u{200D}👧"
    let out = MarkdownRenderer.render("Team \(family) won 🇰🇷", width: 10)
    #expect(out.map(\.plainText) == ["Team \(family)", "won 🇰🇷"])
    #expect(out.map(\.width) == [7, 6])
}

@Test func combiningMarksTakeNoColumns() {
    let cafe = "cafe\u{301}"
    let out = MarkdownRenderer.render("\(cafe) \(cafe) \(cafe)", width: 9)
    #expect(out.map(\.plainText) == ["\(cafe) \(cafe)", cafe])
    #expect(out.map(\.width) == [9, 4])
}

@Test func aURLLongerThanTheWidthIsHardBroken() {
    let text = "See https://example.com/a/very/long/path/that/keeps/going for details"
    #expect(lines(text, width: 20) == [
        "See",
        "https://example.com/",
        "a/very/long/path/tha",
        "t/keeps/going for",
        "details",
    ])
}

// MARK: - Lists

@Test func nestedListsUseHangingIndents() {
    let markdown = """
    - Read the whole review before choosing
      - Skim the title first, then the body
        - Third level stays readable
    - Skip when unsure
    """
    let out = MarkdownRenderer.render(markdown, width: 24)
    #expect(out.map(\.plainText) == [
        "• Read the whole review",
        "  before choosing",
        "  ◦ Skim the title",
        "    first, then the body",
        "    • Third level stays",
        "      readable",
        "• Skip when unsure",
    ])
    #expect(out[0].runs == [run("• ", .listMarker), run("Read the whole review")])
    #expect(out[2].runs == [run("  "), run("◦ ", .listMarker), run("Skim the title")])
}

@Test func allBulletCharactersAndLooseItems() {
    #expect(lines("* one\n* two", width: 20) == ["• one", "• two"])
    #expect(lines("+ one\n\n+ two\n  more", width: 20) == ["• one", "", "• two more"])
    // Changing the bullet character starts a new list.
    #expect(lines("- one\n+ two", width: 20) == ["• one", "", "• two"])
}

@Test func orderedListsKeepTheirNumbersAndWrapUnderTheText() {
    let markdown = "3. Open the item\n4. Pick a label that fits the text best"
    #expect(lines(markdown, width: 20) == [
        "3. Open the item",
        "4. Pick a label that",
        "   fits the text",
        "   best",
    ])
    #expect(lines("1) first\n2) second", width: 20) == ["1) first", "2) second"])
    #expect(lines("9. nine\n10. ten", width: 20) == [" 9. nine", "10. ten"])
    // Like CommonMark, items count up from the first number.
    #expect(lines("1. a\n1. b\n1. c", width: 20) == ["1. a", "2. b", "3. c"])
}

@Test func aNumberOtherThanOneDoesNotInterruptAParagraph() {
    #expect(lines("In\n2019. it rained", width: 40) == ["In 2019. it rained"])
}

// MARK: - Quotes, code, rules

@Test func blockQuotesPrefixEveryLine() {
    let markdown = "> **Rule:** label what the author says, not what you think.\n> Second line"
    let out = MarkdownRenderer.render(markdown, width: 24)
    #expect(out.map(\.plainText) == [
        "│ Rule: label what the",
        "│ author says, not what",
        "│ you think. Second line",
    ])
    #expect(out[0].runs == [run("│ ", .quote), run("Rule:", .bold), run(" label what the")])
    #expect(lines("> a\n>\n> > b\n> - item", width: 20) == ["│ a", "│", "│ │ b", "│", "│ • item"])
}

@Test func fencedCodeIsVerbatimIndentedAndTruncated() {
    let markdown = """
    ```python
    print("short")
    label = classify(review_text, model="large-model-v2")
        **not bold**\tx
    ```
    ~~~
    tilde
    ~~~
    """
    let out = MarkdownRenderer.render(markdown, width: 30)
    #expect(out.map(\.plainText) == [
        "  print(\"short\")",
        "  label = classify(review_tex…",
        "      **not bold**    x",
        "",
        "  tilde",
    ])
    #expect(out[1].width == 30)
    #expect(out[0].runs == [run("  print(\"short\")", .codeBlock)])
}

@Test func thematicBreaksSpanTheWidth() {
    #expect(lines("a\n\n---\n\nb\n***", width: 12) == ["a", "", "────────────", "", "b", "", "────────────"])
}

// MARK: - Inline

@Test func inlineStylesProduceRuns() {
    #expect(MarkdownRenderer.render("**bold** and *it*", width: 40)[0].runs
        == [run("bold", .bold), run(" and ", []), run("it", .italic)])
    #expect(MarkdownRenderer.render("__b__ _i_ `x*y*` ***both***", width: 40)[0].runs
        == [run("b", .bold), run(" "), run("i", .italic), run(" "), run("x*y*", .code), run(" "),
            run("both", [.bold, .italic])])
}

@Test func linksDropTheURL() {
    let out = MarkdownRenderer.render("See [the guide](https://example.com/guide) and <https://x.io>.", width: 60)
    #expect(out.map(\.plainText) == ["See the guide and https://x.io."])
    #expect(out[0].runs == [run("See "), run("the guide", .link), run(" and "), run("https://x.io", .link), run(".")])
    #expect(lines("![cat photo](cat.png)", width: 40) == ["[image: cat photo]"])
}

@Test func intrawordUnderscoresAreLiteral() {
    let out = MarkdownRenderer.render("Set snake_case_name and file_name_here", width: 60)
    #expect(out[0].runs == [run("Set snake_case_name and file_name_here")])
}

@Test func unclosedMarkersEscapesAndHTMLStayLiteral() {
    let out = MarkdownRenderer.render("\\*not italic\\* and <b>html</b> and **unclosed and [x]", width: 80)
    #expect(out[0].runs == [run("*not italic* and <b>html</b> and **unclosed and [x]")])
}

@Test func escapeSequencesComeOutVisible() {
    let out = MarkdownRenderer.render("# Alert\u{1B}[2J\n\nRed \u{1B}[31mALERT\u{1B}[0m \u{202E}x\n\n```\n\u{7}bell\n```", width: 40)
    #expect(out.map(\.plainText) == [
        "Alert\\u{1B}[2J", String(repeating: "═", count: 14), "",
        "Red \\u{1B}[31mALERT\\u{1B}[0m \\u{202E}x", "",
        "  \\u{7}bell",
    ])
    #expect(out[0].anchor == "alert\\u{1b}[2j")
    for line in out {
        #expect(!line.plainText.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x1B || $0.value == 0x202E })
    }
}

// MARK: - Every width

private let mixedDocument = """
# 리뷰 감성 분류 가이드 — Review sentiment

이 가이드는 짧은 리뷰의 **감성**을 라벨링하는 방법을 설명합니다. Read it *once* before
starting; see [the FAQ](https://example.com/faq) or <https://example.com/a/very/long/url/path>.

## 判断の順番 / 判断顺序

日本語の文章は空白なしで続きます。我们今天在北京召开了一次非常重要的会议。

- Family 👨‍👩‍👧 and flags 🇰🇷🇯🇵 and café́ with marks
  - nested `snake_case_identifier_that_is_long` item
    - third level with averyveryveryverylongwordwithoutanyspaces
      1. ordered inside
- 123456789. deep
  123456789. numbers

123456789. A huge number to stress the prefix

> Quote **bold** text that goes on and on
> > nested quote 깊은 인용문 with more words
> > > > > five levels deep quote text here
>
> ```
> code inside a quote that is long
> ```

```
let 한국어 = "코드 블록 안의 아주 긴 줄은 잘립니다"	// tab
```

---

Red \u{1B}[31mALERT\u{1B}[0m and a backslash at the end\\
then ![image alt](x.png) and snake_case.
"""

@Test func everyLineFitsAtEveryWidth() {
    for width in 10...120 {
        let out = MarkdownRenderer.render(mixedDocument, width: width)
        #expect(!out.isEmpty)
        for line in out {
            #expect(line.width <= width, "width \(width): \(line.plainText)")
            #expect(!line.plainText.unicodeScalars.contains { $0.value < 0x20 })
        }
        #expect(out.first?.plainText.isEmpty == false)
        #expect(out.last?.plainText.isEmpty == false)
        for (a, b) in zip(out, out.dropFirst()) {
            #expect(!(a.plainText.isEmpty && b.plainText.isEmpty), "two blank lines at width \(width)")
        }
        #expect(MarkdownRenderer.plainText(mixedDocument, width: width) == out.map(\.plainText).joined(separator: "\n"))
    }
}

@Test func widthsBelowTenAreTreatedAsTen() {
    #expect(lines("alpha beta gamma", width: 3) == lines("alpha beta gamma", width: 10))
}
