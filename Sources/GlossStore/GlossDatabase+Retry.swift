import Foundation
import GRDB

extension GlossDatabase {
    /// How many times a write that found the store busy is tried again, and the first wait.
    static let busyRetries = 6
    static let firstBackoff: TimeInterval = 0.02

    /// Runs `updates` in one IMMEDIATE write transaction; when SQLite still answers
    /// "busy" or "locked" after its busy timeout (another process held the store that
    /// long, or a WAL recovery was running), waits with exponential backoff and jitter and
    /// tries again, so a busy store slows a save down instead of failing it.
    func writeRetrying<T>(_ updates: (Database) throws -> T) throws -> T {
        var wait = Self.firstBackoff
        for attempt in 0... {
            do {
                return try writer.write(updates)
            } catch let error as DatabaseError where attempt < Self.busyRetries
                && (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) {
                Thread.sleep(forTimeInterval: wait * Double.random(in: 0.5...1.5))
                wait *= 2
            }
        }
        fatalError("unreachable: the loop returns or throws")
    }
}
