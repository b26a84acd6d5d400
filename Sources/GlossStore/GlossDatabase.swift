import CSQLiteTuning
import Foundation
import GRDB

/// The Gloss store: one SQLite file shared by every command and every annotator.
///
/// Opened as a WAL `DatabasePool` with a busy timeout so several processes can share it.
/// Each write the application needs is one named method on this façade (one transaction).
public final class GlossDatabase: Sendable {
    /// The underlying connection; a pool for files, a queue for in-memory stores.
    public let writer: any DatabaseWriter
    /// The file path, or ":memory:".
    public let path: String

    init(writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        self.path = path
        try Self.migrator.migrate(writer)
    }

    /// The store path chosen by `--db`, else `$GLOSS_DB`, else `./gloss.db`.
    public static func resolvePath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["GLOSS_DB"], !env.isEmpty { return env }
        return "gloss.db"
    }

    /// Opens (or creates) the store at `path`, refusing files that are not Gloss stores,
    /// are damaged, or come from a newer Gloss, without writing a byte to them.
    ///
    /// With `create: false` a missing file is an error instead of a new store: commands that
    /// only read never leave an empty store behind a mistyped path.
    public static func open(path: String, create: Bool = true) throws -> GlossDatabase {
        _ = sqliteTuned
        if !create, !FileManager.default.fileExists(atPath: path) { throw StoreError.noStore(path: path) }
        try StoreInspector.inspect(path: path)
        if !FileManager.default.fileExists(atPath: path) || Self.isEmptyFile(path) {
            try createEmpty(path: path)
        }
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            return try GlossDatabase(writer: DatabasePool(path: path, configuration: config), path: path)
        } catch let error as DatabaseError {
            throw StoreInspector.translate(error, path: path)
        }
    }

    /// Page size of new stores: 16 KiB pages halve the B-tree depth of a million items and
    /// cut the page writes of bulk imports; it must be set before the file turns to WAL.
    static let pageSize = 16384

    static func isEmptyFile(_ path: String) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil) == 0
    }

    /// Creates the file with the page size set, then switches it to WAL.
    static func createEmpty(path: String) throws {
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA page_size = \(pageSize); VACUUM; PRAGMA journal_mode = WAL")
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw StoreInspector.translate(error, path: path)
        }
    }

    /// SQLite's process-wide settings, applied once before the first connection opens.
    private static let sqliteTuned: Int32 = gloss_sqlite_tune()

    /// A fresh store in memory, for tests.
    public static func inMemory() throws -> GlossDatabase {
        try GlossDatabase(writer: DatabaseQueue(), path: ":memory:")
    }
}
