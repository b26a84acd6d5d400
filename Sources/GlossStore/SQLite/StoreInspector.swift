import Foundation
import GlossCore
internal import GRDB
internal import GRDBSQLite

/// Looks at a file before Gloss opens it for writing, so that a text file, another
/// program's SQLite database, or a store from a newer Gloss is refused untouched: the
/// decision comes from the 100-byte SQLite header, and a foreign file's tables are listed
/// through an `immutable` read that takes no locks and creates no -wal or -shm file.
enum StoreInspector {
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// With `checksMigrations: false` only the header and the tables of a foreign file are
    /// read; the caller checks the migrations (after its own permission checks).
    static func inspect(path: String, checksMigrations: Bool = true) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw StoreError.notADatabase(path: path, detail: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unreadable(path: path, detail: "permission denied")
        }
        let head = Array((try? handle.read(upToCount: 100)) ?? Data())
        try? handle.close()
        if head.isEmpty { return }  // an empty file holds nothing to lose
        guard head.count >= 100, Array(head.prefix(16)) == sqliteHeader else {
            let looksTextual = head.allSatisfy { $0 >= 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            throw StoreError.notADatabase(
                path: path,
                detail: looksTextual ? "it is a text file, not an SQLite database" : "it is not an SQLite database")
        }
        let userVersion = bigEndian(head, at: 60)
        let appID = Int32(bitPattern: bigEndian(head, at: 68))
        if appID == SQLiteBackend.applicationID {
            if userVersion > SQLiteBackend.schemaVersion {
                let known = SQLiteBackend.schemaVersion
                throw StoreError.newerVersion(
                    path: path, unknown: ["schema version \(userVersion) (this Gloss knows up to \(known))"])
            }
            return checksMigrations ? try checkMigrations(path) : ()
        }
        if appID != 0 {
            let hex = String(UInt32(bitPattern: appID), radix: 16)
            throw StoreError.foreignDatabase(path: path, detail: "its application id is 0x\(hex)")
        }
        let tables = try tableNames(path)
        if !tables.isEmpty {
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", ..." : "")
            throw StoreError.foreignDatabase(path: path, detail: "it holds other tables: \(shown)")
        }
    }

    /// Reads the applied migrations through a read-only connection (it sees the WAL, unlike
    /// the header): unknown ones mean a newer Gloss, and an unreadable schema a damaged file.
    /// Opening the pool writes (GRDB forces the WAL files into existence), so this comes first.
    static func checkMigrations(_ path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            let unknown = try queue.read { db in
                try SQLiteBackend.migrator.appliedIdentifiers(db).subtracting(SQLiteBackend.migrator.migrations)
            }
            if !unknown.isEmpty { throw StoreError.newerVersion(path: path, unknown: unknown.sorted()) }
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The tables of a file that is not (yet) a Gloss store, read without locks or side files.
    static func tableNames(_ path: String) throws -> [String] {
        let escaped = path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3f")
            .replacingOccurrences(of: "#", with: "%23")
        var connection: OpaquePointer?
        defer { sqlite3_close_v2(connection) }
        var code = sqlite3_open_v2("file:\(escaped)?immutable=1", &connection,
                                   SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil)
        var names: [String] = []
        if code == SQLITE_OK {
            var statement: OpaquePointer?
            let sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
            while code == SQLITE_OK || code == SQLITE_ROW {
                code = sqlite3_step(statement)
                if code == SQLITE_ROW, let name = sqlite3_column_text(statement, 0) {
                    names.append(String(cString: name))
                }
            }
            sqlite3_finalize(statement)
            if code == SQLITE_DONE { return names }
        }
        let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
        switch code & 0xFF {
        case SQLITE_CORRUPT, SQLITE_NOTADB: throw StoreError.corrupt(path: path, detail: message)
        default: throw StoreError.unreadable(path: path, detail: message)
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> Error {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: StoreError.corrupt(path: path, detail: error.message ?? "\(error)")
        case .SQLITE_BUSY, .SQLITE_LOCKED: StoreError.locked(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            StoreError.unreadable(path: path, detail: error.message ?? "\(error)")
        default: error
        }
    }
}
