import Foundation
import GlossCore
import Testing
@testable import GlossFormats

private func jsonl(_ input: [UInt8], fields: ImportFields = ImportFields(label: "label"),
                   sourceLocation: SourceLocation = #_sourceLocation) -> StreamOutput {
    runAllChunkSizes({ JSONLinesStream(fields: fields) }, input, sourceLocation: sourceLocation)
}

private func jsonl(_ input: String, fields: ImportFields = ImportFields(label: "label"),
                   sourceLocation: SourceLocation = #_sourceLocation) -> StreamOutput {
    jsonl(utf8(input), fields: fields, sourceLocation: sourceLocation)
}

/// The single result of a one-line input.
private func one(_ line: String, fields: ImportFields = ImportFields(label: "label"),
                 sourceLocation: SourceLocation = #_sourceLocation) -> RecordResult? {
    let output = jsonl(line + "\n", fields: fields, sourceLocation: sourceLocation)
    #expect(output.results.count == 1, sourceLocation: sourceLocation)
    #expect(output.thrown == nil, sourceLocation: sourceLocation)
    return output.results.first
}

private func error(_ result: RecordResult?) -> InvalidRecord? {
    if case .failure(let error) = result { return error }
    Issue.record("expected an error, got \(String(describing: result))")
    return nil
}

@Suite("JSON Lines stream")
struct JSONLinesStreamTests {
    @Test func extractsTextIDAndLabel() throws {
        let output = jsonl("""
            {"id":"a1","text":"Hello","label":"pos"}
            {"text":"World  wide","id":"b2"}

            """)
        #expect(output.errors.isEmpty)
        let records = output.records
        try #require(records.count == 2)
        #expect(records[0] == ImportRecord(line: 1, externalID: "a1", text: "Hello", labels: ["pos"],
                                           metadataJSON: nil, contentHash: try #require(hashOf("Hello"))))
        #expect(records[1].line == 2)
        #expect(records[1].externalID == "b2")
        #expect(records[1].text == "World  wide")
        #expect(records[1].labels.isEmpty)
        #expect(records[1].contentHash == hashOf("World wide"))
    }

