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

/// The reference rankings of Tests/Fixtures/judging (40 items of 2 to 5 responses, 1 to 4 of
/// 5 judges each) as a ranking project: items whose responses are the fixture's models, the
/// judges' rankings imported as annotations.
private struct RankingFixture {
    struct File: Decodable {
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
    }

    let dir: TemporaryDirectory
    let store: GlossDatabase
    let file: File

    init(importRankings: Bool = true) throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        let data = try Data(contentsOf: URL(fileURLWithPath: Samples.fixture("judging/rankings-40items.json")))
        file = try JSONDecoder().decode(File.self, from: data)
        let items = file.items.enumerated().map { n, item in
            let responses = item.responses.map { #"{"model":"\#($0)","text":"answer of \#($0) to \#(n)"}"# }
            return #"{"id":"r\#(n)","prompt":"question \#(n)","responses":[\#(responses.joined(separator: ","))]}"#
        }
        try store.importItems(ImportRequest(dataset: "ranks", sources: [ImportSource(path: dir.write("items.jsonl", items.joined(separator: "\n")))]))
        let guide = try GuideFile.cleanGuide(file: Samples.guide("ranking.md")) { _ in }
        try store.createProject(name: "ranks", dataset: "ranks", guide: guide, author: "lead", overlap: 5)
        guard importRankings else { return }
        var lines: [String] = []
        for (n, item) in file.items.enumerated() {
            for judge in item.rankings.keys.sorted() {
                let groups = item.rankings[judge]!.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
                lines.append(#"{"item":"r\#(n)","annotator":"\#(judge)","ranking":[\#(groups.joined(separator: ","))]}"#)
            }
        }
        try judge(lines)
    }

    func judge(_ lines: [String], name: String = "rankings.jsonl") throws {
        try store.importAnnotations(project: "ranks", from: dir.write(name, lines.joined(separator: "\n")))
    }

    func export(_ format: ExportFormat, to name: String, policy: ConsensusPolicy = .majority) throws -> ExportRun.Outcome {
        try ExportRun.run(ExportRun.Request(project: "ranks", format: format, destination: dir.path(name),
                                            query: ExportQuery(policy: policy, split: nil)), database: store)
    }
}

@Suite("Ranking projects: statistics against the reference, annotations in and out, exports, review")
struct RankingProjectTests {
    @Test func statsGiveTheReferenceWAndTauFromTheTotalsAndFromTheRows() throws {
        let fixture = try RankingFixture()
        for method in [StatsMethod.totalsWhenKept, .passOverRows] {
            let report = try fixture.store.teamStats(project: "ranks", method: method, agreement: AgreementMeasures.measure(for:)).report
            let figures = try #require(report.agreement.figures, "\(method)")
            #expect(figures.map { $0.name } == ["kendall_w", "mean_pairwise_tau"])
            #expect(abs((figures[0].value ?? 0) - fixture.file.expected.meanW) < 1e-9, "\(method): \(figures)")
            #expect(abs((figures[1].value ?? 0) - fixture.file.expected.meanPairwiseTau) < 1e-9, "\(method): \(figures)")
            let ana = try #require(report.annotators.first { $0.name == "ana" })
            #expect(ana.pairs.allSatisfy { $0.figures?.first?.name == "tau_b" })
        }
    }

    @Test func annotationsRoundTripAndBadRankingsNameTheLineAndField() throws {
        let fixture = try RankingFixture(importRankings: false)
        try fixture.judge([
            #"{"item":"r0","annotator":"ana","ranking":[["m1"],["m0"]],"shown":["m0","m1"]}"#,
            #"{"item":"r2","annotator":"ana","ranking":[["m2","m0"],["m1"]]}"#,
        ])
        let out = fixture.dir.path("out.jsonl")
        try fixture.store.exportAnnotations(project: "ranks", to: out)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""ranking":[["m1"],["m0"]],"shown":["m0","m1"]"#), "\(lines[0])")
        #expect(lines[1].contains(#""ranking":[["m0","m2"],["m1"]]"#) && !lines[1].contains("shown"), "\(lines[1])")
        let guide = try GuideFile.cleanGuide(file: Samples.guide("ranking.md")) { _ in }
        try fixture.store.createProject(name: "copy", dataset: "ranks", guide: guide, author: "lead")
        try fixture.store.importAnnotations(project: "copy", from: out)
        let shell = SQLiteShell(fixture.dir.path("gloss.db"))
        let values = { (project: String) in
            try shell.column("""
                SELECT a.value FROM annotations a JOIN projects p ON p.id = a.project_id WHERE p.name = '\(project)'
                ORDER BY a.item_id
                """).map(\.string)
        }
        #expect(try values("copy") == values("ranks"))
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
            let error = try #require(throws: (any Error).self) { try fixture.judge([good, line], name: "bad.jsonl") }
            #expect("\(error)".contains(message), "\(error)")
        }
        #expect(try values("ranks").count == 2)  // a bad file changes nothing
    }

