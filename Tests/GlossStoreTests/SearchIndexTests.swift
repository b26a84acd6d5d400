import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

@Suite("The labeler's search: a word index filled off the import's path")
struct SearchIndexTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    static let texts = [
        "Don't PANIC, said Émile to the crowd.",
        "삼성전자가 서울에서 새 휴대폰을 발표했다.",
        "A warm film about ÄRGER and joy.",
        "plain text with nothing special",
        "Samsung phones, again: warm reviews.",
    ]

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        let lines = Self.texts.enumerated().map { #"{"id": "t\#($0.offset + 1)", "text": "\#($0.element)"}"# }
        try store.importFiles([dir.write("t.jsonl", lines.joined(separator: "\n"))], into: "reviews")
        // Another dataset whose items match too: never returned for this one.
        try store.importFiles([dir.write("o.jsonl", #"{"id": "o1", "text": "warm PANIC Émile 삼성전자가"}"#)], into: "other")
        try store.createProject(name: "sent", dataset: "reviews",
                                guide: #require(GuideParser.lint(ProjectGuideTests.v1).guide), author: "lead")
    }

    func session() throws -> LabelingSession {
        try LabelingSession.start(database: store, project: "sent", annotator: "ann", host: "h",
                                  terminalWidth: 80, terminalHeight: 24)
    }

    func indexEverything() throws -> Int {
        var total = 0
        while true {
            let progress = try store.indexForSearch(limit: 2)
            total += progress.indexed
            if progress.remaining == 0 { return total }
        }
    }

    func found(_ s: LabelingSession, _ query: String, after: Int64? = nil) throws -> String? {
        try s.search(query, after: after)?.externalID
    }

    @Test func wordsAreFoundFromTheirStartInAnyCaseBeforeAndAfterIndexing() throws {
        let s = try session()
        for indexed in [false, true] {
            if indexed { #expect(try indexEverything() == 6) }
            #expect(try found(s, "panic") == "t1", "indexed: \(indexed)")
            #expect(try found(s, "삼성") == "t2", "a Korean word's start, its particle attached")
            #expect(try found(s, "WARM film") == "t3", "every word, in any order")
            #expect(try found(s, "film warm") == "t3")
            #expect(try found(s, "warm") == "t3")
            #expect(try found(s, "warm", after: 3) == "t5", "the next match after the current item")
            #expect(try found(s, "warm", after: 5) == "t3", "wrapping around to the start")
            #expect(try found(s, "arm") == nil, "words match from their start")
            #expect(try found(s, "panic nowhere") == nil)
        }
    }

    @Test func theIndexFoldsDiacriticsAndFindsItemsImportedAfterIt() throws {
        let s = try session()
        #expect(try found(s, "Émile") == "t1")
        #expect(try found(s, "emile") == nil, "read without the index, diacritics must match")
        _ = try indexEverything()
        #expect(try found(s, "emile") == "t1", "the index removes diacritics")
        #expect(try found(s, "arger") == "t3")
        try store.importFiles([dir.write("u.jsonl", #"{"id": "t6", "text": "late arrival, unindexed"}"#)], into: "reviews")
        #expect(try found(s, "arrival") == "t6", "items above the index are read")
        let progress = try store.indexForSearch()
        #expect(progress == SearchIndexProgress(indexed: 1, remaining: 0))
        #expect(try found(s, "ARRIVAL") == "t6")
        #expect(try store.indexForSearch() == SearchIndexProgress(indexed: 0, remaining: 0))
    }

    @Test func aQueryWithoutWordsIsLookedForAsItIs() throws {
        let s = try session()
        _ = try indexEverything()
        #expect(try found(s, ", again:") == "t5")
        #expect(try found(s, "?!") == nil)
    }

    @Test func queryWordsSplitLikeTheIndex() {
        #expect(SearchWords.words("Don't  PANIC—삼성전자가, x2") == ["Don", "t", "PANIC", "삼성전자가", "x2"])
        #expect(SearchWords.words("\"quoted\" * AND") == ["quoted", "AND"])
        #expect(SearchWords.words("?!").isEmpty)
    }
}
