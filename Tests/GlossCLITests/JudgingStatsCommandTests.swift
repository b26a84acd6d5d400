import Foundation
import GlossTestSupport
import Testing

/// `gloss stats` on a small judged project (the sample prompts, the preference guide: a
/// judgment, then the quality of each answer), with figures worked out by hand.
@Suite("gloss stats on a pairwise project with ratings")
struct JudgingStatsCommandTests {
    /// p001: both prefer atlas-7b, seen on different sides. p002: ana says tie, bo prefers
    /// borealis-13b on the right. p003: ana alone prefers borealis-13b on the left.
    static let judgments = [
        ("p001", "ana", #"{"winner":"atlas-7b","left":"atlas-7b","right":"borealis-13b"}"#, 5, 1),
        ("p001", "bo", #"{"winner":"atlas-7b","left":"borealis-13b","right":"atlas-7b"}"#, 5, 2),
        ("p002", "ana", #"{"outcome":"tie","left":"atlas-7b","right":"borealis-13b"}"#, 3, 3),
        ("p002", "bo", #"{"winner":"borealis-13b","left":"atlas-7b","right":"borealis-13b"}"#, 2, 4),
        ("p003", "ana", #"{"winner":"borealis-13b","left":"borealis-13b","right":"atlas-7b"}"#, 2, 4),
    ]

    let dir: TemporaryDirectory
    let gloss: GlossCLI

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        let lines = Self.judgments.map { item, who, pairwise, atlas, borealis in
            #"{"item":"\#(item)","annotator":"\#(who)","pairwise":\#(pairwise),"ratings":{"atlas-7b":{"quality":\#(atlas)},"borealis-13b":{"quality":\#(borealis)}}}"#
        }
        for args in [["import", Samples.path("preference.jsonl"), "--dataset", "prefs"],
                     ["project", "create", "prefs", "--dataset", "prefs", "--guide", Samples.guide("preference.md"), "--overlap", "2"],
                     ["annotations", "import", "prefs", try dir.write("j.jsonl", lines.joined(separator: "\n") + "\n")]] {
            let result = try gloss.run(args)
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test func jsonHasTheLeaderboardOutcomeAndRatingAgreementAndPositionBias() throws {
        let result = try gloss.run(["stats", "prefs", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let judging = try #require(report["judging"] as? [String: Any])

        // Each model: 5 judgments, 2 wins, 1 tie, 2 losses; a win rate of 50% and equal strengths.
        let models = try #require((judging["leaderboard"] as? [String: Any])?["models"] as? [[String: Any]])
        #expect(Set(models.map { $0["model"] as? String }) == ["atlas-7b", "borealis-13b"])
        for model in models {
            #expect(model["judgments"] as? Int == 5 && model["wins"] as? Int == 2 && model["ties"] as? Int == 1
                    && model["losses"] as? Int == 2)
            #expect(model["win_rate"] as? Double == 0.5)
            #expect(abs(model["strength"] as? Double ?? 9) < 1e-12)
            #expect((model["lower"] as? Double ?? 0) < 0 && (model["upper"] as? Double ?? 0) > 0)
        }

        // p001 agrees (atlas-7b twice), p002 does not (tie, borealis-13b): 50%; nominal α over
        // the values {A, A}, {T, B}: 1 − (n − 1) D_o / D_e = 1 − 3 · 2 / (16 − 6) = 0.4.
        let outcomes = try #require(judging["outcomes"] as? [String: Any])
        #expect(outcomes["items"] as? Int == 2)
        #expect(outcomes["percent"] as? Double == 0.5)
        #expect(abs((outcomes["alpha"] as? Double ?? 9) - 0.4) < 1e-12)

        // Quality units (item × model rated twice): p001 atlas {5,5}, p001 borealis {1,2},
        // p002 atlas {3,2}, p002 borealis {3,4}; coincidence-matrix α by hand: ordinal
        // 529/648, interval 14/17.
        let ratings = try #require(judging["ratings"] as? [[String: Any]])
        #expect(ratings.count == 1)
        #expect(ratings.first?["criterion"] as? String == "quality" && ratings.first?["units"] as? Int == 4)
        #expect(abs((ratings.first?["ordinal"] as? Double ?? 9) - 529.0 / 648.0) < 1e-12)
        #expect(abs((ratings.first?["interval"] as? Double ?? 9) - 14.0 / 17.0) < 1e-12)

        // ana's two decisive judgments went left, bo's two right: p = 0.5 each (n = 2).
        let bias = try #require(judging["position_bias"] as? [[String: Any]])
        #expect(bias.map { $0["annotator"] as? String } == ["ana", "bo"])
        #expect(bias.map { $0["left_wins"] as? Int } == [2, 0])
        #expect(bias.map { $0["decisive"] as? Int } == [2, 2])
        #expect(bias.map { $0["left_share"] as? Double } == [1.0, 0.0])
        #expect(bias.map { $0["p_value"] as? Double } == [0.5, 0.5])
    }

    @Test func textHasTheLeaderboardTableAndChart() throws {
        let result = try gloss.run(["stats", "prefs"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("Model leaderboard (Bradley–Terry log-strength, 95% interval)"))
        #expect(out.contains("Agreement on outcomes") && out.contains("over 2 items judged twice or more"))
        #expect(out.contains("Rating agreement (Krippendorff's α)"))
        #expect(out.contains("Position bias"))
        let lines = out.components(separatedBy: "\n")
        let chart = lines.filter { $0.hasPrefix("atlas-7b") && $0.contains("●") }
        #expect(chart.count == 1, "one chart line per model")
        #expect(lines.contains { $0.hasPrefix("quality") && $0.contains("0.816") && $0.contains("0.824") })
    }
}
