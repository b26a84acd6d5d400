import Foundation
internal import GRDB
internal import GRDBSQLite

extension SQLiteBackend {
    /// A labeling session's WAL checkpoints, just after its saves instead of in them
    /// (`WALCheckpointer`); nil for the in-memory store.
    func startSessionCompanion() -> (any SessionCompanion)? {
        guard isWAL, !isReadOnly else { return nil }
        let checkpointer = WALCheckpointer { [weak self] in
            // Busy (another process's checkpoint) or failing: the next commit asks again.
            try? self?.writeWithoutTransaction { db in
                _ = sqlite3_wal_checkpoint_v2(db.sqliteConnection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
        }
        do {
            try writeWithoutTransaction { checkpointer.start(writer: $0) }
        } catch {
            return nil
        }
        return BackgroundCheckpoints(backend: self, checkpointer: checkpointer)
    }
}

/// Stops a `WALCheckpointer` on the writer's queue, once.
final class BackgroundCheckpoints: SessionCompanion, @unchecked Sendable {
    private let backend: SQLiteBackend
    let checkpointer: WALCheckpointer
    private let lock = NSLock()
    private var stopped = false

    init(backend: SQLiteBackend, checkpointer: WALCheckpointer) {
        self.backend = backend
        self.checkpointer = checkpointer
    }

    func stop() {
        guard lock.withLock({ defer { stopped = true }; return !stopped }) else { return }
        // A store closing under us (the run failing) leaves nothing to restore.
        try? backend.writeWithoutTransaction { checkpointer.stop(writer: $0) }
    }
}

extension SQLiteBackend {
    /// The writer's automatic checkpoint threshold as SQLite reports it (0 while a
    /// `WALCheckpointer` holds the hook), for tests.
    func automaticCheckpointPages() throws -> Int {
        try writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") ?? -1 }
    }
}
