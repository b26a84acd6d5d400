import Foundation

/// Runs the built `gloss` executable as a user would, capturing its output.
public struct GlossCLI: Sendable {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The `gloss` binary built beside the test bundle, or the one $GLOSS_TEST_EXECUTABLE
    /// names (CI runs the command tests once more against the packaged dist/gloss).
    public let executable: URL
    /// The working directory of every run.
    public let directory: URL

    public init(directory: URL) throws {
        self.directory = directory
        if let chosen = ProcessInfo.processInfo.environment["GLOSS_TEST_EXECUTABLE"], !chosen.isEmpty {
            executable = URL(fileURLWithPath: chosen).standardizedFileURL
            return
        }
        let bin = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bin.appendingPathComponent("gloss"), bin.deletingLastPathComponent().appendingPathComponent("gloss")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates[0].path])
        }
        executable = found
    }

    /// Runs `gloss ARGS` with `stdin` as standard input and extra environment variables.
    @discardableResult
    public func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        try run(executable, arguments, stdin: stdin, environment: environment)
    }

    /// The user id `runUnprivileged` runs as when the tests run as root (`nobody`).
    public static let unprivilegedUser: UInt32 = 65534

    /// Runs `gloss ARGS` as a user without root's power to write any file, so that file
    /// permissions apply: as this user when it is not root, else through `setpriv` as
    /// `nobody` (the files it must read or write need permissions for others).
    @discardableResult
    public func runUnprivileged(_ arguments: [String], stdin: String? = nil) throws -> Result {
        guard getuid() == 0 else { return try run(arguments, stdin: stdin) }
        let user = String(Self.unprivilegedUser)
        return try run(URL(fileURLWithPath: "/usr/bin/setpriv"),
                       ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", executable.path] + arguments, stdin: stdin,
                       environment: [:])
    }

    private func run(_ program: URL, _ arguments: [String], stdin: String?, environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["GLOSS_DB"] = nil
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let writer = Thread {
            if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errData = ReadAll(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.wait(), as: UTF8.self))
    }
}

/// Reads a pipe to its end on another thread, so a full stderr pipe cannot block stdout.
final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
