internal import CSQLiteTuning
import Foundation
internal import GRDB

/// The SQLite backend of the façade: one file opened as a WAL `DatabasePool` with a busy
/// timeout, so several processes share it (or an in-memory queue, for tests).
///
/// It alone holds the connection. Each concern's backend protocol is implemented in a
/// `SQLiteBackend+Concern.swift` file beside the query helpers of that concern, every
/// method in one transaction through `read`, `write` or `writeRetrying`.
final class SQLiteBackend: Sendable {
    private let writer: any DatabaseWriter
    /// How its connections wait for a store another process holds.
    private let busyWait: BusyWait
    /// The store file's path, for errors.
    var path: String { writer.path }
    /// A store file in WAL mode (not the in-memory store of tests).
    var isWAL: Bool { writer is DatabasePool }
    /// Opened with `SQLITE_OPEN_READONLY`: every write fails, and nothing was migrated.
    let isReadOnly: Bool
    /// Whether the store keeps the totals of migration v12 (a read-only open of an older
    /// store does not: statistics then make a pass over the rows).
    let hasStatsAggregates: Bool

    private init(writer: any DatabaseWriter, busyWait: BusyWait = BusyWait()) throws {
        self.writer = writer
        self.busyWait = busyWait
        isReadOnly = false
        try Self.migrator.migrate(writer)
        hasStatsAggregates = true
    }

    /// A read-only connection to a store whose migrations must all be applied already
    /// (but those in `readableWithout`).
    private init(readOnly reader: DatabaseQueue, path: String) throws {
        writer = reader
        busyWait = BusyWait()
        isReadOnly = true
        hasStatsAggregates = try reader.read { db in
            try Self.requireCurrentSchema(db, path: path)
            return try Self.migrator.appliedIdentifiers(db).contains(Self.statsAggregatesIdentifier)
        }
    }

    /// Opens (or creates) the store file at `path`; see `GlossDatabase.open`.
    static func open(path: String, create: Bool) throws -> SQLiteBackend {
        _ = sqliteTuned
        if !create, !FileManager.default.fileExists(atPath: path) { throw StoreError.noStore(path: path) }
        try StoreInspector.inspect(path: path, checksMigrations: false)
        if FileManager.default.fileExists(atPath: path), !isEmptyFile(path) {
            if let reason = StoreWritability.readOnlyReason(path: path) {
                throw StoreError.readOnly(path: path, reason: reason)
            }
            try StoreInspector.checkMigrations(path)
        }
        if !FileManager.default.fileExists(atPath: path) || isEmptyFile(path) {
            try createEmpty(path: path)
        }
        var config = Configuration()
        let busyWait = BusyWait()
        config.busyMode = .callback { tries in busyWait.shouldRetry(tries) }
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            return try SQLiteBackend(writer: DatabasePool(path: path, configuration: config), busyWait: busyWait)
        } catch let error as DatabaseError {
            throw StoreInspector.translate(error, path: path)
        }
    }

    /// Opens the existing store at `path` for reading only; see `GlossDatabase.openReadOnly`.
    static func openReadOnly(path: String) throws -> SQLiteBackend {
        _ = sqliteTuned
        guard FileManager.default.fileExists(atPath: path), !isEmptyFile(path) else { throw StoreError.noStore(path: path) }
        try StoreInspector.inspect(path: path, checksMigrations: false)
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        do {
            let reader = try DatabaseQueue(path: ReadOnlyLocation(path: path).sqliteName, configuration: config)
            return try SQLiteBackend(readOnly: reader, path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN && ReadOnlyLocation.walNeedsMissingShm(path) {
            throw StoreError.unreadable(path: path, detail: "its -wal file holds changes not yet in the store file, and SQLite "
                + "cannot create the -shm file it needs to read them, in a directory you cannot write. Ask someone who can "
                + "write the store to run gloss migrate --db \(path) once (it folds the -wal file into the store)")
        } catch let error as DatabaseError {
            throw StoreInspector.translate(error, path: path)
        }
    }

    /// Migrations a read-only open of an older store can do without: they add only what
    /// readers have a slower way around (v12's statistics totals: a pass over the rows) or
    /// never read (v13's content keys, which only imports use).
    static let readableWithout: Set<String> = [statsAggregatesIdentifier, contentKeysIdentifier]
    static let statsAggregatesIdentifier = "v12-stats-aggregates"

    /// Refuses a store from a newer Gloss (unknown migrations) or an older one (missing
    /// migrations: a read-only open must not migrate it, and the code expects the newest
    /// schema, but for the migrations in `readableWithout`).
    static func requireCurrentSchema(_ db: Database, path: String) throws {
        let applied = try migrator.appliedIdentifiers(db)
        let unknown = applied.subtracting(migrator.migrations)
        if !unknown.isEmpty { throw StoreError.newerVersion(path: path, unknown: unknown.sorted()) }
        if !Set(migrator.migrations).subtracting(applied).isSubset(of: readableWithout) {
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            throw StoreError.needsMigration(path: path, version: version, current: Int(schemaVersion))
        }
    }

    /// A fresh store in memory.
    static func inMemory() throws -> SQLiteBackend {
        try SQLiteBackend(writer: DatabaseQueue())
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

    // MARK: Transactions

    /// Runs `body` in one read transaction (a snapshot: other writers do not wait for it).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    /// Runs `body` in one write transaction.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.write(body)
    }

    /// Stops the statements running on other threads: a write waiting for another
    /// process's lock fails at once (SQLITE_INTERRUPT) and nothing of it is stored.
    func interrupt() {
        busyWait.stop()
        writer.interrupt()
    }

    /// Runs `body` outside any transaction (for pragmas that must not be in one).
    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction(body)
    }

    /// How many times a write that found the store busy is tried again, and the first wait.
    static let busyRetries = 6
    static let firstBackoff: TimeInterval = 0.02

    /// Runs `updates` in one IMMEDIATE write transaction; when SQLite still answers
    /// "busy" or "locked" after its busy timeout (another process held the store that
    /// long, or a WAL recovery was running), waits with exponential backoff and jitter and
    /// tries again, so a busy store slows a save down instead of failing it.
    func writeRetrying<T>(_ updates: (Database) throws -> T) throws -> T {
        var wait = Self.firstBackoff
        let started = Date()
        for attempt in 0... {
            do {
                return try writer.write(updates)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                // After `interrupt()` nothing waits any more: the session is closing.
                guard attempt < Self.busyRetries, !busyWait.isStopped else {
                    throw StoreBusy(seconds: Date().timeIntervalSince(started))
                }
                Thread.sleep(forTimeInterval: wait * Double.random(in: 0.5...1.5))
                wait *= 2
            }
        }
        fatalError("unreachable: the loop returns or throws")
    }
}

extension SQLiteBackend: StoreBackend {}
