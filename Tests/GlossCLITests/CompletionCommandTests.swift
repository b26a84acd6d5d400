import Foundation
import GlossTestSupport
import Testing

/// Tab completion as bash runs it: the script `gloss --generate-completion-script bash`
/// prints, sourced into bash, completing a command line whose store has two projects.
@Suite("gloss shell completion")
struct CompletionCommandTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        try gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews", "--label-field", "label"])
        for project in ["reviews", "pilot"] {
            let created = try gloss.run(["project", "create", project, "--dataset", "reviews", "--guide", Samples.guide("sentiment.md")])
            #expect(created.status == 0, "\(created.stderr)")
        }
        let script = try gloss.run(["--generate-completion-script", "bash"])
        try dir.write("gloss.bash", script.stdout)
        // The script calls back into the command by its first word, found on the PATH.
        try FileManager.default.createDirectory(atPath: dir.path("bin"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.path("bin/gloss"), withDestinationPath: gloss.executable.path)
    }

    /// What bash offers after the words typed so far (the last one is being completed).
    func complete(_ words: [String], environment: [String: String] = [:]) throws -> [String] {
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let line = words.joined(separator: " ")
        let program = """
            source gloss.bash
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
            COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _gloss
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", program]
        process.currentDirectoryURL = dir.url
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = dir.path("bin") + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["GLOSS_DB"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
    }

    @Test func labelTabListsTheStoresProjects() throws {
        #expect(try complete(["gloss", "label", ""]) == ["pilot", "reviews"])
        #expect(try complete(["gloss", "label", "p"]) == ["pilot"])
    }

    @Test func theStoreIsTheOneTheLineOrTheEnvironmentNames() throws {
        try FileManager.default.moveItem(atPath: dir.path("gloss.db"), toPath: dir.path("team.db"))
        #expect(try complete(["gloss", "stats", ""]).isEmpty, "no ./gloss.db, no names")
        #expect(try complete(["gloss", "stats", "--db", "team.db", ""]) == ["pilot", "reviews"])
        #expect(try complete(["gloss", "dataset", "log", ""], environment: ["GLOSS_DB": dir.path("team.db")]) == ["reviews"])
        #expect(!FileManager.default.fileExists(atPath: dir.path("gloss.db")), "completing never creates a store")
    }

    @Test func guideVersionsComeFromTheProjectOnTheLine() throws {
        let text = try String(contentsOfFile: Samples.guide("sentiment.md"), encoding: .utf8) + "\nOne more note.\n"
        let file = try dir.write("v2.md", text)
        let published = try gloss.run(["guide", "publish", "pilot", file, "-m", "a note"])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(try complete(["gloss", "guide", "diff", "pilot", ""]) == ["1", "2"])
        #expect(try complete(["gloss", "guide", "diff", "pilot", "1", "2"]) == ["2"])
        #expect(try complete(["gloss", "guide", "diff", "reviews", ""]) == ["1"])
    }
}