    @Test func aDatasetWithMoreThanNineResponsesIsRefusedNamingTheItem() throws {
        let fixture = try RankingFixture(importRankings: false)
        let ten = (0..<10).map { #"{"model":"m\#($0)","text":"t"}"# }.joined(separator: ",")
        let file = try fixture.dir.write("ten.jsonl", """
            {"id":"ok","prompt":"Q","responses":[{"model":"m1","text":"a"},{"model":"m2","text":"b"}]}
            {"id":"ten","prompt":"Q2","responses":[\(ten)]}
            """)
        try fixture.store.importItems(ImportRequest(dataset: "ten", sources: [ImportSource(path: file)]))
        let guide = try GuideFile.cleanGuide(file: Samples.guide("ranking.md")) { _ in }
        let error = try #require(throws: ProjectError.self) {
            try fixture.store.createProject(name: "ten", dataset: "ten", guide: guide, author: "lead")
        }
        #expect(error == .tooManyResponses(dataset: "ten", item: "ten", count: 1, most: 9))
        #expect(error.description.contains("a ranking project orders at most 9 responses per item"))
    }

    @Test func dpoExportsEveryOrderedPairOfTheMeanRankAndReexportsTheSameBytes() throws {
        let fixture = try RankingFixture(importRankings: false)
        // r2 (m0, m1, m2): ana m2 > m0 > m1, bo m0 > m2 > m1: mean ranks m0 1.5, m2 1.5, m1 3.
        try fixture.judge([
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
        #expect(throws: (any Error).self) { try fixture.export(.labelStudio, to: "ls") }
    }

    @Test func aReviewerAdoptsOneAnnotatorsRanking() throws {
        let fixture = try RankingFixture(importRankings: false)
        try fixture.judge([
            #"{"item":"r2","annotator":"ana","ranking":[["m2"],["m0"],["m1"]],"shown":["m1","m2","m0"]}"#,
            #"{"item":"r2","annotator":"bo","ranking":[["m0"],["m2"],["m1"]],"shown":["m0","m1","m2"]}"#,
            // r7: the same ranking, shown in other orders: no disagreement.
            #"{"item":"r7","annotator":"ana","ranking":[["m1"],["m0"]],"shown":["m0","m1"]}"#,
            #"{"item":"r7","annotator":"bo","ranking":[["m1"],["m0"]],"shown":["m1","m0"]}"#,
        ])
        let entries = try fixture.store.reviewList(project: "ranks", scope: .disagreements)
        #expect(entries.map(\.externalID) == ["r2"])
        #expect(entries[0].decisions.map { $0.value?.summary } == ["m2 > m0 > m1", "m0 > m2 > m1"])
        let guide = try GuideFile.cleanGuide(file: Samples.guide("ranking.md")) { _ in }
        // ↓ selects bo's ranking, Enter adopts it.
        let terminal = FakeTerminal(width: 100, height: 30, keys: [.down, .enter, .character("q")])
        let state = ReviewState(project: "ranks", guide: guide, reviewer: "lead", kind: .disagreements, blind: false,
                                task: TaskKinds.kind(for: .ranking).review, entries: entries, width: 100, height: 30)
        let handler = ReviewEffects(database: fixture.store, project: "ranks", reviewer: "lead",
                                    clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        let runtime = ProgramRuntime<Review, ReviewEffects, FakeTerminal>(state: state, handler: handler, terminal: terminal)
        #expect(runtime.run() == .quit)
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
        let fixture = try RankingFixture(importRankings: false)
        try fixture.judge([
            #"{"item":"r2","annotator":"ana","ranking":[["m2"],["m0"],["m1"]]}"#,
            #"{"item":"r2","annotator":"bo","ranking":[["m0"],["m2"],["m1"]]}"#,
            #"{"item":"r5","annotator":"ana","ranking":[["m1"],["m0"],["m2"]]}"#,
            #"{"item":"r5","annotator":"bo","ranking":[["m0"],["m1"],["m2"]]}"#,
        ])
        let entries = try fixture.store.reviewList(project: "ranks", scope: .disagreements)
        #expect(entries.map(\.externalID) == ["r2", "r5"])
        let guide = try GuideFile.cleanGuide(file: Samples.guide("ranking.md")) { _ in }
        // r2: 2 (m1), taken back, then 3 = 1: m2 = m0, m1 implied last. r5: 1 then Enter: m0 > m1 = m2.
        let keys: [Key] = [.character("2"), .backspace, .character("3"), .character("="), .character("1"),
                           .character("1"), .enter, .character("q")]
        let terminal = FakeTerminal(width: 100, height: 30, keys: keys)
        let state = ReviewState(project: "ranks", guide: guide, reviewer: "lead", kind: .disagreements, blind: false,
                                task: TaskKinds.kind(for: .ranking).review, entries: entries, width: 100, height: 30)
        let handler = ReviewEffects(database: fixture.store, project: "ranks", reviewer: "lead",
                                    clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        let runtime = ProgramRuntime<Review, ReviewEffects, FakeTerminal>(state: state, handler: handler, terminal: terminal)
        #expect(runtime.run() == .quit)
        let groups = try fixture.store.adjudications(project: "ranks").map { adjudication -> [[String]]? in
            guard case .answers(let answers) = adjudication.value else { return nil }
            return answers.ranking?.groups
        }
        #expect(groups == [[["m0", "m2"], ["m1"]], [["m0"], ["m1", "m2"]]])
        #expect(terminal.frames.contains { $0.plainText.contains("1 m0  2 m1  3 m2  = tie") })
        #expect(terminal.frames.contains { $0.plainText.contains("ranking anew: m2 =") })
    }
}
