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
        let indexer = SearchIndexer(database: store, chunk: 4, pause: 0, idleAfter: 0)
        indexer.start()
        for _ in 0..<2000 where indexer.indexed < 25 { usleep(1000) }
        indexer.stop()
        #expect(indexer.indexed == 25)
        #expect(try store.indexForSearch() == SearchIndexProgress(indexed: 0, remaining: 0))
    }

    @Test func aNudgeRunsOneChunkAtOnceAndReadingLongerRunsTheRest() throws {
        let dir = try TemporaryDirectory()
        let store = try GlossDatabase.open(path: dir.path("s.db"))
        let lines = (1...30).map { #"{"id": "i\#($0)", "text": "item \#($0)"}"# }
        _ = try store.importItems(ImportRequest(dataset: "d", sources: [ImportSource(path: try dir.write("d.jsonl", lines.joined(separator: "\n")))]))
        let indexer = SearchIndexer(database: store, chunk: 10, pause: 0.01, idleAfter: 0.5)
        indexer.start()
        defer { indexer.stop() }
        usleep(200_000)
        #expect(indexer.indexed == 0, "nothing before a nudge or the idle time")
        indexer.nudge()
        for _ in 0..<400 where indexer.indexed < 10 { usleep(1000) }
        #expect(indexer.indexed == 10, "one chunk for one nudge")
        for _ in 0..<3000 where indexer.indexed < 30 { usleep(1000) }
        #expect(indexer.indexed == 30, "the rest while the annotator reads")
    }

    @Test func stoppingBeforeTheDelayIndexesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try GlossDatabase.open(path: dir.path("s.db"))
        _ = try store.importItems(ImportRequest(dataset: "d", sources: [ImportSource(path: try dir.write("d.jsonl", #"{"text": "one"}"#))]))
        let indexer = SearchIndexer(database: store, idleAfter: 30)
        let started = Date()
        indexer.start()
        indexer.stop()
        #expect(Date().timeIntervalSince(started) < 5, "stop does not wait out the delay")
        #expect(indexer.indexed == 0)
    }
}
