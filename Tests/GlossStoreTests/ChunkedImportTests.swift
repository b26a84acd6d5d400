import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

/// Item records made on demand: record n has the text `text(n)`, the id `id(n, text)` and
/// the content hash `hash(n, text)` (the importer's own unless a test forges one).
/// `beforeBatch` runs before each batch with the number of records handed over so far
/// (between the import's chunks: no transaction is open then).
final class GeneratedSource: ItemRecordSource {
    let name = "generated"
    let loggedPath = "<generated>"
    private let count: Int
    private let batchSize: Int
    private var handed = 0
    private let invalidLast: Bool
    private let text: (Int) -> String
    private let id: (Int, String) -> String
    private let hash: (Int, String) -> ContentHash
    var beforeBatch: (Int) throws -> Void = { _ in }

    init(count: Int, batchSize: Int = 2_048, invalidLast: Bool = false,
         text: @escaping (Int) -> String = { "generated item number \($0)" },
         id: @escaping (Int, String) -> String = { n, _ in "g\(n)" },
         hash: @escaping (Int, String) -> ContentHash = { _, text in .murmur3(Array(text.utf8)) }) {
        self.count = count
        self.batchSize = batchSize
        self.invalidLast = invalidLast
        self.text = text
        self.id = id
        self.hash = hash
    }

    func nextBatch() throws -> ItemRecordBatch? {
        guard handed < count else { return nil }
        try beforeBatch(handed)
        let end = min(count, handed + batchSize)
        let records: [RecordResult] = (handed..<end).map { n in
            if invalidLast, n == count - 1 { return .failure(InvalidRecord(line: n + 1, message: "not an item")) }
            let text = text(n)
            return .success(ImportRecord(line: n + 1, externalID: id(n, text), text: text, labels: [], metadataJSON: nil,
                                         contentHash: hash(n, text)))
        }
        handed = end
        return ItemRecordBatch(records: records, origin: name)
    }

    var digest: ItemSourceDigest { ItemSourceDigest(format: .jsonl, sha256: "", bytes: 0) }
}

@Suite("Item imports in chunks: invisible until one short final commit, never blocking other writers")
struct ChunkedImportTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        try store.importFiles([dir.write("s.jsonl", jsonLines(3, prefix: "s"))], into: "seed")
    }

    func items(_ database: GlossDatabase, _ dataset: String) throws -> Int {
        try database.datasets().first { $0.name == dataset }?.items ?? 0
    }

    @Test func othersSeeNothingUntilTheEndAndWriteBetweenChunks() throws {
        let other = try GlossDatabase.open(path: store.path)
        let source = GeneratedSource(count: 30_000)
        var checked = false
        source.beforeBatch = { handed in
            guard handed >= 12_000, !checked else { return }
            checked = true
            #expect(try items(other, "big") == 0, "rows of a pending import are not shown")
            // Another connection writes while the import is under way: it would wait for the
            // whole import (and fail after 30 s) if the import held one transaction.
            try other.createProject(name: "p", dataset: "seed", guide: #require(GuideParser.lint(ProjectGuideTests.v1).guide),
                                    author: "lead")
        }
        let report = try store.importItems(ItemImportSettings(dataset: "big"), from: [source])
        #expect(checked && report.added == 30_000)
        #expect(try items(other, "big") == 30_000 && items(other, "seed") == 3)
        // The claim is released: another import goes through at once.
        #expect(try other.importItems(ItemImportSettings(dataset: "seed"), from: [GeneratedSource(count: 2)]).added == 2)
    }

    @Test func aFailedImportLeavesNothingAndReleasesTheStore() throws {
        let before = try store.snapshot()
        let rows = try store.int("SELECT COUNT(*) FROM item_rows")
        #expect(throws: ImportFailure.self) {
            try store.importItems(ItemImportSettings(dataset: "big"), from: [GeneratedSource(count: 20_000, invalidLast: true)])
        }
        #expect(try store.snapshot() == before)
        #expect(try store.int("SELECT COUNT(*) FROM item_rows") == rows, "the chunks already committed are removed")
        #expect(try store.int("SELECT COUNT(*) FROM imports") == 1)
        let report = try store.importItems(ItemImportSettings(dataset: "big"), from: [GeneratedSource(count: 10)])
        #expect(report.added == 10)
    }

    @Test func aKilledImportIsRemovedByTheNextAndARunningOneRefusesIt() throws {
        // What a kill -9 in the middle leaves: a claim whose last chunk is long past, and rows above the mark.
        try store.file.execute("""
            INSERT INTO item_rows (dataset_id, import_id, external_id, text, metadata, content_hash)
            SELECT dataset_id, import_id, 'orphan', 'generated item number 0', NULL, X'00' FROM item_rows LIMIT 1;
            UPDATE item_visibility SET pending_import = 'process 1 on elsewhere', pending_beat = '2000-01-01 00:00:00.000';
            """)
        #expect(try items(store, "seed") == 3, "the orphan row is not shown")
        let report = try store.importItems(ItemImportSettings(dataset: "seed"), from: [GeneratedSource(count: 5)])
        #expect(report.added == 5 && report.duplicates == 0)
        #expect(try store.int("SELECT COUNT(*) FROM item_rows WHERE external_id = 'orphan'") == 0)
        try store.file.execute("""
            UPDATE item_visibility SET pending_import = 'process 1 on elsewhere',
                pending_beat = strftime('%Y-%m-%d %H:%M:%f', 'now');
            """)
        #expect(throws: StoreError.self) {
            try store.importItems(ItemImportSettings(dataset: "seed"), from: [GeneratedSource(count: 5, batchSize: 1)])
        }
    }
}
