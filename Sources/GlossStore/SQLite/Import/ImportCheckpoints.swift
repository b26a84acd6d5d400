import Foundation
internal import GRDB
internal import GRDBSQLite

/// An item import's WAL checkpoints, off its writer: each checkpoint copies the WAL into
/// the store file and syncs the disk (tens of milliseconds, about once per 1,000 pages the
/// chunks write), and in line with the commits those syncs held the import up to a third of
/// its time. A `WALCheckpointer` runs them on a connection of its own beside the chunks;
/// when the WAL outgrows that (its in-line threshold), the import runs one itself between
/// two chunks (`catchUp`), where it holds no transaction, so the WAL stays bounded.
final class ImportCheckpoints: @unchecked Sendable {
    private let checkpointer: WALCheckpointer
    private let connection: CheckpointConnection
    private let inLineDue = DueFlag()

    /// Set by the checkpointer's thread, taken by the writer's.
    private final class DueFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var due = false
        func set() { lock.withLock { due = true } }
        func take() -> Bool { lock.withLock { defer { due = false }; return due } }
    }

    /// Nil for a store without a WAL, or when a second connection cannot be opened (then
    /// SQLite's own automatic checkpoints stay).
    init?(path: String, isWAL: Bool) {
        guard isWAL, let connection = CheckpointConnection(path: path) else { return nil }
        self.connection = connection
        let due = inLineDue
        checkpointer = WALCheckpointer(beside: { connection.checkpoint() }, inLine: { due.set() })
    }

    /// Called on the writer's queue.
    func start(writer db: Database) { checkpointer.start(writer: db) }

    /// Gives the writer its automatic checkpoints back, waits for the thread to end and
    /// closes its connection before the import returns (left open, it would be the store's
    /// last connection and fold the WAL into the store file whenever it closed).
    func stop(writer db: Database) {
        checkpointer.stop(writer: db)
        checkpointer.waitUntilStopped()
        connection.close()
    }

    /// Between two chunks: the checkpoint the background one could not keep up with.
    func catchUp(writer db: Database) {
        guard inLineDue.take() else { return }
        _ = sqlite3_wal_checkpoint_v2(db.sqliteConnection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }
}
