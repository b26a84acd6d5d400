import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

@Suite("Importing each format")
struct ImportFormatTests {
    @Test func jsonLinesKeepIdsLabelsAndMetadata() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let file = try dir.write("r.jsonl", """
            {"id": "a", "text": "Great phone", "label": "positive", "stars": 5, "tags": ["x"]}
            {"id": 7, "text": "Bad  battery", "label": ["negative", "hardware"]}
            """)
        let report = try store.importFiles([file], into: "reviews", fields: ImportFields(label: "label"))
        #expect(report.added == 2)
        #expect(try store.texts("reviews") == ["a": "Great phone", "7": "Bad  battery"])
        #expect(try store.int("SELECT COUNT(*) FROM reference_labels") == 3)
        let metadata = try store.file.column("SELECT metadata FROM items WHERE external_id = 'a'").first?.string
        let object = try JSONSerialization.jsonObject(with: Data((metadata ?? "").utf8)) as? [String: Any]
        #expect(object?["stars"] as? Int == 5)
        #expect(object?["tags"] as? [String] == ["x"])
        #expect(object?["text"] == nil && object?["label"] == nil && object?["id"] == nil)
    }

    @Test func jsonArrayStreamsElements() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let file = try dir.write("r.json", """
            [
              {"id": "1", "text": "first"},
              {"id": "2", "text": "second, with [brackets] and {braces}"}
            ]
            """)
        try store.importFiles([file], into: "d")
        #expect(try store.texts("d") == ["1": "first", "2": "second, with [brackets] and {braces}"])
    }

    @Test func aDotJSONFileHoldingJSONLinesIsReadAsJSONLines() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let report = try store.importFiles([dir.write("lines.json", jsonLines(3))], into: "d")
        #expect(report.added == 3)
        #expect(report.sources.first?.format == .jsonl)
    }

    @Test func csvRoundTripsCommasQuotesNewlinesKoreanAndEmoji() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let texts = [
            "1": "Hello, world",
            "2": "She said \"hi\", then left",
            "3": "line one\nline two\r\nline three",
            "4": "삼성전자가 새 반도체 공장을 짓는다, 평택에서",
            "5": "family 👨‍👩‍👧‍👦 and flag 🇰🇷, skin 👍🏽",
        ]
        var csv = "id,text,note\r\n"
        for (id, text) in texts.sorted(by: { $0.key < $1.key }) {
            csv += "\(id),\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\",n\(id)\r\n"
        }
        try store.importFiles([dir.write("t.csv", csv)], into: "csv")
        #expect(try store.texts("csv") == texts)
        let check = SQLiteShell(dir.path("gloss.db"))
        let stored = try check.column("SELECT text FROM items WHERE external_id = '3'").first?.string
        #expect(stored.map { Array($0.utf8) } == Array("line one\nline two\r\nline three".utf8))
    }

    @Test func tsvAndPlainTextAndDirectory() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.importFiles([dir.write("p.tsv", "id\ttext\tlabel\ns1\tso happy 😀\tjoy\ns2\tso sad\tsadness\n")], into: "tsv", fields: ImportFields(label: "label"))
        #expect(try store.texts("tsv") == ["s1": "so happy 😀", "s2": "so sad"])
        let text = try store.importFiles([dir.write("h.txt", "First headline\r\n\r\nSecond headline\n   \nThird")], into: "txt")
        #expect(text.added == 3)
        try dir.write("articles/a.txt", "Alpha article.\n")
        try dir.write("articles/sub/b.txt", "Beta article.")
        try dir.write("articles/ignored.md", "not a txt")
        try store.importFiles([dir.path("articles")], into: "dir")
        #expect(try store.texts("dir") == ["a": "Alpha article.", "sub/b": "Beta article."])
    }

    @Test func customFieldNames() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let file = try dir.write("c.jsonl", "{\"key\": \"k1\", \"body\": \"the body\", \"text\": \"kept as metadata\", \"cat\": \"x\"}\n")
        try store.importFiles([file], into: "d", fields: ImportFields(text: "body", id: "key", label: "cat"))
        #expect(try store.texts("d") == ["k1": "the body"])
        let metadata = try store.file.column("SELECT metadata FROM items").first?.string
        #expect(metadata?.contains("kept as metadata") == true)
    }

    @Test func generatedIdsAreStableAcrossOrder() throws {
        let dir = try TemporaryDirectory()
        let first = try dir.store("one.db")
        let second = try dir.store("two.db")
        try first.importFiles([dir.write("a.txt", "alpha\nbeta\ngamma\n")], into: "d")
        try second.importFiles([dir.write("b.txt", "gamma\nalpha\nbeta\n")], into: "d")
        #expect(try first.texts("d") == second.texts("d"))
        #expect(try first.texts("d").keys.allSatisfy { $0.count == 16 })
    }

    @Test func bomAndCRLFAreHandled() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.importFiles([Samples.path("reviews-bom-crlf.csv")], into: "bom", fields: ImportFields(label: "label"))
        let texts = try store.texts("bom")
        #expect(texts.count == 10)
        #expect(texts.keys.allSatisfy { !$0.hasPrefix("\u{FEFF}") })
        #expect(texts.values.allSatisfy { !$0.contains("\r") })
    }

    @Test func everySampleImports() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let expected: [(String, Int, ImportFields)] = [
            ("reviews.jsonl", 60, ImportFields(label: "label")),
            ("news-ko.jsonl", 40, ImportFields(label: "label")),
            ("support-tickets.csv", 30, ImportFields(label: "labels")),
            ("social-emoji.tsv", 30, ImportFields(label: "label")),
            ("headlines.txt", 40, ImportFields()),
            ("long-articles", 6, ImportFields()),
            ("entities.jsonl", 30, ImportFields()),
        ]
        for (name, count, fields) in expected {
            let report = try store.importFiles([Samples.path(name)], into: name, fields: fields)
            #expect(report.added == count, "\(name)")
        }
        let multi = try store.int("SELECT COUNT(*) FROM reference_labels r JOIN items i ON i.id = r.item_id JOIN datasets d ON d.id = i.dataset_id WHERE d.name = 'support-tickets.csv'")
        #expect(multi > 30)
    }

    @Test func recordsEachSourceAsABatchWithItsSHA256() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let content = jsonLines(5)
        let file = try dir.write("five.jsonl", content)
        try store.importFiles([file, dir.write("more.txt", "one more\n")], into: "d")
        let log = try store.importLog(dataset: "d")
        var sha = SHA256()
        sha.update(content)
        #expect(log.map(\.added) == [5, 1])
        #expect(log.first?.sha256 == sha.hexDigest())
        #expect(log.first?.format == "jsonl" && log.last?.format == "text")
        #expect(log.first?.source.hasSuffix("/five.jsonl") == true)
    }

    @Test func streamsManyChunksAndBatches() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let n = 30_000  // about 2 MB: several 1 MiB read chunks and many record batches
        let line = String(repeating: "padding ", count: 6)
        let body = (1...n).map { "{\"id\":\"\($0)\",\"text\":\"\(line)\($0) 한국어 é\"}" }.joined(separator: "\n")
        let report = try store.importFiles([dir.write("big.jsonl", body)], into: "big")
        #expect(report.added == n)
        #expect(try store.int("SELECT COUNT(*) FROM items") == n)
        #expect(try store.texts("big")["29999"] == "\(line)29999 한국어 é")
    }
}
