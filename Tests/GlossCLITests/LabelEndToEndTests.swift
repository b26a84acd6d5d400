import Foundation
import GlossTestSupport
import Testing

/// The built `gloss label` driven in a real terminal (tmux), then checked row by row in
/// the store. Serialized: each test runs a tmux server and a labeler.
@Suite("gloss label in a terminal", .serialized)
struct LabelEndToEndTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI
    let texts: [String]

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        let imported = try gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let created = try gloss.run(["project", "create", "rev", "--dataset", "reviews", "--guide", Samples.guide("sentiment.md")])
        #expect(created.status == 0, "\(created.stderr)")
        texts = try String(contentsOfFile: Samples.path("reviews.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return object?["text"] as? String ?? ""
            }
    }

    /// The first words of item `n` (1-based), as the item pane shows them.
    func words(_ n: Int) -> String { String(texts[n - 1].prefix(22)) }

    func labeler(_ annotator: String = "ana", width: Int = 100, height: Int = 30, pidFile: String? = nil) throws -> Tmux {
        let exec = "'\(gloss.executable.path)' label rev --as \(annotator)"
        let command = pidFile.map { "sh -c 'echo $$ > \($0); exec \(exec.replacingOccurrences(of: "'", with: ""))'" } ?? exec
        return try Tmux("cd '\(dir.url.path)' && \(command)", width: width, height: height, environment: ["TERM": "xterm-256color"])
    }

    func expectScreen(_ tmux: Tmux, _ text: String, _ comment: String = "", timeout: Double = 10) throws -> String {
        try #require(try tmux.waitFor(text, timeout: timeout), "waiting for \(text) \(comment):\n\((try? tmux.screen()) ?? "")")
    }

    func rows(_ sql: String) throws -> [SQLiteRow] {
        try SQLiteShell(dir.path("gloss.db")).rows(sql)
    }

    @Test func labelsUndoesResizesQuitsAndStoresEveryDecision() throws {
        let tmux = try labeler()
        _ = try expectScreen(tmux, words(1))
        for (n, key) in ["p", "n", "u", "m", "p"].enumerated() {
            try tmux.send(key)
            _ = try expectScreen(tmux, words(n + 2), "after deciding item \(n + 1)")
        }
        try tmux.send("BSpace")
        let undone = try expectScreen(tmux, "undone", "after the undo")
        #expect(undone.contains(words(5)))
        try tmux.resize(width: 60, height: 20)
        _ = try #require(try tmux.waitUntil { $0.split(separator: "\n").count <= 20 && $0.contains("rev") },
                         "no frame at 60×20:\n\((try? tmux.screen()) ?? "")")
        try tmux.resize(width: 30, height: 10)
        _ = try expectScreen(tmux, "too small")
        try tmux.resize(width: 100, height: 30)
        _ = try expectScreen(tmux, words(5), "after growing again")
        try tmux.send("n")
        _ = try expectScreen(tmux, words(6))
        try tmux.send("q")
        let done = try expectScreen(tmux, "[exit 0]")
        #expect(done.contains("5 of 60 items decided"), "\(done)")

        let decisions = try rows("""
            SELECT i.external_id, a.kind, a.value, a.guide_version, a.shown_at, a.decided_at, a.active_ms,
                   a.keystrokes, a.session_id, a.superseded_by, a.undone_at, a.suggestion_accepted
            FROM annotations a JOIN items i ON i.id = a.item_id ORDER BY a.id
            """)
        #expect(decisions.map { $0["external_id"].string } == ["r001", "r002", "r003", "r004", "r005", "r005"])
        #expect(decisions.map { $0["value"].string } == [
            #"{"label":"positive"}"#, #"{"label":"negative"}"#, #"{"label":"neutral"}"#,
            #"{"label":"mixed"}"#, #"{"label":"positive"}"#, #"{"label":"negative"}"#,
        ])
        #expect(decisions[4]["undone_at"].string != nil, "the undone decision is kept, marked undone")
        #expect(decisions.enumerated().allSatisfy { $0.offset == 4 || $0.element["undone_at"].isNull })
        for row in decisions {
            #expect(row["kind"].string == "label" && row["guide_version"].int == 1)
            #expect((row["shown_at"].date ?? .distantFuture) <= (row["decided_at"].date ?? .distantPast))
            #expect((row["active_ms"].int ?? -1) >= 0 && (row["keystrokes"].int ?? 0) >= 1)
            #expect(row["superseded_by"].isNull)
            // The guide-primed model may suggest from the first item: accepted is then 0 or 1.
            #expect(row["suggestion_accepted"].isNull || [0, 1].contains(row["suggestion_accepted"].int ?? -1))
        }
        let sessions = try rows("SELECT * FROM sessions")
        #expect(sessions.count == 1)
        let session = try #require(sessions.first)
        #expect(decisions.allSatisfy { $0["session_id"].int64 != nil && $0["session_id"] == session["id"] })
        #expect(session["end_reason"].string == "quit" && session["ended_at"].string != nil)
        #expect(session["labels"].int == 6 && session["undos"].int == 1)
        #expect(session["terminal_width"].int == 100 && session["terminal_height"].int == 30)
        #expect(session["key_p50_ms"].double.map { $0 > 0 } == true)
        #expect((session["keystrokes"].int ?? 0) >= 8)

        // Relaunching resumes at the first undecided item.
        let again = try labeler()
        _ = try expectScreen(again, words(6), "after relaunching")
        try again.send("q")
        _ = try expectScreen(again, "[exit 0]")
    }

    @Test func killNineRightAfterDecisionsLosesNothingShownAsSaved() throws {
        var decided = 0
        for round in 0..<3 {
            let pidFile = dir.path("pid-\(round)")
            let tmux = try labeler(pidFile: pidFile)
            _ = try expectScreen(tmux, words(decided + 1), "round \(round) resumes at item \(decided + 1)")
            for _ in 0..<(round + 2) {
                try tmux.send("p")
                decided += 1
                _ = try expectScreen(tmux, "saved #r\(String(format: "%03d", decided))", timeout: 10)
            }
            let pid = try #require(pid_t(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(kill(pid, SIGKILL) == 0)
            _ = try expectScreen(tmux, "[exit 137]")
            let stored = try SQLiteShell(dir.path("gloss.db"))
                .int("SELECT COUNT(*) FROM annotations WHERE undone_at IS NULL AND superseded_by IS NULL")
            #expect(stored == decided, "round \(round)")
        }
        let sessions = try rows("SELECT end_reason, labels FROM sessions ORDER BY id")
        #expect(sessions.map { $0["labels"].int } == [2, 3, 4], "killed sessions keep their counts")
        #expect(sessions.allSatisfy { $0["end_reason"].isNull })
    }

    @Test func sigtermAndSighupRestoreTheTerminalAndCloseTheSession() throws {
        for (signal, name) in [(SIGTERM, "15"), (SIGHUP, "1")] {
            let pidFile = dir.path("pid-\(name)")
            let tmux = try labeler(pidFile: pidFile)
            _ = try expectScreen(tmux, words(1))
            let pid = try #require(pid_t(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            kill(pid, signal)
            let after = try expectScreen(tmux, "[exit \(128 + signal)]")
            #expect(!after.contains(words(1)), "the alternate screen was left:\n\(after)")
        }
        let reasons = try rows("SELECT end_reason FROM sessions ORDER BY id").map { $0["end_reason"].string }
        #expect(reasons == ["signal 15", "signal 1"])
    }

    /// README: the guide's instructions are "shown when a labeling session starts" (issue 17:
    /// they never were). Below the first item, until the first decision.
    @Test func theGuidesInstructionsShowAtTheStartUntilTheFirstDecision() throws {
        let tmux = try labeler()
        let start = try expectScreen(tmux, "instructions · Esc hides them")
        #expect(start.contains("Read each movie, product, app or restaurant"), "\(start)")
        #expect(start.contains(words(1)))
        try tmux.send("p")
        let after = try expectScreen(tmux, words(2))
        #expect(!after.contains("instructions · Esc hides them") && !after.contains("Read each movie"), "\(after)")
        try tmux.send("q")
        _ = try expectScreen(tmux, "[exit 0]")
    }

    /// Issue 17: three quick signals left the terminal raw (the third takes the default
    /// action, so a stuck process can still be killed, and nothing restored the terminal).
    /// Stopped, the process gets SIGHUP, SIGINT and SIGTERM pending together (signals of one
    /// number would merge); on SIGCONT all three land before the loop can take the first.
    @Test func threeSignalsInARowStillRestoreTheTerminal() throws {
        let pidFile = dir.path("pid-three")
        let tmux = try labeler(pidFile: pidFile)
        _ = try expectScreen(tmux, words(1))
        #expect(try tmux.display("#{alternate_on}") == "1")
        let pid = try #require(pid_t(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGSTOP)
        for signal in [SIGHUP, SIGINT, SIGTERM] { kill(pid, signal) }
        kill(pid, SIGCONT)
        // Pending signals come in the kernel's order, so which one ends the process varies:
        // SIGHUP, SIGINT or SIGTERM (129, 130 or 143).
        let after = try expectScreen(tmux, "[exit 1")
        #expect(["[exit 129]", "[exit 130]", "[exit 143]"].contains { after.contains($0) }, "\(after)")
        #expect(try tmux.display("#{alternate_on}") == "0", "the alternate screen was left on:\n\(after)")
        let tty = try tmux.display("#{pane_tty}")
        let modes = try Self.stty(tty)
        #expect(modes.contains(" icanon") && modes.contains(" echo ") && !modes.contains("-icanon"), "raw modes left:\n\(modes)")
    }

    /// `stty -a` of another terminal, as the shell after the labeler would find it.
    static func stty(_ tty: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/stty")
        process.arguments = ["-a", "-F", tty]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return " " + String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: " ") + " "
    }

    @Test func hostileTextIsShownAsVisibleEscapesAndNeverReachesTheTerminal() throws {
        let hostile = "evil \u{1B}[2J\u{1B}]0;pwned\u{07} then \u{202E}desrever and \u{9B}31m c1"
        let file = try dir.write("hostile.jsonl", "{\"id\": \"h1\", \"text\": \"\(hostile.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? String(format: "\\u%04x", $0.value) : String($0) }.joined())\"}\n")
        #expect(try gloss.run(["import", file, "--dataset", "hostile"]).status == 0)
        #expect(try gloss.run(["project", "create", "h", "--dataset", "hostile", "--guide", Samples.guide("sentiment.md")]).status == 0)
        let tmux = try Tmux("cd '\(dir.url.path)' && '\(gloss.executable.path)' label h --as ana", width: 100, height: 30,
                            environment: ["TERM": "xterm-256color"])
        let screen = try expectScreen(tmux, "evil")
        #expect(screen.contains("␛[2J"), "\(screen)")
        #expect(screen.contains("␛]0;pwned"), "\(screen)")
        #expect(screen.contains("\\u{202E}desrever"), "\(screen)")
        #expect(!screen.contains("\u{202E}"))
        let raw = try tmux.screenWithEscapes()
        #expect(!raw.contains("\u{1B}[2J") && !raw.contains("\u{1B}]0;") && !raw.contains("\u{202E}") && !raw.contains("\u{9B}"))
        #expect(screen.contains("h ·") || screen.contains("h  ") || screen.split(separator: "\n").first?.contains("h") == true,
                "the header is still there (the screen was not cleared):\n\(screen)")
        #expect(try tmux.display("#{pane_title}") != "pwned")
        try tmux.send("q")
        _ = try expectScreen(tmux, "[exit 0]")
    }

    @Test func demoCreatesItsStoreLabelsTwentyUndoesAndResumes() throws {
        let db = dir.path("demo.db")
        let start = "cd '\(Samples.path(".."))' && '\(gloss.executable.path)' demo --db '\(db)' --as new"
        let first = try Tmux(start, width: 80, height: 24, environment: ["TERM": "xterm-256color"])
        _ = try expectScreen(first, words(1))
        let keys = ["p", "n", "u", "m"]
        for n in 1...20 {
            try first.send(keys[n % 4])
            _ = try expectScreen(first, "saved #r\(String(format: "%03d", n))", "deciding item \(n)")
        }
        try first.send("BSpace")
        _ = try expectScreen(first, "undone · #r020")
        try first.send("q")
        let done = try expectScreen(first, "[exit 0]")
        #expect(done.contains("Created") && done.contains("19 labels, 1 undo; 19 of 60 items decided"), "\(done)")

        let again = try Tmux(start, width: 80, height: 24, environment: ["TERM": "xterm-256color"])
        let resumed = try expectScreen(again, words(20), "the relaunch resumes at the undone item")
        #expect(resumed.contains("19/60"))
        try again.send("q")
        let second = try expectScreen(again, "[exit 0]")
        #expect(!second.contains("Created"), "the second run reuses the store")
        let rows = try SQLiteShell(db)
            .rows("SELECT guide_version, undone_at, shown_at, decided_at, active_ms FROM annotations ORDER BY id")
        #expect(rows.count == 20)
        #expect(rows.filter { $0["undone_at"].string != nil }.count == 1)
        #expect(rows.allSatisfy {
            $0["guide_version"].int == 1 && $0["active_ms"].int != nil && $0["shown_at"].string != nil
        })
    }

    /// The issue's check: after 30 decisions on the demo the suggestion line shows a label
    /// and a confidence, and Enter stores the suggestion as an accepted decision.
    @Test func demoSuggestsAfterThirtyDecisionsAndEnterAcceptsTheSuggestion() throws {
        let db = dir.path("demo-model.db")
        let start = "cd '\(Samples.path(".."))' && '\(gloss.executable.path)' demo --db '\(db)' --as model"
        let tmux = try Tmux(start, width: 100, height: 30, environment: ["TERM": "xterm-256color"])
        _ = try expectScreen(tmux, words(1))
        let keyOf = ["positive": "p", "negative": "n", "neutral": "u", "mixed": "m"]
        let labels = try String(contentsOfFile: Samples.path("reviews.jsonl"), encoding: .utf8).split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["label"] as? String ?? ""
        }
        for n in 1...30 {
            try tmux.send(try #require(keyOf[labels[n - 1]]))
            _ = try expectScreen(tmux, "saved #r\(String(format: "%03d", n))", "deciding item \(n)")
        }
        let pattern = try Regex(#"suggestion: (positive|negative|neutral|mixed) \d{1,3}%"#)
        let screen = try #require(try tmux.waitUntil { $0.contains(pattern) }, "no suggestion line:\n\((try? tmux.screen()) ?? "")")
        let suggested = try #require(screen.firstMatch(of: pattern)?.output[1].substring).description
        #expect(screen.contains("sequential"), "the header names the order")
        try tmux.send("Enter")
        _ = try expectScreen(tmux, "saved #r031 · \(suggested)")
        try tmux.send("q")
        _ = try expectScreen(tmux, "[exit 0]")
        let row = try #require(try SQLiteShell(db).rows("""
            SELECT a.value, a.suggestion, a.suggestion_accepted FROM annotations a JOIN items i ON i.id = a.item_id
            WHERE i.external_id = 'r031'
            """).first)
        #expect(row["value"].string == #"{"label":"\#(suggested)"}"#)
        #expect(row["suggestion"].string == #"{"label":"\#(suggested)"}"#)
        #expect(row["suggestion_accepted"].bool == true)
        let shown = try SQLiteShell(db).int("SELECT COUNT(*) FROM annotations WHERE suggestion IS NOT NULL")
        #expect(shown >= 2, "decisions made while a suggestion was shown record it")
    }
}
