import Foundation
internal import GRDB
internal import GRDBSQLite

extension SQLiteBackend {
    /// A labeling session's WAL checkpoints, just after its saves instead of in them
    /// (`WALCheckpointer`); nil for the in-memory store.
    func startSessionCompanion() -> (any SessionCompanion)? {
        guard isWAL, !isReadOnly, let connection = CheckpointConnection(path: path) else { return nil }
        let checkpointer = WALCheckpointer(beside: { connection.checkpoint() }, inLine: { [weak self] in
            try? self?.writeWithoutTransaction { db in
                _ = sqlite3_wal_checkpoint_v2(db.sqliteConnection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
        })
        do {
            try writeWithoutTransaction { checkpointer.start(writer: $0) }
        } catch {
            return nil
        }
        return BackgroundCheckpoints(backend: self, checkpointer: checkpointer, connection: connection)
    }
}

/// Stops a `WALCheckpointer` on the writer's queue, once, then waits for its thread and
/// closes its connection (left open, it would be the store's last connection and fold the
/// WAL into the store file whenever it closed).
final class BackgroundCheckpoints: SessionCompanion, @unchecked Sendable {
    private let backend: SQLiteBackend
    let checkpointer: WALCheckpointer
    private let connection: CheckpointConnection
    private let lock = NSLock()
    private var stopped = false

    init(backend: SQLiteBackend, checkpointer: WALCheckpointer, connection: CheckpointConnection) {
        self.backend = backend
        self.checkpointer = checkpointer
        self.connection = connection
    }

    func stop() {
        guard lock.withLock({ defer { stopped = true }; return !stopped }) else { return }
        // A store closing under us (the run failing) leaves nothing to restore.
        try? backend.writeWithoutTransaction { checkpointer.stop(writer: $0) }
        // Outside the writer's queue: a checkpoint the thread queued there runs first.
        checkpointer.waitUntilStopped()
        connection.close()
    }
}

extension SQLiteBackend {
    /// The writer's automatic checkpoint threshold as SQLite reports it (0 while a
    /// `WALCheckpointer` holds the hook), for tests.
    func automaticCheckpointPages() throws -> Int {
        try writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") ?? -1 }
    }
}

/// A connection of the session's own for its checkpoints, so that a checkpoint (which
/// copies the WAL into the store file and syncs it, up to hundreds of milliseconds on a
/// large store and a busy disk) never holds up a save queued on the writer: SQLite lets a
/// PASSIVE checkpoint run beside a writer appending to the WAL. Used from the
/// checkpointer's thread only.
final class CheckpointConnection: @unchecked Sendable {
    private var handle: OpaquePointer?

    /// Opens `path` read-write and reads its schema (which opens the WAL); nil when it cannot.
    init?(path: String) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX
        guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK, let db,
              sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nil, nil, nil) == SQLITE_OK else {
            sqlite3_close_v2(db)
            return nil
        }
        handle = db
    }

    /// One PASSIVE checkpoint: it copies what no reader still needs and never waits. Busy
    /// (another process's checkpoint) or failing, it does nothing: the next commit asks again.
    func checkpoint() {
        guard let handle else { return }
        _ = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }

    /// Closes the connection now rather than whenever the last reference goes (call it once
    /// the checkpointer's thread has ended).
    func close() {
        sqlite3_close_v2(handle)
        handle = nil
    }

    deinit { sqlite3_close_v2(handle) }
}
