import Foundation
import GlossCore
import Testing
@testable import GlossFormats

private func csv(_ input: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), fields: ImportFields = ImportFields(),
                 sourceLocation: SourceLocation = #_sourceLocation) -> StreamOutput {
    runAllChunkSizes({ DelimitedStream(delimiter: delimiter, fields: fields) }, input, sourceLocation: sourceLocation)
}

private func csv(_ input: String, delimiter: UInt8 = UInt8(ascii: ","), fields: ImportFields = ImportFields(),
                 sourceLocation: SourceLocation = #_sourceLocation) -> StreamOutput {
    csv(utf8(input), delimiter: delimiter, fields: fields, sourceLocation: sourceLocation)
}

/// Rows straight from the parser, as (line, fields) or an error, for every chunk size.
private func rows(_ input: String) -> [Result<(Int, [String]), InvalidRecord>] {
    func parse(_ size: Int) -> [Result<(Int, [String]), InvalidRecord>] {
        var parser = CSVParser(delimiter: UInt8(ascii: ","))
        var out: [Result<(Int, [String]), InvalidRecord>] = []
        func emit(_ row: Result<CSVParser.Row, InvalidRecord>) {
            out.append(row.map { row in (row.line, (0..<row.count).map { row.string($0) ?? "<invalid>" }) })
        }
        let bytes = utf8(input)
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                let end = min(start + size, all.count)
                parser.feed(UnsafeBufferPointer(rebasing: all[start..<end]), emit)
                start = end
            }
        }
        parser.finish(emit)
        return out
    }
    let whole = parse(max(1, input.utf8.count))
    let describe = { (r: [Result<(Int, [String]), InvalidRecord>]) in r.map { "\($0)" } }
    for size in [1, 2, 7, 64] {
        #expect(describe(parse(size)) == describe(whole), "chunk size \(size)")
    }
    return whole
}

@Suite("CSV and TSV")
struct CSVParserTests {
    @Test func parserSplitsFieldsPerRFC4180() throws {
        let parsed = rows("a,\"b,c\",,\"d\"\"e\",\"\"\r\n\"x\ny\",z\n")
        try #require(parsed.count == 2)
        let first = try parsed[0].get()
        #expect(first.0 == 1)
        #expect(first.1 == ["a", "b,c", "", "d\"e", ""])
        let second = try parsed[1].get()
        #expect(second.0 == 2)
        #expect(second.1 == ["x\ny", "z"])
        #expect(try rows("a,b,\n").first?.get().1 == ["a", "b", ""])
        #expect(try rows(",").first?.get().1 == ["", ""])
    }

    @Test func headerPicksColumnsByName() throws {
        let output = csv("label,text,id,extra\npos,Hello,1,x\nneg,World,2,y\n", fields: ImportFields(label: "label"))
        #expect(output.errors.isEmpty)
        let records = output.records
        try #require(records.count == 2)
        #expect(records[0].line == 2)
        #expect(records[0].externalID == "1")
        #expect(records[0].text == "Hello")
        #expect(records[0].labels == ["pos"])
        #expect(records[0].contentHash == hashOf("Hello"))
        let meta = parseObject(records[0].metadataJSON)
        #expect(meta.count == 1)
        #expect(meta["extra"] as? String == "x")
        #expect(records[1].line == 3)
        #expect(records[1].labels == ["neg"])
        // Header names are trimmed; the id column is optional.
        let trimmed = csv(" text ,\tnote\nabc,n\n")
        #expect(trimmed.texts == ["abc"])
        #expect(trimmed.records.first?.externalID == nil)
        #expect(parseObject(trimmed.records.first?.metadataJSON)["note"] as? String == "n")
    }

    @Test func quotedFieldsAreKeptExactly() {
        let output = csv("text,id\n\"a, b\",1\n\"say \"\"hi\"\"\",2\n\"line1\nline2\",3\n\"crlf1\r\ncrlf2\",4\r\n\"é,한\n😀\",5\nlast,6")
        #expect(output.errors.isEmpty)
        #expect(output.texts == ["a, b", "say \"hi\"", "line1\nline2", "crlf1\r\ncrlf2", "é,한\n😀", "last"])
        #expect(output.records.map { Array($0.text.utf8) }[3] == utf8("crlf1\r\ncrlf2"))
        // Each row's line is where it starts: rows 3 and 4 span two lines each.
        #expect(output.lines == [2, 3, 4, 6, 8, 10])
        #expect(output.records.map(\.externalID) == ["1", "2", "3", "4", "5", "6"])
    }