    @Test func idForms() throws {
        #expect(try one(#"{"text":"x","id":42}"#)?.get().externalID == "42")
        #expect(try one(#"{"text":"x","id":-12.5e3}"#)?.get().externalID == "-12.5e3")
        #expect(try one(#"{"text":"x","id":0}"#)?.get().externalID == "0")
        #expect(try one(#"{"text":"x","id":null}"#)?.get().externalID == nil)
        #expect(try one(#"{"text":"x","id":""}"#)?.get().externalID == nil)
        #expect(try one(#"{"text":"x"}"#)?.get().externalID == nil)
        #expect(try one(#"{"text":"x","id":"\u0041-1"}"#)?.get().externalID == "A-1")
        let objectID = error(one(#"{"text":"x","id":{"a":1}}"#))
        #expect(objectID?.message.contains(#"the field "id" must be a string or a number, not an object"#) == true)
        #expect(objectID?.column == 18)
    }

    @Test func labelForms() throws {
        #expect(try one(#"{"text":"x","label":"pos"}"#)?.get().labels == ["pos"])
        #expect(try one(#"{"text":"x","label":3}"#)?.get().labels == ["3"])
        #expect(try one(#"{"text":"x","label":["b","a","b","",2]}"#)?.get().labels == ["b", "a", "2"])
        #expect(try one(#"{"text":"x","label":[]}"#)?.get().labels == [])
        #expect(try one(#"{"text":"x","label":""}"#)?.get().labels == [])
        #expect(try one(#"{"text":"x","label":null}"#)?.get().labels == [])
        #expect(error(one(#"{"text":"x","label":[{"a":1}]}"#))?.message.contains(#""label""#) == true)
        #expect(error(one(#"{"text":"x","label":[null]}"#))?.message.contains("null") == true)
        #expect(error(one(#"{"text":"x","label":{}}"#))?.message.contains("not an object") == true)
        // Without --label-field the label is ordinary metadata.
        let plain = try #require(try one(#"{"text":"x","label":"pos"}"#, fields: ImportFields())?.get())
        #expect(plain.labels.isEmpty)
        #expect(parseObject(plain.metadataJSON)["label"] as? String == "pos")
    }

    @Test func otherFieldsBecomeMetadata() throws {
        let record = try #require(try one(#"""
            {"score": 0.5, "text":"t", "tags":["x","y"], "nested":{"k":null}, "ok":true, "name":"\u00e9\n", "id":"1", "label":"L"}
            """#)?.get())
        let meta = parseObject(record.metadataJSON)
        #expect(Set(meta.keys) == ["score", "tags", "nested", "ok", "name"])
        #expect(meta["score"] as? Double == 0.5)
        #expect(meta["tags"] as? [String] == ["x", "y"])
        #expect((meta["nested"] as? [String: Any])?["k"] is NSNull)
        #expect(meta["ok"] as? Bool == true)
        #expect(meta["name"] as? String == "é\n")
        #expect(try one(#"{"text":"only"}"#)?.get().metadataJSON == nil)
    }

    @Test func decodesEscapes() throws {
        let record = try #require(try one(#"{"text":"a\nb \"q\" \\ \u00e9 \ud83d\ude00 \/\t"}"#)?.get())
        #expect(Array(record.text.unicodeScalars) == Array("a\nb \"q\" \\ é 😀 /\t".unicodeScalars))
    }

    @Test(arguments: [
        (#"{"text":"\ud83d"}"#, 10), (#"{"text":"ab\ude00cd"}"#, 12), (#"{"text":"\ud83d\u0041"}"#, 10),
    ])
    func loneSurrogateIsAnError(_ line: String, column: Int) {
        let failure = error(one(line))
        #expect(failure?.line == 1)
        #expect(failure?.column == column)
        #expect(failure?.message.contains("surrogate") == true)
    }

    @Test func invalidUTF8IsLocated() {
        // Line 2, byte 0xFF at offset 11 (after {"text":"ab) = column 12.
        let output = jsonl(utf8("{\"text\":\"ok\"}\n{\"text\":\"ab") + [0xFF] + utf8("c\"}\n"))
        #expect(output.texts == ["ok"])
        #expect(output.errors.map(\.line) == [2])
        #expect(output.errors.first?.column == 12)
        #expect(output.errors.first?.message.contains("UTF-8") == true)
        // After a two-byte character and an escape: {"text":"é\n then 0xC3 with no
        // continuation byte, at character column 13.
        let escaped = jsonl(utf8("{\"text\":\"é\\n") + [0xC3] + utf8("\"}"))
        #expect(escaped.errors.first?.column == 13)
        // In a metadata string: {"text":"ok","note":" then 0xC3 0x28 at column 22.
        let meta = jsonl(utf8("{\"text\":\"ok\",\"note\":\"") + [0xC3, 0x28] + utf8("\"}"))
        #expect(meta.errors.first?.column == 22)
        #expect(meta.errors.first?.message.contains("UTF-8") == true)
    }

    @Test(arguments: [
        (#"{"text":"a" "id":1}"#, 13, "expected ',' or '}'"),
        (#"{"text":"a",}"#, 13, "expected a quoted field name"),
        (#"{"text":"abc}"#, 9, "not closed"),
        (#"{"text":"a"} x"#, 14, "after the end"),
        (#"["a"]"#, 1, "expected a JSON object"),
        (#"{"text" "a"}"#, 9, "expected ':'"),
        (#"{"text":"a""#, 12, "not closed"),
        (#"{"text":"a","x":tru}"#, 17, "invalid literal"),
        (#"{"text":"a","n":01}"#, 18, "expected ',' or '}'"),
        (#"{"text":"a","n":+1}"#, 17, "expected a value"),
        (#"{"text":"\x"}"#, 10, "invalid escape"),
        (#"{'text':'a'}"#, 2, "expected a quoted field name"),
        ("{\"text\":\"a\tb\"}", 11, "control character"),
        (#"  {"é":"é", "text":"a" x}"#, 24, "expected ',' or '}'"),
    ])
    func badJSONIsLocated(_ line: String, column: Int, message: String) {
        let output = jsonl("{\"text\":\"first\"}\n\n" + line + "\n{\"text\":\"after\"}\n")
        #expect(output.texts == ["first", "after"])
        #expect(output.lines == [1, 4])
        #expect(output.errors.count == 1)
        let failure = output.errors.first
        #expect(failure?.line == 3)
        #expect(failure?.column == column)
        #expect(failure?.message.contains(message) == true, "\(failure?.message ?? "")")
        #expect(failure?.isFatal == false)
    }

    @Test func missingTextField() {
        let failure = error(one(#"{"body":"x","id":1}"#))
        #expect(failure?.message.contains(#"no "text" field"#) == true)
        #expect(failure?.message.contains("--text-field") == true)
    }

    @Test(arguments: [
        (#"{"text":5}"#, "a number"), (#"{"text":{"a":"b"}}"#, "an object"), (#"{"text":null}"#, "null"),
        (#"{"text":["a"]}"#, "a list"), (#"{"text":true}"#, "a boolean"),
    ])
    func nonStringTextIsAnError(_ line: String, kind: String) {
        let failure = error(one(line))
        #expect(failure?.message == #"the field "text" must be a string, not "# + kind)
        #expect(failure?.column == 9)
    }

    @Test func duplicateKeysAreErrors() {
        let text = error(one(#"{"text":"a","text":"b"}"#))
        #expect(text?.message.contains(#""text" appears twice"#) == true)
        #expect(text?.column == 13)
        #expect(error(one(#"{"text":"a","id":1,"id":2}"#))?.message.contains(#""id" appears twice"#) == true)
        #expect(error(one(#"{"text":"a","\u0074ext":"b"}"#))?.message.contains("twice") == true)
    }

    @Test(arguments: [#""""#, #""   ""#, #""\t\n \r""#, #""\u00a0\u3000""#])
    func emptyTextIsAnError(_ value: String) {
        #expect(error(one(#"{"text":"# + value + "}"))?.message.contains("empty") == true)
    }

    @Test func blankLinesAreSkippedButCounted() {
        let output = jsonl("\n  \n{\"text\":\"a\"}\n\t\r\n\n{\"text\":\"b\"}\n\n")
        #expect(output.errors.isEmpty)
        #expect(output.texts == ["a", "b"])
        #expect(output.lines == [3, 6])
    }

    @Test func crlfAndMissingFinalNewline() {
        let crlf = jsonl("{\"text\":\"a\"}\r\n{\"text\":\"b\",\r\n\"id\":1}\r\n{\"text\":\"c\"}")
        #expect(crlf.texts == ["a", "c"])
        #expect(crlf.errors.map(\.line) == [2, 3])  // a JSON Lines record cannot span lines
        #expect(crlf.lines == [1, 4])
        let last = jsonl("{\"text\":\"a\"}\n{\"text\":\"한국어 😀\"}")
        #expect(last.texts == ["a", "한국어 😀"])
        #expect(last.lines == [1, 2])
        #expect(jsonl("{\"text\":\"a\"}\r").texts == ["a"])
    }

    @Test func customFieldNames() throws {
        let fields = ImportFields(text: "body", id: "key", label: "tags")
        let record = try #require(try one(#"{"key":"k1","body":"hello","tags":["x"],"text":"other"}"#, fields: fields)?.get())
        #expect(record.externalID == "k1")
        #expect(record.text == "hello")
        #expect(record.labels == ["x"])
        #expect(parseObject(record.metadataJSON)["text"] as? String == "other")
        #expect(error(one(#"{"text":"x"}"#, fields: fields))?.message.contains(#"no "body" field"#) == true)
    }

    @Test func nonASCIIAndEscapedFieldNames() throws {
        let korean = ImportFields(text: "본문", id: "번호", label: "분류")
        let record = try #require(try one(#"{"번호":3,"본문":"안녕하세요","분류":"인사","기타":"x"}"#, fields: korean)?.get())
        #expect(record.text == "안녕하세요")
        #expect(record.externalID == "3")
        #expect(record.labels == ["인사"])
        #expect(parseObject(record.metadataJSON)["기타"] as? String == "x")
        // The same names written with \u escapes (본 U+BCF8, 문 U+BB38; "t" U+0074).
        #expect(try one(#"{"\ubcf8\ubb38":"escaped key"}"#, fields: korean)?.get().text == "escaped key")
        #expect(try one(#"{"t\u0065xt":"plain"}"#)?.get().text == "plain")
        #expect(try one(#"{"\u0069d":"i","text":"t"}"#)?.get().externalID == "i")
    }

    @Test func longRecordsAcrossChunks() {
        let long = String(repeating: "가나다 abc ", count: 500)
        let output = jsonl("{\"text\":\"\(long)\"}\n{\"text\":\"x\"}\n")
        #expect(output.texts == [long, "x"])
    }
}
