import Foundation
import GlossCore
import Testing
@testable import GlossFormats

private func array(_ input: String, fields: ImportFields = ImportFields(label: "label"),
                   sourceLocation: SourceLocation = #_sourceLocation) -> StreamOutput {
    runAllChunkSizes({ JSONArrayStream(fields: fields) }, utf8(input), sourceLocation: sourceLocation)
}

@Suite("JSON array stream")
struct JSONArrayStreamTests {
    @Test func prettyPrintedArrayReportsEachElementsFirstLine() throws {
        let output = array(#"""
            [
              {
                "id": 1,
                "text": "first",
                "label": ["a", "b"]
              },
              {"text": "second",
               "meta": {"a": [1, {"b": "]}"}], "c": "{[,"}},
              {"text": "has [brackets] {braces}, and \"quotes\" \\"}
            ]

            """#)
        #expect(output.thrown == nil)
        #expect(output.errors.isEmpty)
        let records = output.records
        try #require(records.count == 3)
        #expect(records.map(\.line) == [2, 7, 9])
        #expect(records[0].externalID == "1")
        #expect(records[0].labels == ["a", "b"])
        #expect(records[1].text == "second")
        let meta = parseObject(records[1].metadataJSON)["meta"] as? [String: Any]
        #expect(meta?["c"] as? String == "{[,")
        let inner = try #require(meta?["a"] as? [Any])
        #expect(inner.first as? Int == 1)
        #expect((inner.last as? [String: Any])?["b"] as? String == "]}")
        #expect(records[2].text == #"has [brackets] {braces}, and "quotes" \"#)
    }

    @Test func oneLineArrayAndCRLF() {
        let oneLine = array(#"[{"text":"a"},{"text":"b"} , {"text":"한국어 😀"}]"#)
        #expect(oneLine.texts == ["a", "b", "한국어 😀"])
        #expect(oneLine.lines == [1, 1, 1])
        #expect(oneLine.thrown == nil)
        let crlf = array("[\r\n  {\"text\":\"a\"},\r\n  {\"text\":\r\n\"b\"}\r\n]\r\n")
        #expect(crlf.texts == ["a", "b"])
        #expect(crlf.lines == [2, 3])
        #expect(crlf.thrown == nil)
    }

    @Test(arguments: ["[]", "  [ ]  ", "\n[\n\n]\n", "[]\r\n"])
    func emptyArrayHasNoRecords(_ input: String) {
        let output = array(input)
        #expect(output.results.isEmpty)
        #expect(output.thrown == nil)
    }

    @Test func stringsMayHoldEscapedQuotesAndBrackets() {
        let output = array(#"[{"text":"a\\"}, {"text":"b\"]"}, {"text":"c\\\"}{"}]"#)
        #expect(output.texts == [#"a\"#, #"b"]"#, #"c\"}{"#])
        #expect(output.thrown == nil)
    }

    @Test func trailingCommaIsFatal() throws {
        let output = array("[\n  {\"text\":\"a\"},\n]")
        #expect(output.texts == ["a"])
        let fatal = try #require(output.thrown)
        #expect(fatal.isFatal)
        #expect(fatal.line == 3)
        #expect(fatal.column == 1)
        #expect(fatal.message.contains("trailing comma"))
        let scalar = array("[1,]")
        #expect(scalar.thrown?.isFatal == true)
        #expect(scalar.thrown?.message.contains("trailing comma") == true)
    }

    @Test(arguments: [
        #"[{"text":"a"}"#, #"[{"text":"a"},"#, "[{\"text\":\"a\"}\n\n", #"[{"text":"a"}, {"text":"b""#,
        #"[{"text":"a"}, {"text":"b"#, #"[{"text":"a"}, 5"#,
    ])
    func missingClosingBracketIsFatal(_ input: String) throws {
        let output = array(input)
        #expect(output.texts == ["a"])
        let fatal = try #require(output.thrown)
        #expect(fatal.isFatal)
        #expect(fatal.message.contains("expected ']'"))
    }

    @Test func nonObjectElementsAreRecordErrors() throws {
        let output = array(#"[{"text":"a"}, 42, "str", null, [1, {}], true, {"text":"b"}]"#)
        #expect(output.thrown == nil)
        #expect(output.results.count == 7)
        #expect(output.texts == ["a", "b"])
        let errors = output.errors
        try #require(errors.count == 5)
        for error in errors {
            #expect(!error.isFatal)
            #expect(error.line == 1)
            #expect(error.message.contains("expected a JSON object"))
        }
        // Columns are the file's: 42 starts at column 16, "str" at 20, null at 27.
        #expect(errors.map(\.column) == [16, 20, 27, 33, 42])
        // A scalar that ends the array is still refused.
        let last = array("[\n 7\n]")
        #expect(last.errors.map(\.line) == [2])
        #expect(last.errors.first?.column == 2)
        #expect(last.thrown == nil)
    }

    @Test func errorsInsideElementsAreLocatedInTheFile() throws {
        let output = array("""
            [
              {"text": "ok"},
              {
                "id": "x",
                "text": 12
              },
              {"text": "after"}, {"text": "a" "id": 1}
            ]
            """)
        #expect(output.texts == ["ok", "after"])
        #expect(output.thrown == nil)
        let errors = output.errors
        try #require(errors.count == 2)
        #expect(errors[0].line == 5)
        #expect(errors[0].column == 13)
        #expect(errors[0].message.contains(#"the field "text" must be a string"#))
        #expect(errors[1].line == 7)
        #expect(errors[1].column == 35)
        #expect(errors[1].message.contains("expected ',' or '}'"))
    }

    @Test func missingTextAndDuplicateKeysInElements() {
        let output = array(#"[{"body":"x"}, {"text":"a","text":"b"}, {"text":"  "}]"#)
        #expect(output.errors.count == 3)
        #expect(output.errors[0].message.contains(#"no "text" field"#))
        #expect(output.errors[1].message.contains("twice"))
        #expect(output.errors[2].message.contains("empty"))
    }

    @Test(arguments: [
        (#"[{"text":"a"}] x"#, 1, 16), ("[{\"text\":\"a\"}]\n\n ,", 3, 2), (#"[{"text":"a"}][]"#, 1, 15),
    ])
    func garbageAfterTheArrayIsFatal(_ input: String, line: Int, column: Int) throws {
        let output = array(input)
        #expect(output.texts == ["a"])
        let fatal = try #require(output.thrown)
        #expect(fatal.isFatal)
        #expect(fatal.line == line)
        #expect(fatal.column == column)
        #expect(fatal.message.contains("after the end of the array"))
    }

    @Test func objectInsteadOfArraySuggestsJSONL() throws {
        let output = array("\n  {\"text\":\"a\"}\n{\"text\":\"b\"}\n")
        #expect(output.results.isEmpty)
        let fatal = try #require(output.thrown)
        #expect(fatal.isFatal)
        #expect(fatal.line == 2)
        #expect(fatal.column == 3)
        #expect(fatal.message.contains("jsonl"))
    }

    @Test(arguments: ["", "   \n\t\r\n"])
    func emptyFileIsFatal(_ input: String) {
        let output = array(input)
        #expect(output.results.isEmpty)
        #expect(output.thrown?.isFatal == true)
        #expect(output.thrown?.message.contains("empty") == true)
    }

    @Test func brokenArrayStructureIsFatal() {
        let missingComma = array(#"[{"text":"a"} {"text":"b"}]"#)
        #expect(missingComma.texts == ["a"])
        #expect(missingComma.thrown?.isFatal == true)
        #expect(missingComma.thrown?.column == 15)
        let leadingComma = array(#"[,{"text":"a"}]"#)
        #expect(leadingComma.results.isEmpty)
        #expect(leadingComma.thrown?.column == 2)
        let doubleComma = array(#"[{"text":"a"},,{"text":"b"}]"#)
        #expect(doubleComma.texts == ["a"])
        #expect(doubleComma.thrown?.isFatal == true)
    }

    @Test func customFieldsApplyToElements() throws {
        let output = array(#"[{"본문":"안녕","번호":7,"tags":"x|y"}]"#, fields: ImportFields(text: "본문", id: "번호"))
        let record = try #require(output.records.first)
        #expect(record.text == "안녕")
        #expect(record.externalID == "7")
        #expect(parseObject(record.metadataJSON)["tags"] as? String == "x|y")
    }
}
