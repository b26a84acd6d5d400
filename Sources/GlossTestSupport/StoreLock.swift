import Foundation

/// Another process holding a store's write lock: the `sqlite3` shell inside `BEGIN
/// IMMEDIATE`, as a long import or a stuck writer would, until `release()`.
public final class StoreLock {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    /// Starts `sqlite3 path` and returns once it holds the write lock.
    public init(path: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        var seen = Data()
        let deadline = Date().addingTimeInterval(10)
        while !String(decoding: seen, as: UTF8.self).contains("locked") {
            guard Date() < deadline else { throw CocoaError(.fileLocking) }
            seen += output.fileHandleForReading.availableData
        }
    }

    /// Rolls the transaction back and ends the shell.
    public func release() {
        guard process.isRunning else { return }
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { release() }
}
