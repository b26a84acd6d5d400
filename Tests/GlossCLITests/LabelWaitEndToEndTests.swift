import Foundation
import GlossTestSupport
import Testing

/// The built labeler in tmux while another process holds the store's write lock: it says
/// it waits, the keys typed meanwhile decide nothing, and SIGTERM still ends it.
@Suite("gloss label while the store is locked", .serialized)
struct LabelWaitEndToEndTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        #expect(try gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews"]).status == 0)
        #expect(try gloss.run(["project", "create", "rev", "--dataset", "reviews", "--guide",
                               Samples.guide("sentiment.md")]).status == 0)
    }

    @Test func keysDuringALockedSaveDecideNothingAndASignalStillEndsTheSession() throws {
        let pidFile = dir.path("pid")
        let exec = "\(gloss.executable.path) label rev --as ana --no-model"
        let tmux = try Tmux("cd '\(dir.url.path)' && sh -c 'echo $$ > \(pidFile); exec \(exec)'", width: 100, height: 30,
                            environment: ["TERM": "xterm-256color"])
        _ = try #require(try tmux.waitFor("#r001"))
        let lock = try SQLiteWriteLock(path: dir.path("gloss.db"))
        try tmux.send("p")
        let waiting = try tmux.waitUntil(timeout: 5, reading: false) { $0.contains("waiting for the store:") }
        #expect(waiting?.contains("(saving positive)") == true, "\((try? tmux.screen()) ?? "")")
        for key in ["n", "u", "m"] {
            try tmux.send(key)
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(try tmux.waitUntil(timeout: 5, reading: false) { $0.contains(" ignored") } != nil)
        lock.release()
        let next = try #require(try tmux.waitFor("saved #r001 · positive"), "the save went through once the lock was free")
        #expect(next.contains("#r002"))

        // A second wait, ended by SIGTERM: the session closes at once and the save is dropped.
        let second = try SQLiteWriteLock(path: dir.path("gloss.db"))
        try tmux.send("n")
        _ = try #require(try tmux.waitUntil(timeout: 5, reading: false) { $0.contains("waiting for the store:") })
        let pid = try #require(pid_t(String(contentsOfFile: pidFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGTERM) == 0)
        let ended = try #require(try tmux.waitFor("[exit 143]", timeout: 5), "\((try? tmux.screen()) ?? "")")
        #expect(ended.contains("was not saved"), "the decision that waited is reported as not saved:\n\(ended)")
        #expect(!ended.contains("#r002 ·"), "the terminal is restored:\n\(ended)")
        second.release()
        let values = try SQLiteShell(dir.path("gloss.db")).column("SELECT value FROM annotations ORDER BY id").map(\.string)
        #expect(values == [#"{"label":"positive"}"#], "only the decision made on a seen item, before the wait")
    }

    @Test func keysOnATerminalTooSmallToShowTheItemStoreNothing() throws {
        let tmux = try Tmux("cd '\(dir.url.path)' && \(gloss.executable.path) label rev --as ana --no-model",
                            width: 30, height: 10, environment: ["TERM": "xterm-256color"])
        _ = try #require(try tmux.waitFor("too small"))
        for key in ["p", "n", "Enter", "Space", "-"] { try tmux.send(key) }
        Thread.sleep(forTimeInterval: 0.3)
        try tmux.send("q")
        _ = try #require(try tmux.waitFor("[exit 0]"))
        #expect(try SQLiteShell(dir.path("gloss.db")).int("SELECT COUNT(*) FROM annotations") == 0)
    }
}
