import GlossCore
import Testing
@testable import GlossFormats

private func text(_ input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> StreamOutput {
    runAllChunkSizes({ TextLinesStream() }, input, sourceLocation: sourceLocation)
}

@Suite("Text lines stream")
struct TextLinesStreamTests {
    @Test func eachNonBlankLineIsARecord() throws {
        let output = text(utf8("one\ntwo\r\n\n   \n\t\r\nthree"))
        #expect(output.errors.isEmpty)
        #expect(output.thrown == nil)
        #expect(output.texts == ["one", "two", "three"])
        #expect(output.lines == [1, 2, 6])
        let first = try #require(output.records.first)
        #expect(first.externalID == nil)
        #expect(first.labels.isEmpty)
        #expect(first.metadataJSON == nil)
        #expect(first.contentHash == hashOf("one"))
    }

    @Test func lineTextIsKeptAsIsButHashedNormalized() throws {
        let output = text(utf8("  padded\tline  \r\npadded line\n"))
        try #require(output.records.count == 2)
        #expect(output.texts[0] == "  padded\tline  ")
        #expect(output.records[0].contentHash == output.records[1].contentHash)
    }

    @Test func multiByteTextAcrossChunks() {
        let output = text(utf8("한국어 문장\n😀👨‍👩‍👧 emoji\r\ne\u{301}\n"))
        #expect(output.texts.map { Array($0.unicodeScalars) } == [
            Array("한국어 문장".unicodeScalars), Array("😀👨‍👩‍👧 emoji".unicodeScalars), Array("e\u{301}".unicodeScalars),
        ])
    }

    @Test func invalidUTF8IsAnErrorWithItsLine() {
        // Line 3: "ab" then a lone continuation byte, at column 3.
        let output = text(utf8("ok\n\nab") + [0x80] + utf8("c\nfine\n") + [0xE2, 0x82] + utf8("\n"))
        #expect(output.texts == ["ok", "fine"])
        #expect(output.lines == [1, 4])
        #expect(output.errors.map(\.line) == [3, 5])
        #expect(output.errors.map(\.column) == [3, 1])
        #expect(output.errors.allSatisfy { $0.message.contains("UTF-8") && !$0.isFatal })
    }

    @Test func unicodeWhiteSpaceOnlyLineIsEmpty() {
        let output = text(utf8("\u{3000}\u{A0}\nx\n"))
        #expect(output.texts == ["x"])
        #expect(output.errors.map(\.line) == [1])
        #expect(output.errors.first?.message.contains("empty") == true)
    }

    @Test func recordFromWholeText() throws {
        var normalizer = TextNormalizer()
        let bytes = utf8("file body\nsecond line\n")
        let result = bytes.withUnsafeBufferPointer {
            TextLinesStream.record($0, line: 1, id: "doc.txt", normalizer: &normalizer)
        }
        let record = try result.get()
        #expect(record.externalID == "doc.txt")
        #expect(record.text == "file body\nsecond line\n")
        #expect(record.contentHash == hashOf("file body second line"))
    }

    @Test func formatsMakeTheRightStreams() {
        #expect(ImportFormat.fromExtension(of: "/a/b.NDJSON") == .jsonl)
        #expect(ImportFormat.fromExtension(of: "x.tab") == .tsv)
        #expect(ImportFormat.fromExtension(of: "dir.d/file") == nil)
        #expect(ImportFormat.sniff(firstByte: UInt8(ascii: "[")) == .json)
        #expect(ImportFormat.sniff(firstByte: UInt8(ascii: "{")) == .jsonl)
        #expect(ImportFormat.sniff(firstByte: nil) == nil)
        let input = utf8("text\tid\nhello\t1\n")
        var tsv = ImportFormat.tsv.makeStream(fields: ImportFields())
        #expect(runStream(&tsv, input, chunkSize: 3).records.map(\.externalID) == ["1"])
        var lines = ImportFormat.text.makeStream(fields: ImportFields())
        #expect(runStream(&lines, input, chunkSize: 3).texts == ["text\tid", "hello\t1"])
    }
}
