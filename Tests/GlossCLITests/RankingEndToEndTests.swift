import Foundation
import GlossTestSupport
import Testing

/// Ranking in a real terminal (tmux): the sample ranking items under guides/ranking.md,
/// three items ranked with ties, Backspace and Enter, then `gloss export --format dpo` and
/// `gloss stats --json`; every saved ranking checked against the order it was shown in.
@Suite("gloss label ranking model answers in a terminal", .serialized)
struct RankingEndToEndTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI
    /// Each item's responses, by model.
    let responses: [String: [String: String]]

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        let imported = try gloss.run(["import", Samples.path("ranking.jsonl"), "--dataset", "ranks"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let created = try gloss.run(["project", "create", "ranks", "--dataset", "ranks", "--guide", Samples.guide("ranking.md"),
                                     "--overlap", "2"])
        #expect(created.status == 0, "\(created.stderr)")
        var responses: [String: [String: String]] = [:]
        for line in try String(contentsOfFile: Samples.path("ranking.jsonl"), encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for response in object["responses"] as? [[String: Any]] ?? [] {
                responses[object["id"] as? String ?? "", default: [:]][response["model"] as? String ?? ""] = response["text"] as? String
            }
        }
        self.responses = responses
    }

    func expectScreen(_ tmux: Tmux, _ text: String, _ comment: String = "", timeout: Double = 10) throws -> String {
        try #require(try tmux.waitFor(text, timeout: timeout), "waiting for \(text) \(comment):\n\((try? tmux.screen()) ?? "")")
    }

    /// Sends each key once the screen shows what the one before did (`after`: its status).
    func keys(_ tmux: Tmux, _ steps: [(key: String, after: String)]) throws {
        Thread.sleep(forTimeInterval: 0.3)  // the item's minimum look before a digit counts
        for step in steps {
            try tmux.send(step.key)
            _ = try expectScreen(tmux, step.after, "after \(step.key)")
        }
    }

    @Test func threeItemsRankedWithTiesThenExportedAsDPOPairs() throws {
        let tmux = try Tmux("cd '\(dir.url.path)' && '\(gloss.executable.path)' label ranks --as ana", width: 120, height: 40,
                            environment: ["TERM": "xterm-256color"])
        _ = try expectScreen(tmux, "rank best first: press 1-4")
        try tmux.send("Escape")  // the guide's instructions
        // k001 (4 responses): 1 = 2 > 3 > 4, the last implied.
        try keys(tmux, [("1", "ranked 1 · 3 left"), ("=", "the next number ties with 1"), ("2", "ranked 1 = 2 · 2 left"),
                        ("3", "saved #k001 · 4 responses ranked")])
        // k002 (3): 3 > 1 = 2 with Enter.
        try keys(tmux, [("3", "ranked 3 · 2 left"), ("Enter", "saved #k002")])
        // k003 (3): 2, taken back, then 1 > 3 > 2.
        try keys(tmux, [("2", "ranked 2 · 2 left"), ("BSpace", "nothing ranked yet"), ("1", "ranked 1 · 2 left"),
                        ("3", "saved #k003")])
        try tmux.send("q")
        let done = try expectScreen(tmux, "[exit 0]")
        #expect(done.contains("3 labels"), "\(done)")

        let rows = try SQLiteShell(dir.path("gloss.db")).rows("""
            SELECT i.external_id AS item, a.value FROM annotations a JOIN items i ON i.id = a.item_id ORDER BY a.id
            """)
        #expect(rows.map { $0["item"].string } == ["k001", "k002", "k003"])
        var expectedPairs: [String] = []
        for (row, places) in zip(rows, [[[0, 1], [2], [3]], [[2], [0, 1]], [[0], [2], [1]]]) {
            let value = try #require(try JSONSerialization.jsonObject(with: Data((row["value"].string ?? "").utf8)) as? [String: Any])
            let item = try #require(row["item"].string)
            let shown = try #require(value["shown"] as? [String])
            #expect(Set(shown) == Set(responses[item]?.keys.map { $0 } ?? []), "\(item)")
            let groups = places.map { $0.map { shown[$0] }.sorted() }
            #expect(value["ranking"] as? [[String]] == groups, "\(item): \(value)")
            for (index, better) in groups.enumerated() {
                for model in better { for worse in groups[(index + 1)...].flatMap({ $0 }) {
                    expectedPairs.append("\(item): \(responses[item]![model]!) > \(responses[item]![worse]!)")
                } }
            }
        }

        let exported = try gloss.run(["export", "ranks", "--format", "dpo", "--out", dir.path("dpo"), "--split", "none"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let lines = try String(contentsOfFile: dir.path("dpo/train.jsonl"), encoding: .utf8).split(separator: "\n")
        let pairs = try lines.map { line -> String in
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return "\(row["id"] as? String ?? ""): \(row["chosen"] as? String ?? "") > \(row["rejected"] as? String ?? "")"
        }
        // k001: 2 × 2 + 1 pairs; k002: 2; k003: 3.
        #expect(pairs.count == 10)
        #expect(Set(pairs) == Set(expectedPairs), "\(pairs)")
        let again = try gloss.run(["export", "ranks", "--format", "dpo", "--out", dir.path("dpo2"), "--split", "none"])
        #expect(again.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("dpo2/train.jsonl")))
                    == Data(contentsOf: URL(fileURLWithPath: dir.path("dpo/train.jsonl"))))

        let stats = try gloss.run(["stats", "ranks", "--json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains(#""kendall_w""#) && stats.stdout.contains(#""mean_pairwise_tau""#), "\(stats.stdout)")
    }
}
