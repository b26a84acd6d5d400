import Foundation
import GlossCore
import Testing

/// Foundation's JSON reader drops U+FEFF written raw at the start of a string on Linux;
/// `FoundationJSON` hands it over escaped so nothing is lost (found by Fuzz/FuzzCanonicalValue).
@Suite struct FoundationJSONTests {
    @Test func aRawByteOrderMarkAtTheStartOfAStringIsKept() throws {
        let json = "{\"label\":\"\u{FEFF}x\",\"labels\":[\"\u{FEFF}\",\"a\u{FEFF}b\"]}"
        let object = try #require(FoundationJSON.object(Data(json.utf8)) as? [String: Any])
        #expect(object["label"] as? String == "\u{FEFF}x")
        #expect(object["labels"] as? [String] == ["\u{FEFF}", "a\u{FEFF}b"])
        #expect(AnnotationValue(json: json) == .label("\u{FEFF}x"))
        #expect(CanonicalValueParser.parse(json) == .label("\u{FEFF}x"), "the fast reader agrees")
    }

    @Test func aByteOrderMarkBeforeTheDocumentIsStillOneAndOutsideAStringStillInvalid() throws {
        let leading = "\u{FEFF}{\"label\":\"x\"}"
        #expect((FoundationJSON.object(Data(leading.utf8)) as? [String: Any])?["label"] as? String == "x")
        #expect(FoundationJSON.object(Data("{\"label\":\u{FEFF}\"x\"}".utf8)) == nil)
        #expect(FoundationJSON.object(Data("{}".utf8)) != nil)
    }
}
