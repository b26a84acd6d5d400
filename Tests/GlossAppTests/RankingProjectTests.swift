import Foundation
import GlossCore
import GlossFormats
import GlossStore
import GlossTasks
import GlossTerminal
import GlossTestSupport
import GlossTUI
import Testing
@testable import GlossApp

/// The reference rankings of Tests/Fixtures/judging: 40 items of 2 to 5 responses, 1 to 4
/// of 5 judges each, and the W and τ the reference package gives.
private struct RankingReference: Decodable {
    var items: [Item]
    var expected: Expected
    struct Item: Decodable {
        var responses: [String]
        var rankings: [String: [[String]]]
    }
    struct Expected: Decodable {
        var itemsWithW: Int
        var meanW: Double
        var meanPairwiseTau: Double
    }

    static func load() throws -> RankingReference {
        let data = try Data(contentsOf: URL(fileURLWithPath: Samples.fixture("judging/rankings-40items.json")))
        return try JSONDecoder().decode(RankingReference.self, from: data)
    }

    /// The items as a ranking project: items `r0`… whose responses are the fixture's models,
    /// and with `importRankings` the judges' rankings imported as annotations.
    func project(importRankings: Bool) throws -> JudgedProjectFixture {
        let lines = items.enumerated().map { n, item in
            let responses = item.responses.map { #"{"model":"\#($0)","text":"answer of \#($0) to \#(n)"}"# }
            return #"{"id":"r\#(n)","prompt":"question \#(n)","responses":[\#(responses.joined(separator: ","))]}"#
        }
        let fixture = try JudgedProjectFixture(guide: Samples.guide("ranking.md"), project: "ranks", dataset: "ranks",
                                               overlap: 5) { dir in try dir.write("items.jsonl", lines.joined(separator: "\n")) }
        guard importRankings else { return fixture }
        var rankings: [String] = []
        for (n, item) in items.enumerated() {
            for judge in item.rankings.keys.sorted() {
                let groups = item.rankings[judge]!.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
                rankings.append(#"{"item":"r\#(n)","annotator":"\#(judge)","ranking":[\#(groups.joined(separator: ","))]}"#)
            }
        }
        try fixture.annotate(rankings, name: "rankings.jsonl")
        return fixture
    }
}

/// A ranking project over the reference's items, no ranking imported.
private func rankingProject() throws -> JudgedProjectFixture {
    try RankingReference.load().project(importRankings: false)
}

@Suite("Ranking projects: statistics against the reference, annotations in and out, exports, review")
struct RankingProjectTests {
    @Test func statsGiveTheReferenceWAndTauFromTheTotalsAndFromTheRows() throws {
        let reference = try RankingReference.load()
        let fixture = try reference.project(importRankings: true)
        for method in [StatsMethod.totalsWhenKept, .passOverRows] {
            let report = try fixture.store.teamStats(project: "ranks", method: method, agreement: AgreementMeasures.measure(for:)).report
            let figures = try #require(report.agreement.figures, "\(method)")
            #expect(figures.map { $0.name } == ["kendall_w", "mean_pairwise_tau"])
            #expect(abs((figures[0].value ?? 0) - reference.expected.meanW) < 1e-9, "\(method): \(figures)")
            #expect(abs((figures[1].value ?? 0) - reference.expected.meanPairwiseTau) < 1e-9, "\(method): \(figures)")
            let ana = try #require(report.annotators.first { $0.name == "ana" })
            #expect(ana.pairs.allSatisfy { $0.figures?.first?.name == "tau_b" })
        }
    }

    @Test func annotationsRoundTripAndBadRankingsNameTheLineAndField() throws {
        let fixture = try rankingProject()
        try fixture.annotate([
            #"{"item":"r0","annotator":"ana","ranking":[["m1"],["m0"]],"shown":["m0","m1"]}"#,
            #"{"item":"r2","annotator":"ana","ranking":[["m2","m0"],["m1"]]}"#,
        ])
        let out = fixture.dir.path("out.jsonl")
        try fixture.store.exportAnnotations(project: "ranks", to: out)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""ranking":[["m1"],["m0"]],"shown":["m0","m1"]"#), "\(lines[0])")
        #expect(lines[1].contains(#""ranking":[["m0","m2"],["m1"]]"#) && !lines[1].contains("shown"), "\(lines[1])")
        try fixture.createCopy()
        try fixture.store.importAnnotations(project: "copy", from: out)
        #expect(try fixture.storedValues(of: "copy") == fixture.storedValues(of: "ranks"))
        // r2's responses are m0, m1, m2.
        for (line, message) in [
            (#"{"item":"r2","annotator":"bo","ranking":[["m0"],["m1"],["m9"]]}"#,
             #"bad.jsonl:2: "ranking" names "m9", which is not a response of the item (its models: m0, m1, m2)"#),
            (#"{"item":"r2","annotator":"bo","ranking":[["m0"],["m1"]]}"#, #"bad.jsonl:2: "ranking" leaves out "m2""#),
            (#"{"item":"r2","annotator":"bo","ranking":[["m0"],["m1","m0"],["m2"]]}"#, #"bad.jsonl:2: "ranking" names "m0" twice"#),
            (#"{"item":"r2","annotator":"bo","ranking":[["m0"],["m1"],["m2"]],"shown":["m0","m1"]}"#, #"bad.jsonl:2: "shown" must list"#),
            (#"{"item":"r2","annotator":"bo","label":"m0"}"#, #"bad.jsonl:2: project "ranks" is a ranking task; give "ranking""#),
        ] {
            let good = #"{"item":"r7","annotator":"bo","ranking":[["m0"],["m1"]]}"#
            let error = try #require(throws: (any Error).self) { try fixture.annotate([good, line], name: "bad.jsonl") }
            #expect("\(error)".contains(message), "\(error)")
        }
        #expect(try fixture.storedValues(of: "ranks").count == 2)  // a bad file changes nothing
    }

    @Test func aDatasetWithMoreThanNineResponsesIsRefusedNamingTheItem() throws {
        let fixture = try rankingProject()
        let ten = (0..<10).map { #"{"model":"m\#($0)","text":"t"}"# }.joined(separator: ",")
        let file = try fixture.dir.write("ten.jsonl", """
            {"id":"ok","prompt":"Q","responses":[{"model":"m1","text":"a"},{"model":"m2","text":"b"}]}
            {"id":"ten","prompt":"Q2","responses":[\(ten)]}
            """)
        try fixture.store.importItems(ImportRequest(dataset: "ten", sources: [ImportSource(path: file)]))
        let error = try #require(throws: ProjectError.self) {
            try fixture.store.createProject(name: "ten", dataset: "ten", guide: fixture.guide, author: "lead")
        }
        #expect(error == .tooManyResponses(dataset: "ten", item: "ten", count: 1, most: 9))
        #expect(error.description.contains("a ranking project orders at most 9 responses per item"))
    }

    @Test func dpoExportsEveryOrderedPairOfTheMeanRankAndReexportsTheSameBytes() throws {
        let fixture = try rankingProject()
        // r2 (m0, m1, m2): ana m2 > m0 > m1, bo m0 > m2 > m1: mean ranks m0 1.5, m2 1.5, m1 3.
        try fixture.annotate([
            #"{"item":"r2","annotator":"ana","ranking":[["m2"],["m0"],["m1"]]}"#,
            #"{"item":"r2","annotator":"bo","ranking":[["m0"],["m2"],["m1"]]}"#,
        ])
        _ = try fixture.export(.dpo, to: "one")
        _ = try fixture.export(.dpo, to: "two")
        let one = try Data(contentsOf: URL(fileURLWithPath: fixture.dir.path("one/train.jsonl")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.dir.path("two/train.jsonl"))) == one)
        #expect(String(decoding: one, as: UTF8.self) == """
            {"id":"r2","prompt":"question 2","chosen":"answer of m0 to 2","rejected":"answer of m1 to 2"}
            {"id":"r2","prompt":"question 2","chosen":"answer of m2 to 2","rejected":"answer of m1 to 2"}

            """)
        _ = try fixture.export(.jsonl, to: "rows")
        let rows = try String(contentsOfFile: fixture.dir.path("rows/data.jsonl"), encoding: .utf8)
        #expect(rows.contains(#""ranking":[["m0","m2"],["m1"]]"#), "\(rows)")
        _ = try fixture.export(.labelStudio, to: "ls")
        let tasks = try String(contentsOfFile: fixture.dir.path("ls/tasks.json"), encoding: .utf8)
        #expect(tasks.contains(#""value":{"ranker":{"rank-1":["m2"],"rank-2":["m0"],"rank-3":["m1"]}}"#), "\(tasks)")
        #expect(tasks.contains(#""value":{"ranker":{"rank-1":["m0"],"rank-2":["m2"],"rank-3":["m1"]}}"#), "\(tasks)")
    }

    /// The label-studio export's List and Ranker results come back through `gloss import` as
    /// the same rankings, by the same annotators (without the order shown, which Label
    /// Studio is not told).
    @Test func labelStudioRankerResultsRoundTripThroughTheImport() throws {
        let fixture = try rankingProject()
        try fixture.annotate([
            #"{"item":"r2","annotator":"ana","ranking":[["m2"],["m0"],["m1"]]}"#,
            #"{"item":"r2","annotator":"bo","ranking":[["m0","m2"],["m1"]]}"#,
            #"{"item":"r7","annotator":"ana","ranking":[["m1"],["m0"]]}"#,
        ])
        _ = try fixture.export(.labelStudio, to: "ls", policy: .any)
        let report = try fixture.store.importItems(ImportRequest(
            dataset: "again", sources: [ImportSource(path: fixture.dir.path("ls/tasks.json"), format: .labelStudio)],
            project: ImportProject(name: "again", guide: fixture.guide, author: "lead", rules: TaskKinds.valueRules)))
        #expect(report.added == 2)
        let decisions = { (project: String) in
            try SQLiteShell(fixture.dir.path("gloss.db")).column("""
                SELECT n.name || ' ' || i.external_id || ' ' || a.value FROM annotations a JOIN annotators n ON n.id = a.annotator_id
                JOIN items i ON i.id = a.item_id JOIN projects p ON p.id = a.project_id WHERE p.name = '\(project)'
                ORDER BY n.name, i.external_id
                """).map(\.string)
        }
        #expect(try decisions("again") == decisions("ranks"))
        #expect(try decisions("again").count == 3)
        // A Ranker result that leaves a response out is refused as an annotation line's is.
        let tasks = try String(contentsOfFile: fixture.dir.path("ls/tasks.json"), encoding: .utf8)
        let partial = tasks.replacingOccurrences(of: #"{"ranker":{"rank-1":["m0","m2"],"rank-2":["m1"]}}"#,
                                                 with: #"{"ranker":{"rank-1":["m0"],"rank-2":["m1"]}}"#)
        #expect(partial != tasks)
        let error = try #require(throws: (any Error).self) {
            try fixture.store.importItems(ImportRequest(
                dataset: "partial", sources: [ImportSource(path: fixture.dir.write("partial.json", partial), format: .labelStudio)],
                project: ImportProject(name: "partial", guide: fixture.guide, author: "lead", rules: TaskKinds.valueRules)))
        }
        #expect("\(error)".contains(#"bo: "ranking" leaves out "m2""#), "\(error)")
    }

    @Test func aReviewerAdoptsOneAnnotatorsRanking() throws {
        let fixture = try rankingProject()
        try fixture.annotate([
            #"{"item":"r2","annotator":"ana","ranking":[["m2"],["m0"],["m1"]],"shown":["m1","m2","m0"]}"#,
            #"{"item":"r2","annotator":"bo","ranking":[["m0"],["m2"],["m1"]],"shown":["m0","m1","m2"]}"#,
            // r7: the same ranking, shown in other orders: no disagreement.
            #"{"item":"r7","annotator":"ana","ranking":[["m1"],["m0"]],"shown":["m0","m1"]}"#,
            #"{"item":"r7","annotator":"bo","ranking":[["m1"],["m0"]],"shown":["m1","m0"]}"#,
        ])
        let entries = try fixture.store.reviewList(project: "ranks", scope: .disagreements)
        #expect(entries.map(\.externalID) == ["r2"])
        #expect(entries[0].decisions.map { $0.value?.summary } == ["m2 > m0 > m1", "m0 > m2 > m1"])
        // ↓ selects bo's ranking, Enter adopts it.
        #expect(try fixture.reviewDisagreements([.down, .enter, .character("q")]).exit == .quit)
        let adjudications = try fixture.store.adjudications(project: "ranks")
        #expect(adjudications.map(\.externalID) == ["r2"])
        guard case .answers(let adopted)? = adjudications.first?.value else { Issue.record("no ranking adopted"); return }
        #expect(adopted.ranking?.groups == [["m0"], ["m2"], ["m1"]])
        // The export takes the adjudication.
        _ = try fixture.export(.jsonl, to: "rows")
        let rows = try String(contentsOfFile: fixture.dir.path("rows/data.jsonl"), encoding: .utf8)
        #expect(rows.contains(#""ranking":[["m0"],["m2"],["m1"]]"#), "\(rows)")
    }

    @Test func aReviewerRanksAnewWithTheLabelersKeysOverTheModelsInNameOrder() throws {
        let fixture = try rankingProject()
        try fixture.annotate([
            #"{"item":"r2","annotator":"ana","ranking":[["m2"],["m0"],["m1"]]}"#,
            #"{"item":"r2","annotator":"bo","ranking":[["m0"],["m2"],["m1"]]}"#,
            #"{"item":"r5","annotator":"ana","ranking":[["m1"],["m0"],["m2"]]}"#,
            #"{"item":"r5","annotator":"bo","ranking":[["m0"],["m1"],["m2"]]}"#,
        ])
        let entries = try fixture.store.reviewList(project: "ranks", scope: .disagreements)
        #expect(entries.map(\.externalID) == ["r2", "r5"])
        // r2: 2 (m1), taken back, then 3 = 1: m2 = m0, m1 implied last. r5: 1 then Enter: m0 > m1 = m2.
        let keys: [Key] = [.character("2"), .backspace, .character("3"), .character("="), .character("1"),
                           .character("1"), .enter, .character("q")]
        let (exit, terminal) = try fixture.reviewDisagreements(keys)
        #expect(exit == .quit)
        let groups = try fixture.store.adjudications(project: "ranks").map { adjudication -> [[String]]? in
            guard case .answers(let answers) = adjudication.value else { return nil }
            return answers.ranking?.groups
        }
        #expect(groups == [[["m0", "m2"], ["m1"]], [["m0"], ["m1", "m2"]]])
        #expect(terminal.frames.contains { $0.plainText.contains("1 m0  2 m1  3 m2  = tie") })
        #expect(terminal.frames.contains { $0.plainText.contains("ranking anew: m2 =") })
    }
}
