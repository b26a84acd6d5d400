import GlossCore
import Testing

private func lines(_ table: TextTable) -> [String] {
    table.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

@Suite("Text table")
struct TextTableTests {
    @Test func aListingWithoutHeadersAndCellsWithLineBreaksStayOneLinePerRow() {
        var table = TextTable(headers: ["", ""])
        table.append(["message", "first line\nsecond\tline"])
        table.append(["by", "mina"])
        #expect(table.render(includeHeaders: false) == """
            message  first line⏎second line
            by       mina
            """)
    }

    @Test func numbersRightTextLeft() {
        var table = TextTable(headers: ["name", "count"], alignments: [.left, .right])
        table.append(["apple", "5"])
        table.append(["kiwi", "1,234"])
        #expect(table.render() == """
            name   count
            apple      5
            kiwi   1,234
            """)
    }

    @Test func koreanCellsArePaddedByDisplayWidth() {
        var table = TextTable(headers: ["이름", "n", "note"], alignments: [.left, .right, .left])
        table.append(["김철수", "3", "한국어"])
        table.append(["Bob", "12", "x"])
        let rendered = lines(table)
        #expect(rendered == [
            "이름     n  note",
            "김철수   3  한국어",
            "Bob     12  x",
        ])
        // Every line's second column ends at the same display column (6 + 2 + 2).
        for line in rendered {
            let upToNote = line.components(separatedBy: "  ").dropLast().joined(separator: "  ")
            #expect(DisplayWidth.of(upToNote) == 10, "\(line)")
        }
    }

    @Test func emojiCellsAlign() {
        var table = TextTable(headers: ["label", "items"], alignments: [.left, .right])
        table.append(["😀 happy", "10"])
        table.append(["🇰🇷", "2"])
        #expect(lines(table) == ["label     items", "😀 happy     10", "🇰🇷            2"])
    }

    @Test func noTrailingSpaces() {
        var table = TextTable(headers: ["a", "long header", "c"])
        table.append(["x", "y", ""])
        table.append(["wide cell", "", "z"])
        table.append(["short"])
        table.append(["", "", ""])
        let rendered = lines(table)
        #expect(rendered.count == 5)
        for line in rendered { #expect(!line.hasSuffix(" "), "trailing space in \"\(line)\"") }
        #expect(rendered[0] == "a          long header  c")
        #expect(rendered[1] == "x          y")
        #expect(rendered[2] == "wide cell               z")
        #expect(rendered[3] == "short")
        #expect(rendered[4] == "")
    }

    @Test func defaultAlignmentIsLeftAndSingleColumn() {
        var table = TextTable(headers: ["h"])
        table.append(["longer"])
        table.append(["7"])
        #expect(table.alignments == [.left])
        #expect(table.render() == "h\nlonger\n7")
        #expect(TextTable(headers: ["x", "y"]).render() == "x  y")
    }

    @Test func groupedNumbers() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(1000) == "1,000")
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
        #expect(NumberText.grouped(-1_000) == "-1,000")
        #expect(NumberText.grouped(Int64.min) == "-9,223,372,036,854,775,808")
        #expect(NumberText.grouped(UInt64.max) == "18,446,744,073,709,551,615")
    }

    @Test func countedNounsAreSingularForOneOnly() {
        #expect(NumberText.counted(1, "item") == "1 item")
        #expect(NumberText.counted(0, "item") == "0 items")
        #expect(NumberText.counted(2, "gold answer") == "2 gold answers")
        #expect(NumberText.counted(1_200, "item") == "1,200 items")
        #expect(NumberText.counted(-1, "item") == "-1 items")
        #expect(NumberText.counted(1, "entry", plural: "entries") == "1 entry")
        #expect(NumberText.counted(3, "entry", plural: "entries") == "3 entries")
    }

    @Test func seconds() {
        #expect(NumberText.seconds(3.214) == "3.21")
        #expect(NumberText.seconds(0.05) == "0.05")
        #expect(NumberText.seconds(2) == "2.00")
        #expect(NumberText.seconds(59.999) == "60.00")
    }
}

@Suite("Number text")
struct NumberTextTests {
    @Test func groupsThousandsAndFormatsSeconds() {
        #expect(NumberText.grouped(1_000_000) == "1,000,000")
        #expect(NumberText.grouped(-1234) == "-1,234")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.seconds(3.214) == "3.21")
        #expect(NumberText.seconds(0.05) == "0.05")
        #expect(NumberText.seconds(-1.5) == "-1.50")
    }

    @Test func missingAlignmentsDefaultToLeft() {
        let table = TextTable(headers: ["A", "B"], alignments: [.right])
        #expect(table.alignments.count == 2)
    }
}
