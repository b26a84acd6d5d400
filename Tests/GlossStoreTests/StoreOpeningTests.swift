import Foundation
@testable import GlossStore
import GlossTestSupport
import Testing

@Suite("Opening a store")
struct StoreOpeningTests {
    @Test func createsAStoreWithTheGlossApplicationID() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.store()
        let file = SQLiteShell(dir.path("gloss.db"))
        let appID = try file.column("PRAGMA application_id").first?.int
        let journal = try file.column("PRAGMA journal_mode").first?.string
        #expect(appID == Int(SQLiteBackend.applicationID))
        #expect(journal == "wal")
        _ = try dir.store()  // reopening is fine
    }

    @Test func resolvesThePathFromOptionThenEnvironmentThenDefault() {
        #expect(GlossDatabase.resolvePath(option: "a.db", environment: ["GLOSS_DB": "b.db"]) == "a.db")
        #expect(GlossDatabase.resolvePath(option: nil, environment: ["GLOSS_DB": "b.db"]) == "b.db")
        #expect(GlossDatabase.resolvePath(option: nil, environment: [:]) == "gloss.db")
    }

    @Test func refusesATextFileWithoutTouchingIt() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("notes.txt", String(repeating: "my precious notes\n", count: 20))
        let before = try FileFingerprint(path)
        #expect {
            try GlossDatabase.open(path: path)
        } throws: { error in
            guard case StoreError.notADatabase = error else { return false }
            return "\(error)".contains("text file") && "\(error)".contains(path)
        }
        #expect(try FileFingerprint(path) == before)
    }

    @Test func refusesAnotherProgramsSQLiteDatabaseWithoutTouchingIt() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("other.db")
        try SQLiteShell(path)
            .execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)")
        let before = try FileFingerprint(path)
        #expect {
            try GlossDatabase.open(path: path)
        } throws: { error in
            guard case StoreError.foreignDatabase = error else { return false }
            return "\(error)".contains("invoices")
        }
        #expect(try FileFingerprint(path) == before)
    }

    @Test func refusesAStoreFromANewerGloss() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.store()
        let path = dir.path("gloss.db")
        try SQLiteShell(path).execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        let before = try FileFingerprint(path)
        #expect {
            try GlossDatabase.open(path: path)
        } throws: { error in
            guard case StoreError.newerVersion(_, let unknown) = error else { return false }
            return unknown == ["v99-from-the-future"] && "\(error)".contains("newer Gloss")
        }
        #expect(try FileFingerprint(path).bytes == before.bytes)
    }

    @Test func refusesByHeaderAStoreWhoseSchemaVersionIsNewer() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.store()
        let path = dir.path("gloss.db")
        try SQLiteShell(path).execute("PRAGMA user_version = 42")
        let before = try FileFingerprint(path)
        #expect {
            try GlossDatabase.open(path: path)
        } throws: { error in
            guard case StoreError.newerVersion = error else { return false }
            return "\(error)".contains("schema version 42")
        }
        #expect(try FileFingerprint(path) == before)
    }

    @Test func refusesADamagedStore() throws {
        let dir = try TemporaryDirectory()
        try dir.store().importFiles([dir.write("r.jsonl", jsonLines(200))], into: "d")
        let path = dir.path("gloss.db")
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        for i in 4096..<bytes.count { bytes[i] = 0xAB }  // keep the header page, clobber the rest
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let before = try FileFingerprint(path)
        #expect {
            try GlossDatabase.open(path: path).datasets()
        } throws: { error in
            guard case StoreError.corrupt = error else { return false }
            return "\(error)".contains("damaged")
        }
        #expect(try FileFingerprint(path).bytes == before.bytes)
    }

    @Test func refusesAGarbageFileWithAnSQLiteHeader() throws {
        let dir = try TemporaryDirectory()
        var bytes = Array("SQLite format 3\0".utf8)
        bytes += [UInt8](repeating: 0xAB, count: 8192 - bytes.count)
        let path = try dir.write("garbage.db", bytes: bytes)
        let before = try FileFingerprint(path)
        #expect(throws: StoreError.self) { try GlossDatabase.open(path: path) }
        #expect(try FileFingerprint(path) == before)
    }

    @Test func refusesADirectory() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: StoreError.notADatabase(path: dir.url.path, detail: "it is a directory")) {
            try GlossDatabase.open(path: dir.url.path)
        }
    }

    @Test func adoptsAnEmptyFileAndAnEmptySQLiteDatabase() throws {
        let dir = try TemporaryDirectory()
        let empty = try dir.write("empty.db", bytes: [])
        _ = try GlossDatabase.open(path: empty)
        let blank = dir.path("blank.db")
        try SQLiteShell(blank).execute("PRAGMA user_version = 0")
        let store = try GlossDatabase.open(path: blank)
        #expect(try store.datasets().isEmpty)
    }

    @Test func unknownDatasetNamesTheKnownOnes() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.importFiles([dir.write("a.jsonl", jsonLines(3))], into: "alpha")
        #expect(throws: StoreError.unknownDataset("beta", known: ["alpha"])) { try store.importLog(dataset: "beta") }
    }
}
