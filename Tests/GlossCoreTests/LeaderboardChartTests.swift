import GlossCore
import Testing

@Suite("Leaderboard chart: table and whiskers")
struct LeaderboardChartTests {
    static func model(_ name: String, _ judgments: Int, _ w: Int, _ t: Int, _ l: Int, _ strength: Double, _ se: Double) -> ModelStrength {
        ModelStrength(model: name, judgments: judgments, wins: w, ties: t, losses: l,
                      winRate: w + t + l == 0 ? nil : (Double(w) + Double(t) / 2) / Double(w + t + l),
                      strength: strength, standardError: se, lower: strength - 2 * se, upper: strength + 2 * se)
    }

    static let board = Leaderboard(models: [
        model("gpt-x", 90, 55, 9, 24, 0.7, 0.2),
        model("claude-y", 117, 67, 21, 28, 0.55, 0.15),
        model("mistral-m", 114, 46, 11, 52, -0.05, 0.15),
        model("gemma-g", 116, 23, 19, 71, -1.2, 0.2),
    ], groups: 1, converged: true)

    @Test func golden() {
        let text = LeaderboardChart.lines(Self.board, width: 60).joined(separator: "\n")
        #expect(text == """
        Model leaderboard (Bradley–Terry log-strength, 95% interval)
        MODEL      JUDGMENTS     W-T-L  WIN RATE  STRENGTH     95% INTERVAL
        gpt-x             90   55-9-24     67.6%     0.700    0.300 … 1.100
        claude-y         117  67-21-28     66.8%     0.550    0.250 … 0.850
        mistral-m        114  46-11-52     47.2%    -0.050   -0.350 … 0.250
        gemma-g          116  23-19-71     28.8%    -1.200  -1.600 … -0.800

        gpt-x                                  │     ├──────●──────┤
        claude-y                               │    ├────●─────┤
        mistral-m                        ├─────●────┤
        gemma-g    ├──────●──────┤             │
                   -1.60                       0                1.10
        """)
    }

    /// The whole-positive case (zero at the left end, under b's whisker), a model with no
    /// comparison, a second group, a name with an escape sequence, and a narrow terminal (the
    /// table is clipped by the stats renderer, not here; the chart keeps a 10-column track).
    @Test func goldenNarrowWithGroupsAndEscapes() {
        let board = Leaderboard(models: [
            Self.model("a\u{1B}[2J", 3, 2, 1, 0, 0.9, 0.3),
            Self.model("b", 2, 0, 0, 0, 0.1, 0.05),
        ], groups: 2, converged: true)
        let lines = LeaderboardChart.lines(board, width: 30)
        #expect(lines.joined(separator: "\n") == """
        Model leaderboard (Bradley–Terry log-strength, 95% interval)
        MODEL       JUDGMENTS  W-T-L  WIN RATE  STRENGTH   95% INTERVAL
        a\\u{1B}[2J          3  2-1-0     83.3%     0.900  0.300 … 1.500
        b                   2  0-0-0         -     0.100  0.000 … 0.200
        The models fall in 2 groups never compared with each other: strengths across groups rest on the prior alone.

        a\\u{1B}[2J  │  ├──────●──────┤
        b           ├●┤
                    0.00          1.50
        """)
        #expect(!lines.joined().contains("\u{1B}"))
    }

    @Test func chartFitsTheWidthAndMarksZero() throws {
        for width in [20, 40, 80, 120] {
            let chart = LeaderboardChart.lines(Self.board, width: width).drop { !$0.isEmpty }.dropFirst()
            #expect(chart.count == 5)
            #expect(chart.allSatisfy { DisplayWidth.of($0) <= max(width, 9 + 2 + 10) }, "\(width)")
            let gemma = try #require(chart.first { $0.hasPrefix("gemma-g") })
            #expect(gemma.contains("├") && gemma.contains("●") && gemma.contains("┤") && gemma.contains("│"))
        }
        // A whisker across zero shows it as ┼ unless the point sits on it.
        let board = Leaderboard(models: [Self.model("x", 1, 1, 0, 0, 0.5, 0.5), Self.model("y", 1, 0, 0, 1, -0.5, 0.1)],
                                groups: 1, converged: true)
        #expect(LeaderboardChart.lines(board, width: 40).contains { $0.hasPrefix("x") && $0.contains("┼") })
    }

    /// The fit of the six-model fixture, drawn: the reference values to three decimals.
    @Test func fixtureLeaderboard() throws {
        let fixture = try JudgingFixture.load("pairwise-6models.json", as: JudgingFixture.Pairwise.self)
        var tally = PairwiseTally()
        for judgment in fixture.judgments { tally.add(judgment.pair) }
        let lines = LeaderboardChart.lines(BradleyTerry.fit(tally), width: 80)
        #expect(lines[2] == "gpt-x             90   55-9-24     67.6%     0.702    0.332 … 1.072")
        #expect(lines[7] == "gemma-g          116  23-19-71     28.8%    -0.790  -1.128 … -0.451")
    }

    @Test func empty() {
        #expect(LeaderboardChart.lines(Leaderboard(models: [], groups: 0, converged: true), width: 80)
                == ["Model leaderboard: no pairwise judgments yet."])
    }
}
