import Foundation
import GlossCore
import Testing
@testable import GlossFormats

/// Scans `text` as one JSON value followed by nothing but white space.
private func scan(_ text: String) -> JSONScanner.Failure? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
        var scanner = JSONScanner(buffer)
        do {
            scanner.skipWhitespace()
            try scanner.scanValue()
            try scanner.expectEnd()
            return nil
        } catch let failure as JSONScanner.Failure {
            return failure
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }
}

private func decodeLiteral(_ bytes: [UInt8]) -> Result<String, JSONString.DecodeError> {
    bytes.withUnsafeBufferPointer { buffer in
        Result { () throws(JSONString.DecodeError) in
            try JSONString.decode(buffer, 0..<buffer.count, hasEscapes: buffer.contains(UInt8(ascii: "\\")))
        }
    }
}

private func invalidOffset(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) }
}

@Suite("JSON scanner")
struct JSONScannerTests {
    // RFC 8259 section 6 (numbers), 3 (literals), 7 (strings), 4-5 (objects, arrays).
    @Test(arguments: [
        "0", "-0", "7", "-12", "1.5", "-0.25", "1e5", "1E5", "1e+5", "1e-5", "0e0", "-12.25E+10",
        "true", "false", "null", #""""#, #""a""#, #""\u00e9\/\b\f\n\r\t\"\\""#, #""\uD83D\uDE00""#,
        "[]", "[ ]", "{}", "{ }", "[1,[2,{\"a\":null}]]", #"{"a":{"b":[]},"c":"}"}"#,
        " \t\r\n 1 \n", "\"한국어 😀\"", #"{"":0}"#,
    ])
    func acceptsValidJSON(_ text: String) {
        #expect(scan(text) == nil)
    }

    @Test(arguments: [
        "", " ", "01", "-01", "+1", ".5", "1.", "1.e5", "1e", "1e+", "-", "--1", "0x1", "1 2",
        "tru", "nul", "True", "NULL", "NaN", "Infinity", "'a'", #""abc"#, #""\x""#, #""\u12G4""#,
        #""\u123""#, "\"a\tb\"", "\"a\nb\"", "[1,]", "[,1]", "[1 2]", "[", "]", #"{"a"}"#,
        #"{"a":1,}"#, "{a:1}", #"{"a":1}}"#, #"{"a" 1}"#, "[1]x", "{'a':1}",
    ])
    func rejectsInvalidJSON(_ text: String) {
        #expect(scan(text) != nil)
    }

