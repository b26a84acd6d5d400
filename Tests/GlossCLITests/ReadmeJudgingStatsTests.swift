import Foundation
import GlossTestSupport
import Testing

/// README's judging statistics, replayed: its commands, read from the README, run in a
/// directory holding the repository's samples/ and guides/, and the lines it shows compared
/// with those `gloss stats` prints (the leaderboard to the position bias).
@Suite("README's judging statistics")
struct ReadmeJudgingStatsTests {
    @Test func theJudgingSectionIsTheOneTheReadmeShows() throws {
        let repository = URL(fileURLWithPath: Samples.path("")).deletingLastPathComponent()
        let text = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        let from = try #require(text.range(of: "was made to favour the left side):"))
        let block = text[from.upperBound...].components(separatedBy: "```")[1]
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let commands = lines.filter { $0.hasPrefix("$ gloss ") }
        #expect(commands.count == 4 && commands.last?.hasSuffix("| sed -n '/^Model leaderboard/,/^park /p'") == true)
        let shown = Array(lines.drop { !$0.hasPrefix("$ gloss stats") }.dropFirst().dropLast())

        let dir = try TemporaryDirectory()
        for folder in ["samples", "guides"] {
            try FileManager.default.createSymbolicLink(at: dir.url.appendingPathComponent(folder),
                                                       withDestinationURL: repository.appendingPathComponent(folder))
        }
        let gloss = try GlossCLI(directory: dir.url)
        var last: GlossCLI.Result?
        for command in commands {
            let words = command.components(separatedBy: " | ")[0].split(separator: " ").dropFirst(2).map(String.init)
            let result = try gloss.run(words)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            last = result
        }
        let printed = (last?.stdout ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(printed.firstIndex { $0.hasPrefix("Model leaderboard") })
        let end = try #require(printed[start...].firstIndex { $0.hasPrefix("park ") })
        #expect(Array(printed[start...end]) == shown)
    }
}
