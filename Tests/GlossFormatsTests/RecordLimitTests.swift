import GlossCore
import Testing
@testable import GlossFormats

/// A record larger than the limit is refused as soon as the buffered bytes pass it, so a
/// missing line break or an unclosed quote cannot make an import hold the whole file.
@Suite("Record size limits")
struct RecordLimitTests {
    func feed(_ text: String, chunk: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            try bytes[start..<end].withUnsafeBufferPointer { try body($0) }
            start = end
        }
    }

    @Test func aLineWithoutABreakPastTheLimitIsFatal() throws {
        var splitter = LineSplitter(maxLineBytes: 40)
        var lines: [Int] = []
        #expect {
            try feed("short\n" + String(repeating: "x", count: 100), chunk: 16) { chunk in
                try splitter.feed(chunk) { _, number in lines.append(number) }
            }
        } throws: { error in
            guard let error = error as? InvalidRecord else { return false }
            return error.line == 2 && error.isFatal && error.message.contains("longer than 40 bytes")
        }
        #expect(lines == [1])
    }

    @Test func anUnclosedCSVQuoteStopsAtTheLimit() throws {
        var parser = CSVParser(delimiter: UInt8(ascii: ","), maxRecordBytes: 64)
        var failures: [InvalidRecord] = []
        var rows = 0
        try feed("id,text\n1,ok\n2,\"never closed" + String(repeating: " and on", count: 50), chunk: 32) { chunk in
            parser.feed(chunk) { result in
                switch result {
                case .success: rows += 1
                case .failure(let error): failures.append(error)
                }
            }
        }
        #expect(rows == 2)
        #expect(failures.count == 1)
        #expect(failures.first?.line == 3 && failures.first?.isFatal == true)
        #expect(failures.first?.message.contains("is a quote left open?") == true)
    }

    @Test func anOpenJSONArrayElementStopsAtTheLimit() throws {
        var stream = JSONArrayStream(fields: ImportFields(), maxRecordBytes: 64)
        var results: [RecordResult] = []
        #expect {
            try feed("[\n{\"text\": \"fine\"},\n{\"text\": \"open" + String(repeating: " more", count: 40), chunk: 20) { chunk in
                try stream.feed(chunk) { results.append($0) }
            }
        } throws: { ($0 as? InvalidRecord)?.line == 3 }
        #expect(results.count == 1)
    }

    @Test func recordsUnderTheLimitAreUntouched() throws {
        var splitter = LineSplitter(maxLineBytes: 40)
        var seen: [String] = []
        try feed("one line\nanother line\n", chunk: 5) { chunk in
            try splitter.feed(chunk) { line, _ in seen.append(String(decoding: line, as: UTF8.self)) }
        }
        #expect(seen == ["one line", "another line"])
        #expect(RecordLimits.describe(RecordLimits.maxRecordBytes) == "64 MiB")
    }
}
