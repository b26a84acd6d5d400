import Foundation

/// Runs a command in a detached tmux session on a private server, to drive a program
/// through a real terminal: type keys, read the screen.
public final class Tmux: @unchecked Sendable {
    public let socket = "gloss-test-\(UUID().uuidString.prefix(8))"
    public let session = "t"
    static let executable = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "tmux is required for the end-to-end tests: apt-get install tmux" }
    }

    /// Starts `command` (a shell command line) in a `width`×`height` terminal.
    public init(_ command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        guard Self.executable != nil else { throw Missing() }
        let exports = environment.map { "export \($0.key)='\($0.value)';" }.joined(separator: " ")
        try run(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), "\(exports) \(command); echo \"[exit $?]\"; sleep 600"])
    }

    /// Ends the pane's processes and the server by pid: processes started under a test
    /// runner may ignore SIGHUP, and the server would wait for them after kill-server.
    deinit {
        let pids = ((try? run(["display-message", "-p", "-t", session, "#{pid} #{pane_pid}"])) ?? "")
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { pid_t(String($0)) }
        if pids.count == 2 {
            kill(-pids[1], SIGKILL)
            kill(pids[1], SIGKILL)
        }
        _ = try? run(["kill-server"])
        if let server = pids.first { kill(server, SIGKILL) }
    }

    /// Sends keys as tmux names them ("Enter", "Escape", "C-c") or literal text.
    public func send(_ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    /// Types `text` as it is (`send-keys -l`: UTF-8 text such as Hangul, never a key name).
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    /// The visible screen as text.
    public func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", session])
    }

    /// The visible screen with its colors and attributes as escape sequences (`capture-pane -e`):
    /// what a terminal was told to draw, to check that data never reached it raw.
    public func screenWithEscapes() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", session])
    }

    /// A tmux format evaluated for the pane, such as `#{pane_title}` or `#{window_width}`.
    public func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window (and so the program's terminal) to `width`×`height`.
    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// Waits until `condition` holds for the screen; returns the screen, or nil after `timeout` seconds.
    /// Once the screen matches, it waits `readingTime` more before returning, as a person
    /// reads what appeared before pressing the next key (the labeler refuses decisions
    /// quicker than that).
    /// With `reading: false` it returns at once and polls faster (to time when something
    /// appears).
    public func waitUntil(timeout: Double = 10, reading: Bool = true, _ condition: (String) -> Bool) throws -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let current = try screen()
            if condition(current) {
                guard reading else { return current }
                // A capture can catch a frame half drawn (the header new, the status line
                // old); after the reading time the frame is whole, so that one is returned.
                Thread.sleep(forTimeInterval: Self.readingTime)
                let settled = try screen()
                return condition(settled) ? settled : current
            }
            Thread.sleep(forTimeInterval: reading ? 0.05 : 0.01)
        } while Date() < deadline
        return nil
    }

    /// Waits until the screen contains `text`; returns the screen, or nil after `timeout` seconds.
    /// How long a person takes to see a new screen before acting on it.
    public static let readingTime = 0.2

    public func waitFor(_ text: String, timeout: Double = 10) throws -> String? {
        try waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Runs a tmux command with posix_spawn and waitpid. (Foundation's Process can miss the
    /// exit of a tmux client whose server daemonizes, and a captured pipe would be inherited
    /// by the server and never close; so only capture-pane's output goes through a file.)
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let target = ["capture-pane", "display-message"].contains(arguments.first ?? "") ? output : "/dev/null"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, target, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = [Self.executable ?? "/usr/bin/tmux", "-L", socket] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        // The pane's programs get default signal actions and an empty mask, as in a login
        // session, whatever the test runner ignores or blocks.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let code = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, environ)
        guard code == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }
}
