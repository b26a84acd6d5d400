import Foundation
import GlossTestSupport
import Testing

/// Correcting model answers in a real terminal (tmux): the sample preference items under the
/// correction guide; one answer corrected with the line editor's keys (word moves, deletes,
/// undo, Korean typed as UTF-8), one in `$EDITOR` (a script standing for the annotator's
/// editor) and a new line added after it; quit, relaunch, and both found in the store.
@Suite("gloss label correcting model answers in a terminal", .serialized)
struct TextEndToEndTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        let imported = try gloss.run(["import", Samples.path("preference.jsonl"), "--dataset", "prefs"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let created = try gloss.run(["project", "create", "fix", "--dataset", "prefs", "--guide", Samples.guide("correction.md")])
        #expect(created.status == 0, "\(created.stderr)")
    }

    func labeler() throws -> Tmux {
        let editor = try dir.write("editor.sh", "#!/bin/sh\nprintf '%s\\n' '과적합: 훈련 데이터에만 맞춘 모델.' > \"$1\"\n")
        chmod(editor, 0o755)
        return try Tmux("cd '\(dir.url.path)' && '\(gloss.executable.path)' label fix --as ana", width: 100, height: 30,
                        environment: ["TERM": "xterm-256color", "EDITOR": editor, "VISUAL": ""])
    }

    func expectScreen(_ tmux: Tmux, _ text: String, _ comment: String = "", timeout: Double = 10) throws -> String {
        try #require(try tmux.waitFor(text, timeout: timeout), "waiting for \(text) \(comment):\n\((try? tmux.screen()) ?? "")")
    }

    @Test func aCorrectionTypedInKoreanAndOneFromTheEditorAreStoredAndResumed() throws {
        let tmux = try labeler()
        _ = try expectScreen(tmux, "What is the boiling point")
        _ = try expectScreen(tmux, "Water always boils at 100")
        // "Water always …": to the start, two words on, delete "always", type "rarely".
        try tmux.send("C-a", "M-f", "M-f", "C-w")
        try tmux.type("rarely")
        // At the end: delete "altitude." and type Korean in its place.
        try tmux.send("C-e", "C-w")
        try tmux.type("고도. 정상에서는 약 70 °C")
        // A word typed and undone, the space before it deleted.
        try tmux.type(" XYZ")
        _ = try expectScreen(tmux, "70 °C XYZ")
        try tmux.send("C-z", "BSpace")
        // Two words back by Ctrl-←, then a character typed before "70".
        try tmux.send("C-Left", "C-Left")
        try tmux.type("~")
        _ = try expectScreen(tmux, "정상에서는 약 ~70 °C")
        try tmux.send("Enter")
        _ = try expectScreen(tmux, "saved #p001")
        // The next item in $EDITOR (F2), then a second line typed after its text.
        _ = try expectScreen(tmux, "Overfitting happens when a model is too big.")
        try tmux.send("F2")
        _ = try expectScreen(tmux, "과적합: 훈련 데이터에만 맞춘 모델.")
        try tmux.send("C-e", "M-Enter")
        try tmux.type("끝")
        try tmux.send("Enter")
        _ = try expectScreen(tmux, "saved #p002")
        // Esc and q one after the other (sent together they would read as Alt-q).
        try tmux.send("Escape")
        _ = try expectScreen(tmux, "left the text (kept)")
        try tmux.send("q")
        let done = try expectScreen(tmux, "[exit 0]")
        #expect(done.contains("2 labels"), "\(done)")

        let again = try labeler()
        _ = try expectScreen(again, "resumed: 2 of 42 decided")
        try again.send("Escape")  // the guide's instructions
        try again.send("Escape")
        _ = try expectScreen(again, "left the text (kept)")
        try again.send("q")
        _ = try expectScreen(again, "[exit 0]")

        let rows = try SQLiteShell(dir.path("gloss.db")).rows("""
            SELECT i.external_id AS item, a.value FROM annotations a JOIN items i ON i.id = a.item_id
            WHERE a.undone_at IS NULL ORDER BY a.id
            """)
        #expect(rows.map { $0["item"].string } == ["p001", "p002"])
        let values = try rows.map { row in
            try #require(try JSONSerialization.jsonObject(with: Data((row["value"].string ?? "").utf8)) as? [String: Any])
        }
        #expect(values[0]["text"] as? String == "Water rarely boils at 100 °C, no matter the 고도. 정상에서는 약 ~70 °C")
        #expect(values[0]["corrects"] as? String == "borealis-13b")
        #expect((values[0]["diff"] as? [[String: Any]])?.isEmpty == false)
        #expect(values[1]["text"] as? String == "과적합: 훈련 데이터에만 맞춘 모델.\n끝")
        #expect(values[1]["corrects"] as? String == "borealis-13b")
    }
}
