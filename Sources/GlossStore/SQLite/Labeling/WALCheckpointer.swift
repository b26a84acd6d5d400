import Foundation
internal import GRDB
internal import GRDBSQLite

/// Runs the store's WAL checkpoints on a thread of their own while a labeling session runs,
/// so that no save pays for one.
///
/// By default SQLite checkpoints in the commit that takes the WAL past 1,000 pages: that
/// commit copies the WAL into the store file and syncs it, which made about one save in
/// fifty take 10-20 ms instead of 2 (and the statistics totals write more pages per save,
/// so the checkpoints came more often). Here the writer connection's WAL hook (which
/// replaces SQLite's automatic checkpoint) only notes the WAL's length; past the same
/// threshold this thread runs a PASSIVE checkpoint on a connection of its own, which never
/// takes the write lock, so saves go on while it copies. Stopping restores the automatic
/// checkpoint.
final class WALCheckpointer: @unchecked Sendable {
    /// SQLite's own automatic checkpoint threshold, in WAL frames (pages).
    static let threshold: Int32 = 1000
    /// A WAL this long means writes follow each other too closely for this thread to finish
    /// a checkpoint between two of them (the WAL restarts only from a fully copied one): the
    /// writer then checkpoints in its own commit, as SQLite would, so the WAL stays bounded.
    static let writerTakesOver: Int32 = 4 * threshold

    private let condition = NSCondition()
    private var framesInWAL: Int32 = 0
    private var stopping = false
    private var running = false
    private let connection: OpaquePointer
    private var checkpointing = false
    private var checkpoints = 0
    private var longestWAL: Int32 = 0
    /// Checkpoints this thread ran, and the longest WAL a commit reported (for tests).
    var checkpointsRun: Int { condition.withLock { checkpoints } }
    var longestWALFrames: Int32 { condition.withLock { longestWAL } }

    /// Opens the checkpointing connection; nil when SQLite cannot (the hook is not set).
    init?(path: String) {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        // A read opens the file, so that the checkpoints find it in WAL mode.
        guard sqlite3_open_v2(path, &connection, flags, nil) == SQLITE_OK, let connection,
              sqlite3_exec(connection, "SELECT COUNT(*) FROM sqlite_schema", nil, nil, nil) == SQLITE_OK else {
            sqlite3_close(connection)
            return nil
        }
        self.connection = connection
    }

    deinit { sqlite3_close(connection) }

    /// Starts the thread, then hands `writer`'s checkpoints to it (called on the writer's queue).
    func start(writer db: Database) {
        condition.withLock { running = true }
        let thread = Thread { [self] in run() }
        thread.name = "gloss-wal-checkpoint"
        thread.start()
        sqlite3_wal_hook(db.sqliteConnection, { context, writer, _, frames in
            Unmanaged<WALCheckpointer>.fromOpaque(context!).takeUnretainedValue().committed(frames: frames)
            if frames >= WALCheckpointer.writerTakesOver {
                _ = sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Gives `writer` its automatic checkpoints back and stops the thread after the
    /// checkpoint in hand (called on the writer's queue).
    func stop(writer db: Database) {
        sqlite3_wal_autocheckpoint(db.sqliteConnection, Self.threshold)
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    /// Waits until no checkpoint is due or running (tests: the pause an annotator's reading
    /// gives between two saves).
    func waitUntilIdle() {
        condition.lock()
        while checkpointing || framesInWAL >= Self.threshold { condition.wait() }
        condition.unlock()
    }

    /// The WAL's length after a commit, from the writer's hook: only a note and a signal.
    private func committed(frames: Int32) {
        condition.lock()
        framesInWAL = frames
        longestWAL = max(longestWAL, frames)
        if frames >= Self.threshold { condition.broadcast() }
        condition.unlock()
    }

    private func run() {
        defer { condition.withLock { running = false; condition.broadcast() } }
        while true {
            condition.lock()
            while !stopping, framesInWAL < Self.threshold { condition.wait() }
            let stop = stopping
            // The next commit reports the WAL anew: restarted once this checkpoint copied
            // all of it, still long when a reader kept it (then this tries again, as
            // SQLite's own checkpoint would at each commit).
            framesInWAL = 0
            checkpointing = !stop
            condition.unlock()
            if stop { return }
            _ = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            condition.withLock {
                checkpoints += 1
                checkpointing = false
                condition.broadcast()
            }
        }
    }
}
