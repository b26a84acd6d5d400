import Foundation

/// Another process holding a store's write lock: a `sqlite3` process that began an
/// IMMEDIATE transaction and waits, as a second annotator's save or import would.
public final class SQLiteWriteLock: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()

    /// Starts the process on the database at `path` and returns once it holds the lock.
    public init(path: String, timeout: TimeInterval = 30) throws {
        let marker = FileManager.default.temporaryDirectory
            .appendingPathComponent("gloss-lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: marker) }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-bail", path]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The marker file appears only after BEGIN IMMEDIATE succeeded.
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\n.shell touch '\(marker)'\n".utf8))
        let deadline = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: marker) {
            guard process.isRunning, Date() < deadline else {
                release()
                throw SQLiteShellError(sql: "BEGIN IMMEDIATE", message: "the lock was not taken")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Commits the empty transaction and waits for the process to end.
    public func release() {
        guard process.isRunning else { return }
        input.fileHandleForWriting.write(Data("COMMIT;\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { release() }
}
