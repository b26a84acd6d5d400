import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing
@testable import GlossApp

@Suite("The labeler's search indexer")
struct SearchIndexerTests {
    @Test func itIndexesEveryItemInChunksAndStopsWhenDone() throws {
        let dir = try TemporaryDirectory()
        let store = try GlossDatabase.open(path: dir.path("s.db"))
        let lines = (1...25).map { #"{"id": "i\#($0)", "text": "Élan number \#($0)"}"# }
        _ = try store.importItems(ImportRequest(dataset: "d", sources: [ImportSource(path: try dir.write("d.jsonl", lines.joined(separator: "\n")))]))
        let indexer = SearchIndexer(database: store, chunk: 4, pause: 0, delay: 0)
        indexer.start()
        for _ in 0..<2000 where indexer.indexed < 25 { usleep(1000) }
        indexer.stop()
        #expect(indexer.indexed == 25)
        #expect(try store.indexForSearch() == SearchIndexProgress(indexed: 0, remaining: 0))
    }

    @Test func stoppingBeforeTheDelayIndexesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try GlossDatabase.open(path: dir.path("s.db"))
        _ = try store.importItems(ImportRequest(dataset: "d", sources: [ImportSource(path: try dir.write("d.jsonl", #"{"text": "one"}"#))]))
        let indexer = SearchIndexer(database: store, delay: 30)
        let started = Date()
        indexer.start()
        indexer.stop()
        #expect(Date().timeIntervalSince(started) < 5, "stop does not wait out the delay")
        #expect(indexer.indexed == 0)
    }
}
