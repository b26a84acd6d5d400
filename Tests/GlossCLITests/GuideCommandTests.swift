import Foundation
import GlossTestSupport
import Testing

@Suite("gloss guide and project commands")
struct GuideCommandTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        try gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews", "--label-field", "label"])
    }

    /// An executable script for EDITOR: `body` runs with the file as $1.
    func editor(_ name: String, _ body: String) throws -> String {
        let path = try dir.write(name, "#!/bin/sh\nset -e\n\(body)\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func createProject() throws {
        let created = try gloss.run(["project", "create", "sent", "--dataset", "reviews", "--guide", Samples.guide("sentiment.md"), "--author", "lead"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created project \"sent\" on dataset \"reviews\" (60 items, task classify"))
    }

    @Test func lintAcceptsTheSampleGuidesAndNamesEachBrokenOnesFault() throws {
        let guides = try FileManager.default.contentsOfDirectory(atPath: Samples.guide("")).filter { $0.hasSuffix(".md") }.map { Samples.guide($0) }
        #expect(guides.count >= 4)
        let clean = try gloss.run(["guide", "lint"] + guides)
        #expect(clean.status == 0 && clean.stdout.isEmpty, "\(clean.stdout)")
        let broken: [(String, String)] = [
            ("yaml-syntax.md", ":7:22: error: YAML syntax"), ("missing-task.md", ":10:1: error:"), ("unknown-task.md", ":3:7: error:"),
            ("no-labels.md", ":4:9: error:"), ("duplicate-name.md", ":11:11: error:"), ("duplicate-key.md", ":12:10: error:"),
            ("reserved-key.md", ":12:10: error:"), ("punctuation-key.md", ":12:10: error:"), ("multichar-key.md", ":12:10: error:"),
            ("unknown-example-label.md", ":13:12: error:"), ("unknown-reference.md", ":15:32: error:"),
            ("no-front-matter.md", ":1:1: error:"), ("unclosed-front-matter.md", ":1:1: error:"),
        ]
        for (file, location) in broken {
            let path = Samples.fixture("broken-guides/\(file)")
            let result = try gloss.run(["guide", "lint", path])
            #expect(result.status == 1, "\(file)")
            #expect(result.stdout.hasPrefix(path + location), "\(file): \(result.stdout)")
        }
        let warnings = try gloss.run(["guide", "lint", Samples.fixture("warnings-only.md")])
        #expect(warnings.status == 0)
        #expect(warnings.stdout.contains(": warning: 37 labels but only 35 single keys"))
    }

    @Test func aScriptedEditorPublishesVersionTwoAndDiffShowsIt() throws {
        try createProject()
        let script = try editor("edit.sh", "sed -i 's/clearly outweighed by praise\\./clearly outweighed by praise, even when the writer lists reservations./' \"$1\"")
        let edit = try gloss.run(["guide", "edit", "sent", "-m", "Clarify positive", "--author", "ana"], environment: ["EDITOR": script, "VISUAL": ""])
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(edit.stdout.contains("Published version 2 of the guide of \"sent\"."))
        #expect(edit.stdout.contains("description of positive changed"))
        let log = try gloss.run(["guide", "log", "sent"])
        let rows = log.stdout.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows[1].contains("lead") && rows[1].contains("Initial version"))
        #expect(rows[2].contains("ana") && rows[2].contains("Clarify positive"))
        let diff = try gloss.run(["guide", "diff", "sent"])
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("Label changes from version 1 to 2:"))
        #expect(diff.stdout.contains("description of positive changed"))
        #expect(diff.stdout.contains("--- sent v1\n+++ sent v2\n@@ "))
        #expect(diff.stdout.contains("\n-      complaints may appear, but they are clearly outweighed by praise.\n"))
        #expect(diff.stdout.contains("\n+      complaints may appear, but they are clearly outweighed by praise, even when the writer lists reservations.\n"))
        let show = try gloss.run(["guide", "show", "sent", "--version", "1", "--raw"])
        #expect(show.stdout == (try String(contentsOfFile: Samples.guide("sentiment.md"), encoding: .utf8)))
    }

    @Test func aBrokenOrUnchangedEditPublishesNothing() throws {
        try createProject()
        let breaker = try editor("break.sh", "sed -i 's/^task: classify$/task: vibes/' \"$1\"")
        let broken = try gloss.run(["guide", "edit", "sent"], environment: ["EDITOR": breaker, "VISUAL": ""])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("error: unknown task \"vibes\""))
        #expect(broken.stderr.contains("Discarded; nothing was published."))
        let untouched = try gloss.run(["guide", "edit", "sent"], environment: ["EDITOR": "true", "VISUAL": ""])
        #expect(untouched.status == 0)
        #expect(untouched.stdout.contains("No changes; nothing was published."))
        let failing = try gloss.run(["guide", "edit", "sent"], environment: ["EDITOR": "false", "VISUAL": ""])
        #expect(failing.status != 0)
        #expect(try gloss.run(["guide", "log", "sent", "--json"]).stdout.components(separatedBy: "\"version\"").count == 2)
    }

    @Test func anEditorThatFailsAfterEditingLeavesTheEditInPlace() throws {
        try createProject()
        let crashing = try editor("crash.sh", "echo 'A note the lead wrote.' >> \"$1\"; exit 3")
        let result = try gloss.run(["guide", "edit", "sent"], environment: ["EDITOR": crashing, "VISUAL": ""])
        #expect(result.status == 1)
        let line = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("Your edited guide is kept at ") })
        let path = String(line.dropFirst("Your edited guide is kept at ".count).dropLast())
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("A note the lead wrote.\n"))
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    @Test func publishingTheSameFileAgainSaysSo() throws {
        try createProject()
        let again = try gloss.run(["guide", "publish", "sent", Samples.guide("sentiment.md"), "-m", "same"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("identical to version 1"))
        let broken = try gloss.run(["guide", "publish", "sent", Samples.fixture("broken-guides/unknown-task.md"), "-m", "x"])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("unknown-task.md:3:7: error:"))
    }

    @Test func anEmptyProjectNameSaysProject() throws {
        let result = try gloss.run(["project", "create", " ", "--dataset", "reviews", "--guide", Samples.guide("sentiment.md")])
        #expect(result.status == 64)
        #expect(result.stderr.contains("The project name is empty"))
    }

    @Test func projectsAndProjectShow() throws {
        try createProject()
        let list = try gloss.run(["projects"])
        #expect(list.stdout.contains("NAME") && list.stdout.contains("sent") && list.stdout.contains("classify"))
        let json = try gloss.run(["projects", "--json"])
        let projects = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(projects?.first?["guide_version"] as? Int == 1)
        #expect(projects?.first?["items"] as? Int == 60)
        let show = try gloss.run(["project", "show", "sent"])
        #expect(show.stdout.contains("Project sent"))
        #expect(show.stdout.contains("dataset      reviews\ntask         classify"), "\(show.stdout)")
        #expect(show.stdout.contains("p    positive"))
        let missing = try gloss.run(["project", "show", "nope"])
        #expect(missing.status == 1 && missing.stderr.contains("there is no project \"nope\"; the projects are: sent."))
    }
}

