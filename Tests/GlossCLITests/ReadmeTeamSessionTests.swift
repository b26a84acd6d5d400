import Foundation
import GlossTestSupport
import Testing

/// README's Teams session, replayed word for word: its commands, read from the README, run
/// in a directory holding the repository's samples/ and guides/, and the report the last one
/// prints compared with the one the README shows (issue 17: it could not be replayed).
@Suite("README's Teams session")
struct ReadmeTeamSessionTests {
    /// The README's shell block after `samples/team-decisions.jsonl` is named, and the output
    /// block after it.
    static func session() throws -> (commands: [[String]], report: String) {
        let readme = URL(fileURLWithPath: Samples.path("")).deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let from = try #require(text.range(of: "`samples/team-decisions.jsonl` holds"))
        let blocks = text[from.upperBound...].components(separatedBy: "```")
        // blocks[1] is "sh\n<commands>", blocks[3] "\n<report>".
        let commands = blocks[1].split(separator: "\n").dropFirst().map { line in
            line.split(separator: " ").map(String.init).dropFirst().map { $0 }
        }
        return (Array(commands), String(blocks[3].dropFirst()))
    }

    @Test func theStatsReportIsTheOneTheReadmeShows() throws {
        let dir = try TemporaryDirectory()
        let repository = URL(fileURLWithPath: Samples.path("")).deletingLastPathComponent()
        for folder in ["samples", "guides"] {
            try FileManager.default.createSymbolicLink(at: dir.url.appendingPathComponent(folder),
                                                       withDestinationURL: repository.appendingPathComponent(folder))
        }
        let gloss = try GlossCLI(directory: dir.url)
        let (commands, report) = try Self.session()
        #expect(commands.count == 5 && commands.last == ["stats", "team"])
        var last: GlossCLI.Result?
        for command in commands {
            let result = try gloss.run(command)
            #expect(result.status == 0, "gloss \(command.joined(separator: " ")): \(result.stderr)")
            last = result
        }
        #expect(last?.stdout == report)
    }
}