    @Test func failureOffsetsPointAtTheFault() throws {
        let missingComma = try #require(scan("[1, 2 3]"))
        #expect(missingComma.offset == 6)
        #expect(missingComma.message.contains("expected ',' or ']'"))

        let badEscape = try #require(scan(#"["ab\q"]"#))
        #expect(badEscape.offset == 4)  // the backslash
        #expect(badEscape.message.contains("\\q"))

        let unclosed = try #require(scan(#"[1, "abc]"#))
        #expect(unclosed.offset == 4)  // the opening quote
        #expect(unclosed.message.contains("not closed"))

        let control = try #require(scan("\"ab\u{1}\""))
        #expect(control.offset == 3)

        let trailing = try #require(scan("{} x"))
        #expect(trailing.offset == 3)
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        #expect(scan(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) == nil)
        let arrays = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(scan(arrays)?.message.contains("nesting") == true)
        let objects = String(repeating: #"{"a":"#, count: 600) + "1" + String(repeating: "}", count: 600)
        #expect(scan(objects)?.message.contains("nesting") == true)
        let mixed = String(repeating: #"[{"a":"#, count: 400) + "1" + String(repeating: "}]", count: 400)
        #expect(scan(mixed)?.message.contains("nesting") == true)
        // Far deeper than any stack allows for recursion without a limit.
        let huge = String(repeating: #"{"a":"#, count: 200_000) + "1" + String(repeating: "}", count: 200_000)
        #expect(scan(huge) != nil)
    }

    @Test func objectMembersReportKeyAndValueRanges() throws {
        let text = #" {"a" : 1, "b\n": [1, "]"] , "c":{"d":"}"} }"#
        let bytes = Array(text.utf8)
        var members: [(key: String, value: String, escaped: Bool)] = []
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            try scanner.scanObjectMembers { member in
                let key = try JSONString.decode(buffer, member.key, hasEscapes: member.keyHasEscapes)
                let value = String(decoding: UnsafeBufferPointer(rebasing: buffer[member.value]), as: UTF8.self)
                members.append((key, value, member.keyHasEscapes))
            }
            try scanner.expectEnd()
        }
        #expect(members.map(\.key) == ["a", "b\n", "c"])
        #expect(members.map(\.value) == ["1", #"[1, "]"]"#, #"{"d":"}"}"#])
        #expect(members.map(\.escaped) == [false, true, false])
    }

    @Test func scanStringReportsEscapes() throws {
        for (text, escaped) in [(#""plain""#, false), (#""a\"b""#, true), (#""\u0041""#, true)] {
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(buffer)
                let hasEscapes = try scanner.scanString()
                #expect(hasEscapes == escaped)
                #expect(scanner.index == buffer.count)
            }
        }
    }

    @Test func arrayElementRanges() throws {
        let bytes = Array(#"[ 1 ,"x,y", [2,3] ,{"k":[]} ]"#.utf8)
        var elements: [String] = []
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            try scanner.scanArray { elements.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[$0]), as: UTF8.self)) }
        }
        #expect(elements == ["1", #""x,y""#, "[2,3]", #"{"k":[]}"#])
    }

    // MARK: JSONString

    @Test func decodesEscapes() throws {
        let decoded = try decodeLiteral(utf8(#""a\nb \"q\" \\ \/ \t\r\b\f \u00e9\u00C9 \ud83d\ude00 \u0000""#)).get()
        #expect(Array(decoded.unicodeScalars) == Array("a\nb \"q\" \\ / \t\r\u{8}\u{C} éÉ 😀 \u{0}".unicodeScalars))
        #expect(try decodeLiteral(utf8("\"한국어 é\"")).get() == "한국어 é")
        #expect(try decodeLiteral(utf8(#""""#)).get() == "")
    }

    @Test(arguments: [
        (#""\ud83d""#, 1, "high surrogate"),
        (#""ab\ud83dx""#, 3, "high surrogate"),
        (#""\ud83d\ud83d""#, 1, "high surrogate"),
        (#""\ud83d\u0041""#, 1, "high surrogate"),
        (#""\ude00""#, 1, "low surrogate"),
        (#""\ude00\ud83d""#, 1, "low surrogate"),
    ])
    func loneSurrogatesAreRefused(_ text: String, offset: Int, message: String) {
        guard case .failure(let error) = decodeLiteral(utf8(text)) else {
            Issue.record("\(text) decoded")
            return
        }
        #expect(error.offset == offset)
        #expect(error.message.contains(message))
    }

    @Test func invalidUTF8IsLocatedInTheSource() {
        // Without escapes: the 0xFF is byte 3 of the literal.
        guard case .failure(let plain) = decodeLiteral(utf8("\"ab") + [0xFF] + utf8("\"")) else {
            Issue.record("decoded")
            return
        }
        #expect(plain.offset == 3)
        // After an escape the decoded text is shorter than the source; the offset must
        // still point at the bad byte of the source (byte 5: quote, \, n, a, b, 0xFF).
        guard case .failure(let escaped) = decodeLiteral(utf8(#""\nab"#) + [0xFF] + utf8("\"")) else {
            Issue.record("decoded")
            return
        }
        #expect(escaped.offset == 5)
        #expect(escaped.message.contains("UTF-8"))
    }

    @Test func literalEscapesWhatJSONRequires() throws {
        #expect(JSONString.literal("plain") == #""plain""#)
        #expect(JSONString.literal("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
        #expect(JSONString.literal("\u{1}\u{1F}\u{7F}") == #""\u0001\u001f\u007f""#)
        #expect(JSONString.literal("é한😀/") == "\"é한😀/\"")
        for original in ["", "x\"y", "\\\\", "tab\tnl\n\u{0}", "é한😀", "\u{7F}\u{1B}[0m"] {
            let literal = JSONString.literal(original)
            let parsed = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
            #expect(parsed.map { Array($0.unicodeScalars) } == Array(original.unicodeScalars))
            #expect(try decodeLiteral(utf8(literal)).get().unicodeScalars.elementsEqual(original.unicodeScalars))
        }
    }

    // MARK: UTF8Validation

    @Test func firstInvalidOffset() {
        #expect(invalidOffset(utf8("aé한😀")) == nil)
        #expect(invalidOffset([]) == nil)
        #expect(invalidOffset([0x61, 0x80]) == 1)  // lone continuation byte
        #expect(invalidOffset([0xC0, 0x80]) == 0)  // overlong NUL
        #expect(invalidOffset([0xC1, 0xBF]) == 0)  // overlong
        #expect(invalidOffset([0xE0, 0x80, 0x80]) == 0)  // overlong 3-byte
        #expect(invalidOffset([0x61, 0xED, 0xA0, 0x80]) == 1)  // UTF-16 surrogate D800
        #expect(invalidOffset([0xF4, 0x90, 0x80, 0x80]) == 0)  // above U+10FFFF
        #expect(invalidOffset([0xF5, 0x80, 0x80, 0x80]) == 0)
        #expect(invalidOffset([0x61, 0x62, 0xE2, 0x82]) == 2)  // truncated
        #expect(invalidOffset([0xE2, 0x82, 0x61]) == 0)
        #expect(invalidOffset([0x61, 0xFF]) == 1)
    }

    @Test func columnCountsScalars() {
        let line = utf8("aé한😀b")
        line.withUnsafeBufferPointer { buffer in
            #expect(UTF8Validation.column(ofByte: 0, in: buffer) == 1)
            #expect(UTF8Validation.column(ofByte: 1, in: buffer) == 2)  // é
            #expect(UTF8Validation.column(ofByte: 3, in: buffer) == 3)  // 한
            #expect(UTF8Validation.column(ofByte: 6, in: buffer) == 4)  // 😀
            #expect(UTF8Validation.column(ofByte: 10, in: buffer) == 5)  // b
            #expect(UTF8Validation.column(ofByte: 11, in: buffer) == 6)  // end
        }
    }
}