@Suite("gloss guide edit at a terminal")
struct GuideEditTerminalTests {
    @Test func lintErrorsOfferAnotherEditThenAskForTheMessage() throws {
        let dir = try TemporaryDirectory()
        let gloss = try GlossCLI(directory: dir.url)
        try gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews"])
        try gloss.run(["project", "create", "sent", "--dataset", "reviews", "--guide", Samples.guide("sentiment.md")])
        // First run: break the task. Second run: restore it and change a description.
        let script = try dir.write("editor.sh", """
            #!/bin/sh
            if [ ! -e "\(dir.path("second"))" ]; then
              touch "\(dir.path("second"))"
              sed -i 's/^task: classify$/task: vibes/' "$1"
            else
              sed -i 's/^task: vibes$/task: classify/; s/clearly outweighed by praise\\./clearly outweighed by praise (edited)./' "$1"
            fi
            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let tmux = try Tmux("cd '\(dir.url.path)' && '\(gloss.executable.path)' guide edit sent", width: 200, environment: ["EDITOR": script, "VISUAL": "", "USER": "ana"])
        let prompt = try #require(try tmux.waitFor("What now? (e)dit again, (d)iscard:"), "\((try? tmux.screen()) ?? "")")
        #expect(prompt.contains("error: unknown task \"vibes\""))
        try tmux.send("e", "Enter")
        _ = try #require(try tmux.waitFor("Message for version 2:"), "\((try? tmux.screen()) ?? "")")
        try tmux.send("Soften the positive rule", "Enter")
        let done = try #require(try tmux.waitFor("[exit 0]"), "\((try? tmux.screen()) ?? "")")
        #expect(done.contains("Published version 2 of the guide of \"sent\"."))
        let log = try gloss.run(["guide", "log", "sent"])
        #expect(log.stdout.contains("Soften the positive rule") && log.stdout.contains("ana"))
    }
}
