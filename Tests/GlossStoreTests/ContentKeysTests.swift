import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

/// Records whose texts are given by a function of their number, and ids made from the texts.
func textSource(count: Int, text: @escaping (Int) -> String,
                hash: @escaping (Int, String) -> ContentHash = { _, text in .murmur3(Array(text.utf8)) }) -> GeneratedSource {
    GeneratedSource(count: count, text: text, id: { _, text in "id of \(text)" }, hash: hash)
}

@Suite("Content keys: duplicates found across the sorted runs an import writes its keys in")
struct ContentKeysTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
    }

    func settings(_ dataset: String, run: Int = 64) -> ItemImportSettings {
        var settings = ItemImportSettings(dataset: dataset)
        settings.contentKeyRunLength = run
        return settings
    }

    func keysMatchItems() throws -> Bool {
        let keys = try store.int("SELECT COUNT(*) FROM item_content_keys")
        let joined = try store.int("""
            SELECT COUNT(*) FROM item_content_keys k JOIN item_rows i
            ON i.id = k.item_id AND i.dataset_id = k.dataset_id AND i.content_hash = k.content_hash
            """)
        let items = try store.int("SELECT COUNT(*) FROM item_rows")
        return keys == joined && keys == items
    }

    @Test func duplicatesInOneFileAreFoundWhereverTheirKeysAre() throws {
        // Texts repeat every 7,000 records; runs of 64 keys, cut after each chunk of 5,000
        // records: a repeat's key is in memory, in the run being written or in the table.
        let report = try store.importItems(settings("d"), from: [textSource(count: 30_000) { "text \($0 % 7_000)" }])
        #expect(report.added == 7_000 && report.duplicates == 23_000)
        #expect(try keysMatchItems())
        let again = try store.importItems(settings("d"), from: [textSource(count: 7_000) { "text \($0)" }])
        #expect(again.added == 0 && again.duplicates == 7_000)
        // Another dataset has keys of its own.
        #expect(try store.importItems(settings("e"), from: [textSource(count: 10) { "text \($0)" }]).added == 10)
        #expect(try keysMatchItems())
    }

    @Test func aLargeImportIntoAFilledDatasetStillFindsTheOldTexts() throws {
        // Past ContentKeys.filterExistingAfter new items the stored keys are read into the
        // filter, a slice at a time; the old texts at the end must still be found.
        #expect(try store.importItems(settings("d"), from: [textSource(count: 3_000) { "old \($0)" }]).added == 3_000)
        let mixed = textSource(count: 63_000) { $0 < 60_000 ? "new \($0)" : "old \($0 - 60_000)" }
        let report = try store.importItems(settings("d", run: 4_096), from: [mixed])
        #expect(report.added == 60_000 && report.duplicates == 3_000)
        #expect(try keysMatchItems())
    }

    @Test func aHashCollisionIsReportedNotTakenForADuplicate() throws {
        // Records 0 and 5,500 get the same hash: the first's key is in the table (runs of one
        // key, cut after the first chunk) or still in memory when the second comes.
        let same = ContentHash(h1: 42, h2: 0)
        for run in [1, 1_000_000] {
            let source = textSource(count: 6_000, text: { "text \($0)" }) { n, text in
                n == 0 || n == 5_500 ? same : .murmur3(Array(text.utf8))
            }
            #expect {
                try store.importItems(settings("c\(run)", run: run), from: [source])
            } throws: { error in
                "\(error)".contains("same 64-bit content hash as item \"id of text 0\"")
            }
        }
        #expect(try store.int("SELECT COUNT(*) FROM item_content_keys") == 0)
    }

    @Test func aRecordUnderItsOwnIdIsADuplicateByItsBytesOrItsNormalizedText() throws {
        let first = try dir.write("a.jsonl", "{\"id\": \"a\", \"text\": \"Caf\\u00e9 au lait\"}\n{\"id\": \"b\", \"text\": \"tea\"}\n")
        #expect(try store.importFiles([first], into: "d").added == 2)
        // The same id and bytes; the same id and the text in another normal form and spacing;
        // another id with b's text.
        let again = try dir.write("b.jsonl", "{\"id\": \"a\", \"text\": \"Caf\\u00e9 au lait\"}\n"
            + "{\"id\": \"a\", \"text\": \"Cafe\\u0301  au lait \"}\n{\"id\": \"c\", \"text\": \"tea\"}\n")
        let report = try store.importFiles([again], into: "d")
        #expect(report.added == 0 && report.duplicates == 3)
        // The same id with another text is refused, as before.
        #expect(throws: ImportFailure.self) {
            try store.importFiles([dir.write("c.jsonl", "{\"id\": \"a\", \"text\": \"other\"}\n")], into: "d")
        }
        #expect(try keysMatchItems())
    }

    @Test func checkFindsItemsWithoutKeysAndKeysWithoutItems() throws {
        #expect(try store.importItems(settings("d"), from: [textSource(count: 10) { "text \($0)" }]).added == 10)
        #expect(try store.check().isClean)
        // The first item loses its key; a key with another hash names it.
        try store.file.execute("""
            DELETE FROM item_content_keys WHERE item_id = (SELECT MIN(id) FROM item_rows);
            INSERT INTO item_content_keys SELECT dataset_id, 7, id FROM item_rows ORDER BY id LIMIT 1;
            """)
        let report = try store.check()
        #expect(!report.isClean)
        #expect(report.contentKeyProblems == [
            "1 item without a content key: an import would take its text as new",
            "1 content key naming no item: an import would stop at a text with that key",
        ])
    }

    @Test func aFailedImportTakesItsKeysAway() throws {
        #expect(try store.importItems(settings("d"), from: [textSource(count: 100) { "kept \($0)" }]).added == 100)
        #expect(throws: ImportFailure.self) {
            try store.importItems(settings("d"), from: [GeneratedSource(count: 20_000, invalidLast: true)])
        }
        #expect(try keysMatchItems())
        #expect(try store.int("SELECT COUNT(*) FROM item_content_keys") == 100)
        #expect(try store.importItems(settings("d"), from: [GeneratedSource(count: 20_000)]).added == 20_000)
    }

    @Test func migrationV13TakesTheKeysOfAnOlderStore() throws {
        #expect(try store.importFiles([dir.write("a.jsonl", jsonLines(500))], into: "d").added == 500)
        try store.file.execute("""
            DROP TABLE item_content_keys;
            CREATE UNIQUE INDEX items_by_content ON item_rows(content_hash, dataset_id);
            DELETE FROM grdb_migrations WHERE identifier = 'v13-item-content-keys';
            PRAGMA user_version = 12;
            """)
        let readOnly = try GlossDatabase.openReadOnly(path: store.path)
        #expect(try readOnly.datasets().first?.items == 500, "a read-only open does without the keys")
        let migrated = try GlossDatabase.open(path: store.path)
        #expect(try keysMatchItems())
        #expect(try store.int("SELECT COUNT(*) FROM sqlite_master WHERE name = 'items_by_content'") == 0)
        let again = try migrated.importFiles([dir.write("b.jsonl", jsonLines(600))], into: "d")
        #expect(again.added == 100 && again.duplicates == 500)
    }
}
