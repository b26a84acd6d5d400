import Foundation
internal import GRDB
internal import GRDBSQLite

/// Moves the store's WAL checkpoints out of a labeling session's saves, to just after them.
///
/// By default SQLite checkpoints in the commit that takes the WAL past 1,000 pages: that
/// save copies the WAL into the store file and syncs it before it returns, which made
/// about one save in fifty take 10-20 ms instead of 2 (the statistics totals write more
/// pages per save, so the checkpoints came more often). Here the writer connection's WAL
/// hook (which replaces SQLite's automatic checkpoint) only notes the WAL's length; past
/// the same threshold a thread of its own runs a PASSIVE checkpoint on a connection of its
/// own (`CheckpointConnection`), beside the saves: queued on the writer instead, a
/// checkpoint slowed by the disk held the next save up to half a second, and the key that
/// followed found the screen still waiting. The annotator reads the next item meanwhile
/// (the labeler takes no decision within 150 ms of showing one), so the checkpoint has
/// usually caught up before the next save, which then restarts the WAL from its start as
/// SQLite does on its own. When saves come back to back (confirm mode, a script) and the
/// WAL reaches twice the threshold all the same, one checkpoint is queued on the writer
/// instead, between two saves, so the WAL restarts and stays bounded. Stopping restores
/// the automatic checkpoint.
final class WALCheckpointer: @unchecked Sendable {
    /// SQLite's own automatic checkpoint threshold, in WAL frames (pages).
    static let threshold: Int32 = 1000

    /// Past this many frames the checkpoint waits its turn on the writer (see above).
    static let inLineThreshold: Int32 = 2 * threshold

    private let beside: @Sendable () -> Void
    private let inLine: @Sendable () -> Void
    private let condition = NSCondition()
    private var framesInWAL: Int32 = 0
    private var stopping = false
    private var running = false
    private var checkpointing = false
    private var checkpoints = 0
    private var longestWAL: Int32 = 0
    /// Checkpoints this thread ran, and the longest WAL a commit reported (for tests).
    var checkpointsRun: Int { condition.withLock { checkpoints } }
    var longestWALFrames: Int32 { condition.withLock { longestWAL } }

    /// `beside` runs one PASSIVE checkpoint on a connection of its own, `inLine` one queued
    /// on the writer (both called on this object's thread).
    init(beside: @escaping @Sendable () -> Void, inLine: @escaping @Sendable () -> Void) {
        self.beside = beside
        self.inLine = inLine
    }

    /// Starts the thread, then hands `writer`'s checkpoints to it (called on the writer's queue).
    func start(writer db: Database) {
        condition.withLock { running = true }
        let thread = Thread { [self] in run() }
        thread.name = "gloss-wal-checkpoint"
        thread.start()
        sqlite3_wal_hook(db.sqliteConnection, { context, _, _, frames in
            Unmanaged<WALCheckpointer>.fromOpaque(context!).takeUnretainedValue().committed(frames: frames)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Gives `writer` its automatic checkpoints back (called on the writer's queue), then
    /// stops the thread; a checkpoint it queued meanwhile finds the thread stopping.
    func stop(writer db: Database) {
        sqlite3_wal_autocheckpoint(db.sqliteConnection, Self.threshold)
        condition.withLock {
            stopping = true
            condition.broadcast()
        }
    }

    /// Waits until no checkpoint is due or running (tests: the pause an annotator's reading
    /// gives between two saves), or the thread has stopped.
    func waitUntilIdle() {
        condition.lock()
        while running, checkpointing || framesInWAL >= Self.threshold { condition.wait() }
        condition.unlock()
    }

    /// Whether the thread has stopped (for tests).
    var hasStopped: Bool { condition.withLock { !running } }

    /// Waits until the thread has ended (after `stop`), so that nothing it holds outlives
    /// the caller's use of the store.
    func waitUntilStopped() {
        condition.lock()
        while running { condition.wait() }
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
            // The next commit reports the WAL anew: restarted after this checkpoint, or
            // still long when a reader kept it (then this tries again, as SQLite's own
            // checkpoint would at each commit).
            let behind = framesInWAL >= Self.inLineThreshold
            framesInWAL = 0
            checkpointing = !stopping
            let stop = stopping
            condition.unlock()
            if stop { return }
            if behind { inLine() } else { beside() }
            condition.withLock {
                checkpoints += 1
                checkpointing = false
                condition.broadcast()
            }
        }
    }
}
