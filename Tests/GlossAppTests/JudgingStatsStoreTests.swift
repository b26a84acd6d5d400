import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTasks
import GlossTestSupport
import Testing

/// The judging section of `gloss stats` on stores filled through `annotations import` with
/// the reference fixtures (Tests/Fixtures/judging): the totals, the pass over rows and the
/// straightforward computation give the same report, and its figures are the references'.
@Suite("Judging statistics on a store: leaderboard, outcomes, rating α, position bias")
struct JudgingStatsStoreTests {
    static func fixture(_ name: String, file: String = #filePath) throws -> [String: Any] {
        let url = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/judging/\(name)")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The three ways to the report, which must agree to the bit; the totals' one is returned.
    static func report(_ store: GlossDatabase, task: TaskType) throws -> StatsReport {
        let totals = try store.teamStats(project: "p", agreement: AgreementMeasures.measure(for:)).report
        let pass = try store.teamStats(project: "p", method: .passOverRows, agreement: AgreementMeasures.measure(for:)).report
        let input = try store.statsInput(project: "p", agreement: AgreementMeasures.measure(for:))
        #expect(totals == pass)
        #expect(totals == TeamStats.report(input, agreement: AgreementMeasures.measure(for: task)))
        return totals
    }

    static let outcomes = """
        labels:
          - {name: left, key: f, description: Left.}
          - {name: right, key: j, description: Right.}
          - {name: tie, key: t, description: Tie.}
          - {name: neither, key: n, description: Neither.}
        """

    @Test func pairwiseJudgmentsGiveTheReferenceLeaderboardBiasAndAgreement() throws {
        let fixture = try Self.fixture("pairwise-6models.json")
        let models = try #require(fixture["models"] as? [String])
        let judgments = try #require(fixture["judgments"] as? [[String: String]])
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let ids = Set(judgments.map { $0["item"]! }).sorted()
        let items = try ids.map { id in
            try Self.json(["id": id, "prompt": "Prompt \(id)", "responses": models.map { ["model": $0, "text": "\($0) on \(id)"] }])
        }
        _ = try store.importItems(ImportRequest(dataset: "d", sources: [ImportSource(path: dir.write("i.jsonl", items.joined(separator: "\n")))]))
        let guide = try #require(GuideParser.lint("---\nname: P\ntask: pairwise\n\(Self.outcomes)\n---\n# P\n").guide)
        try store.createProject(name: "p", dataset: "d", guide: guide, author: "lead", overlap: 3)
        let lines = try judgments.map { j in
            try Self.json(["item": j["item"]!, "annotator": j["annotator"]!, "outcome": j["outcome"]!,
                           "left": j["left"]!, "right": j["right"]!])
        }
        try store.importAnnotations(project: "p", from: dir.write("a.jsonl", lines.joined(separator: "\n")))

        let judging = try #require(try Self.report(store, task: .pairwise).judging)
        let expected = try #require(fixture["expected"] as? [String: Any])
        let board = try #require(judging.leaderboard)
        for model in try #require(expected["models"] as? [[String: Any]]) {
            let name = try #require(model["model"] as? String)
            let got = try #require(board.models.first { $0.model == name })
            #expect(got.wins == model["wins"] as? Int && got.ties == model["ties"] as? Int && got.losses == model["losses"] as? Int)
            #expect(abs(got.strength - (model["strength"] as! Double)) < 1e-9, "\(name)")
            #expect(abs(got.upper - (model["upper"] as! Double)) < 1e-9, "\(name)")
        }
        let agreement = try #require(expected["agreement"] as? [String: Any])
        #expect(judging.outcomes?.items == agreement["items"] as? Int)
        #expect(abs((judging.outcomes?.alpha ?? 9) - (agreement["alpha"] as! Double)) < 1e-9)
        let bias = try #require(expected["positionBias"] as? [[String: Any]])
        #expect(judging.positionBias.map(\.annotator) == bias.map { $0["annotator"] as! String })
        #expect(judging.positionBias.map(\.leftWins) == bias.map { $0["left"] as! Int })
        #expect(judging.ratings.isEmpty)
    }

    @Test func ratingsGiveTheReferenceAlphaWithMissingData() throws {
        let fixture = try Self.fixture("alpha-5coders-5points-missing.json")
        let units = try #require(fixture["units"] as? [[Int]])
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        let items = units.indices.map { #"{"id": "u\#($0 + 100)", "text": "item \#($0)"}"# }
        _ = try store.importItems(ImportRequest(dataset: "d", sources: [ImportSource(path: dir.write("i.jsonl", items.joined(separator: "\n")))]))
        let guide = try #require(GuideParser.lint("""
            ---
            name: R
            task: rating
            criteria:
              - {name: quality, description: Quality., scale: 5}
              - {name: clarity, description: Clarity., scale: 3}
            ---
            # R
            """).guide)
        try store.createProject(name: "p", dataset: "d", guide: guide, author: "lead", overlap: 5)
        // A rating of quality from each coder of the unit; clarity only from the first coder
        // (so no clarity unit pairs) and never when the unit is empty.
        var lines: [String] = []
        for (n, unit) in units.enumerated() {
            for (coder, point) in unit.enumerated() {
                let ratings = coder == 0 ? #"{"quality": \#(point), "clarity": 2}"# : #"{"quality": \#(point)}"#
                lines.append(#"{"item": "u\#(n + 100)", "annotator": "c\#(coder)", "ratings": \#(ratings)}"#)
            }
        }
        try store.importAnnotations(project: "p", from: dir.write("a.jsonl", lines.joined(separator: "\n")))

        let judging = try #require(try Self.report(store, task: .rating).judging)
        let expected = try #require(fixture["expected"] as? [String: Any])
        #expect(judging.ratings.map(\.criterion) == ["quality", "clarity"])
        let quality = judging.ratings[0]
        #expect(quality.units == units.filter { $0.count >= 2 }.count)
        #expect(abs((quality.ordinal ?? 9) - (expected["ordinal"] as! Double)) < 1e-9)
        #expect(abs((quality.interval ?? 9) - (expected["interval"] as! Double)) < 1e-9)
        #expect(judging.ratings[1].units == 0 && judging.ratings[1].ordinal == nil)
        #expect(judging.leaderboard == nil && judging.outcomes == nil && judging.positionBias.isEmpty)
    }

    @Test func otherKindsHaveNoJudgingSection() throws {
        let fixture = try AppFixture()
        try fixture.decideFromReference(count: 5)
        let report = try fixture.store.teamStats(project: "reviews", agreement: AgreementMeasures.measure(for:)).report
        #expect(report.judging == nil)
    }
}