    @Test func raggedRowsNameTheCounts() {
        let output = csv("text,id\na\nb,1,2\nc,3\n")
        #expect(output.texts == ["c"])
        #expect(output.errors.map(\.line) == [2, 3])
        #expect(output.errors.map(\.message) == [
            "the row has 1 field but the header has 2", "the row has 3 fields but the header has 2",
        ])
    }

    @Test func textAfterClosingQuoteIsLocated() {
        let output = csv("text,id\n\"ab\"c,1\nok,2\n\"한\"x,3\n")
        #expect(output.texts == ["ok"])
        #expect(output.lines == [3])
        let errors = output.errors
        #expect(errors.map(\.line) == [2, 4])
        #expect(errors.map(\.column) == [5, 4])
        #expect(errors.allSatisfy { $0.message.contains("after the closing quote") && !$0.isFatal })
    }

    @Test func aRefusedRowIsSkippedToItsEndEvenAcrossAQuotedLineBreak() {
        let output = csv("text,id\n\"a\"x,\"b\nfoo,bar\"\nok,2\n")
        #expect(output.texts == ["ok"], "nothing is imported from inside the refused row")
        #expect(output.lines == [4], "the quoted line break is counted")
        #expect(output.errors.map(\.line) == [2])
    }

    @Test func aBrokenHeaderIsFatal() {
        let output = csv("\"text\"x,id\nhello,1\nworld,2\n")
        #expect(output.errors.first?.isFatal == true && output.errors.first?.line == 1, "the import stops at the first fatal error")
    }

    @Test func unclosedQuoteAtEOFIsFatal() {
        let output = csv("text,id\na,1\nb,\"never closed\nmore,3\n")
        #expect(output.texts == ["a"])
        #expect(output.errors.count == 1)
        let fatal = output.errors.first
        #expect(fatal?.isFatal == true)
        #expect(fatal?.line == 3)
        #expect(fatal?.column == 3)
        #expect(fatal?.message.contains("never closed") == true)
    }

    @Test func blankLinesAreSkipped() {
        let output = csv("\ntext\n\na\n\r\n\nb\n\n")
        #expect(output.errors.isEmpty)
        #expect(output.texts == ["a", "b"])
        #expect(output.lines == [4, 7])
    }

    @Test func quotedEmptyFieldIsNotABlankLine() {
        // RFC 4180: `""` is a record with one (empty) field, so the empty text is reported.
        let output = csv("text\n\"\"\nb\n\"\"")
        #expect(output.texts == ["b"])
        #expect(output.errors.map(\.line) == [2, 4])
        #expect(output.errors.allSatisfy { $0.message.contains("empty") })
    }

    @Test func whiteSpaceOnlyTextIsAnError() {
        let output = csv("text,id\n   ,1\n\"\t\n\",2\n")
        #expect(output.records.isEmpty)
        #expect(output.errors.map(\.line) == [2, 3])
        #expect(output.errors.allSatisfy { $0.message == #"the "text" column is empty"# })
    }

    @Test func missingTextColumnIsFatalAndListsColumns() throws {
        let output = csv("body,id\nx,1\n")
        let fatal = try #require(output.errors.first)
        #expect(fatal.isFatal)
        #expect(fatal.line == 1)
        #expect(fatal.message.contains(#"no column "text""#))
        #expect(fatal.message.contains(#""body", "id""#))
        let label = try #require(csv("text\nx\n", fields: ImportFields(label: "tag")).errors.first)
        #expect(label.isFatal)
        #expect(label.message.contains(#""tag""#))
    }

    @Test func duplicateHeaderNamesAreFatal() throws {
        let fatal = try #require(csv("text,id, id\nx,1,2\n").errors.first)
        #expect(fatal.isFatal)
        #expect(fatal.message.contains(#""id" twice"#))
    }

    @Test func labelCells() {
        let fields = ImportFields(label: "labels")
        let json = csv("text,labels\na,\"[\"\"x\"\",\"\"y\"\",\"\"x\"\"]\"\nb,\" [ \"\"q\"\" ] \"\nc,solo\nd,\ne,\"[\"\"k\"\",\"\"\"\"]\"\n",
                       fields: fields)
        #expect(json.errors.isEmpty)
        #expect(json.records.map(\.labels) == [["x", "y"], ["q"], ["solo"], [], ["k"]])

        let separated = ImportFields(label: "labels", labelSeparator: "|")
        let split = csv("text,labels\na,x | y ||x\nb,\"[\"\"j|k\"\"]\"\nc,  one  \n", fields: separated)
        #expect(split.records.map(\.labels) == [["x", "y"], ["j|k"], ["one"]])

        // Brackets without them around the cell: a label, as a JSONL string would be.
        let bracketed = csv("text,labels\na,[draft] positive\n", fields: fields)
        #expect(bracketed.records.map(\.labels) == [["[draft] positive"]])
    }

    /// Issue 17: a label cell was read more loosely than a JSONL label field: a cell in
    /// brackets that was not one JSON list became one odd label, and elements that are not
    /// labels (null, objects, lists, broken strings) were kept as raw text or dropped. Now
    /// the JSONL rule holds: such a row is refused, naming its line and the column.
    @Test func labelCellsFollowTheJSONLinesRule() {
        let fields = ImportFields(label: "labels")
        let numbers = csv("text,labels\na,\"[1,\"\"two\"\",true]\"\n", fields: fields)
        #expect(numbers.errors.isEmpty && numbers.records.map(\.labels) == [["1", "two", "true"]])
        let cases: [(cell: String, message: String)] = [
            (#""[""x""] or [""y""]""#, "invalid label list"),
            (#""[""x"", null]""#, "the labels must be strings or numbers, not null"),
            (#""[""x"", {""a"": 1}]""#, "the labels must be strings or numbers, not an object"),
            (#""[[""x""]]""#, "the labels must be strings or numbers, not a list"),
            (#""[""bad \q escape""]""#, "invalid"),
        ]
        for (cell, message) in cases {
            let output = csv("text,labels\nfine,x\nbad,\(cell)\n", fields: fields)
            #expect(output.records.map(\.labels) == [["x"]], "\(cell)")
            let error = output.errors.first
            #expect(error?.line == 3 && error?.message.hasPrefix(#"the "labels" column: "#) == true, "\(cell): \(String(describing: error))")
            #expect(error?.message.contains(message) == true, "\(cell): \(String(describing: error))")
        }
    }

    @Test func idCells() {
        let output = csv("id,text\n,a\n7,b\n\"\",c\n x ,d\n")
        #expect(output.records.map(\.externalID) == [nil, "7", nil, " x "])
    }

    @Test func tabSeparatedValues() throws {
        let output = csv("text\tid\tnote\nhello, world\t7\t\"quoted\ttab\"\n\"multi\nline\"\t8\t\n",
                         delimiter: 0x09)
        #expect(output.errors.isEmpty)
        #expect(output.texts == ["hello, world", "multi\nline"])
        #expect(output.records.map(\.externalID) == ["7", "8"])
        #expect(parseObject(output.records.first?.metadataJSON)["note"] as? String == "quoted\ttab")
        #expect(parseObject(output.records.last?.metadataJSON)["note"] as? String == "")
    }

    @Test func otherColumnsBecomeMetadataStrings() throws {
        let output = csv("text,\"we\"\"ird\nname\",n,uni\nx,\"a\\b\"\"\n\",12,é😀\u{1}\n")
        let record = try #require(output.records.first)
        let meta = parseObject(record.metadataJSON)
        #expect(Set(meta.keys) == ["we\"ird\nname", "n", "uni"])
        #expect(meta["we\"ird\nname"] as? String == "a\\b\"\n")
        #expect(meta["n"] as? String == "12")  // CSV cells are strings
        #expect(meta["uni"] as? String == "é😀\u{1}")
        #expect(csv("text\nonly\n").records.first?.metadataJSON == nil)
    }

    @Test func bareQuoteInUnquotedFieldIsLiteral() {
        let output = csv("text,id\nsay \"hi\" now,1\n5\" pipe,2\n")
        #expect(output.errors.isEmpty)
        #expect(output.texts == ["say \"hi\" now", "5\" pipe"])
    }

    @Test func carriageReturnOnlyLineEnds() {
        let output = csv("text,id\ra,1\r\rb,2\r\"c\"\rd,4")
        #expect(output.errors.map(\.line) == [5])  // "c" has one field
        #expect(output.texts == ["a", "b", "d"])
        #expect(output.lines == [2, 4, 6])
    }

    @Test func lineBreaksInsideQuotedFieldsAreCounted() {
        // CR, LF and CRLF each end one line, inside a quoted field as between rows.
        let cr = csv("text,id\r\"a\rb\",1\rc,2\r")
        #expect(cr.texts == ["a\rb", "c"])
        #expect(cr.lines == [2, 4])
        let mixed = csv("text,id\n\"a\r\n\r\nb\n\rc\",1\nd,2\n\"\",\"x\ry\"\n")
        #expect(mixed.texts == ["a\r\n\r\nb\n\rc", "d"])
        #expect(mixed.lines == [2, 7])
        #expect(mixed.errors.map(\.line) == [8])  // the empty text, reported at its first line
    }

    @Test func invalidUTF8NamesTheColumn() {
        let output = csv(utf8("text,note\nok,1\nfine,") + [0xC3, 0x28] + utf8("\n"))
        #expect(output.texts == ["ok"])
        #expect(output.errors.map(\.line) == [3])
        #expect(output.errors.first?.message.contains(#"column "note""#) == true)
    }
}
