import Foundation
import GRDB

/// Looks at a file before Gloss opens it for writing, so that a text file, another
/// program's SQLite database, a damaged file or a newer store is refused untouched.
enum StoreInspector {
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    static func inspect(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw StoreError.notADatabase(path: path, detail: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unreadable(path: path, detail: "permission denied")
        }
        let head = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if head.isEmpty { return }  // an empty file holds nothing to lose
        guard head.count >= 100, Array(head.prefix(16)) == sqliteHeader else {
            let looksTextual = head.allSatisfy { $0 >= 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            throw StoreError.notADatabase(
                path: path, detail: looksTextual ? "it is a text file, not an SQLite database" : "it is not an SQLite database")
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let appID = try Int32(truncatingIfNeeded: Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                if appID == GlossDatabase.applicationID {
                    let known = Set(GlossDatabase.migrator.migrations)
                    let applied = try db.tableExists("grdb_migrations")
                        ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
                    let unknown = applied.filter { !known.contains($0) }
                    if !unknown.isEmpty { throw StoreError.newerVersion(path: path, unknown: unknown) }
                } else if appID != 0 {
                    throw StoreError.foreignDatabase(path: path, detail: "its application id is 0x\(String(UInt32(bitPattern: appID), radix: 16))")
                } else if !tables.isEmpty {
                    let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", ..." : "")
                    throw StoreError.foreignDatabase(path: path, detail: "it holds other tables: \(shown)")
                }
            }
        } catch let error as DatabaseError {
            throw translate(error, path: path)
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
