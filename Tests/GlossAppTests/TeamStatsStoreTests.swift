import Foundation
import GlossCore
import GlossStore
import GlossTasks
import GlossTestSupport
import Testing
@testable import GlossApp

/// A store filled with random decisions the ways users fill one: `annotations import` (with
/// changes, undos, skips, flags, suggestions, guide versions, adjudications and their
/// undos), the labeler's own saves and undos, and gold answers; items whose ids sort
/// otherwise as text than as numbers, imported in shuffled order.
struct RandomStore {
    let dir: TemporaryDirectory
    let store: GlossDatabase
    let task: TaskType
    var random: SeededGenerator
    var texts: [String: String] = [:]
    static let labels = ["pos", "neg", "neu"]
    static let annotators = ["ana", "bob", "cy", "dee"]

    init(task: TaskType, seed: UInt64) throws {
        self.task = task
        random = SeededGenerator(seed: seed)
        dir = try TemporaryDirectory()
        store = try dir.store()
        var ids = (1...60).map { $0 % 9 == 0 ? "항목-\($0)" : "r-\($0)" }
        ids.shuffle(using: &random)
        let words = ["ACME", "sells", "삼성전자가", "서울에서", "a", "phones"]
        for id in ids {
            // Texts are unique (an import keeps one item per text): each ends with its id.
            let some = (0..<Int.random(in: 1...7, using: &random)).map { _ in words.randomElement(using: &random)! }
            texts[id] = (some + [id]).joined(separator: " ")
        }
        let items = ids.map { #"{"id": "\#($0)", "text": "\#(texts[$0]!)"}"# }.joined(separator: "\n")
        let source = ImportSource(path: try dir.write("i.jsonl", items))
        _ = try store.importItems(ImportRequest(dataset: "d", sources: [source]))
        let labels = zip(Self.labels, ["p", "n", "u"])
            .map { "  - name: \($0)\n    key: \($1)\n    description: \($0).\n" }.joined()
        func guide(_ body: String) throws -> Guide {
            let text = "---\nname: G\ntask: \(task.rawValue)\nlabels:\n\(labels)---\n\(body)\n"
            return try #require(GuideParser.lint(text).guide)
        }
        try store.createProject(name: "p", dataset: "d", guide: guide("# G"), author: "lead", overlap: 2)
        // Decisions name version 1 or, by default, 2.
        _ = try store.publishGuide(project: "p", guide: guide("# G, clearer"), author: "lead", message: "v2",
                                   allowRemoval: false)
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    /// The value's JSON fields, for an item of the project's task.
    mutating func valueFields(item: String) -> String {
        switch task {
        case .classify:
            return #""label": "\#(Self.labels.randomElement(using: &random)!)""#
        case .multilabel:
            let some = Self.labels.filter { _ in chance(0.4) }.map { "\"\($0)\"" }
            return #""labels": [\#(some.joined(separator: ", "))]"#
        case .spans:
            let length = texts[item]!.unicodeScalars.count
            var spans: [String] = []
            var start = 0
            while start < length, chance(0.6) {
                let begin = Int.random(in: start..<length, using: &random)
                let end = Int.random(in: (begin + 1)...min(length, begin + 5), using: &random)
                let label = Self.labels.randomElement(using: &random)!
                spans.append(#"{"start": \#(begin), "end": \#(end), "label": "\#(label)"}"#)
                start = end
            }
            return #""spans": [\#(spans.joined(separator: ", "))]"#
        case .pairwise:
            // Not among this suite's tasks (its items have no responses); a judgment all the same.
            return #""outcome": "tie", "left": "m1", "right": "m2""#
        case .rating:
            // Not among this suite's tasks either.
            return #""ratings": {"quality": 3}"#
        case .ranking:
            // Nor this one.
            return #""ranking": [["m1"], ["m2"]]"#
        case .text:
            return #""text": "a note""#
        }
    }

    /// `count` decision lines and some adjudications, imported in one file.
    mutating func importDecisions(_ count: Int) throws {
        let start = 1_767_571_200
        var lines: [String] = []
        for n in 0..<count {
            let item = texts.keys.sorted().randomElement(using: &random)!
            let at = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(start + n * 1_000)))
            var fields = [#""item": "\#(item)""#, #""decided_at": "\#(at)""#]
            if chance(0.1) {
                fields += [#""record": "adjudication""#, #""reviewer": "lead""#, valueFields(item: item)]
                if chance(0.2) { fields.append(#""undone_at": "\#(at)""#) }
            } else {
                fields.append(#""annotator": "\#(Self.annotators.randomElement(using: &random)!)""#)
                if chance(0.85) { fields.append(valueFields(item: item)) } else { fields.append(#""kind": "skip""#) }
                if chance(0.8) { fields.append(#""duration_ms": \#(250 * Int.random(in: 1...30, using: &random))"#) }
                if chance(0.3) {
                    fields.append(#""suggestion": {\#(valueFields(item: item))}"#)
                    fields.append(#""suggestion_accepted": \#(chance(0.5))"#)
                }
                if chance(0.2) { fields.append(#""guide_version": 1"#) }
                if chance(0.1) { fields.append(#""undone_at": "\#(at)""#) }
            }
            lines.append("{" + fields.joined(separator: ", ") + "}")
        }
        _ = try store.importAnnotations(project: "p", from: dir.write("a.jsonl", lines.joined(separator: "\n") + "\n"))
    }
}

@Suite("Team statistics on a store: one pass, and the totals, equal the straightforward computation")
struct TeamStatsStoreTests {
    /// Every filter: everything, `--since` half way, `--annotator`, both, and an annotator with no rows.
    static func filters(_ store: GlossDatabase) throws -> [StatsFilter] {
        let dates = try store.statsInput(project: "p", agreement: AgreementMeasures.measure(for:)).decisions.map(\.decidedAt).sorted()
        let middle = dates[dates.count / 2]
        return [StatsFilter(), StatsFilter(since: middle), StatsFilter(annotator: "bob"),
                StatsFilter(since: middle, annotator: "cy"), StatsFilter(annotator: "zed")]
    }

    /// The pass over the rows and the totals (without `since`) both give the reference's bits.
    static func expectSameReports(_ store: GlossDatabase, task: TaskType) throws {
        for filter in try filters(store) {
            let pass = try store.teamStats(project: "p", filter: filter, method: .passOverRows,
                                           agreement: AgreementMeasures.measure(for:))
            let totals = try store.teamStats(project: "p", filter: filter, agreement: AgreementMeasures.measure(for:))
            let input = try store.statsInput(project: "p", since: filter.since, agreement: AgreementMeasures.measure(for:))
            let reference = TeamStats.report(input, filter: filter, agreement: AgreementMeasures.measure(for: task))
            #expect(pass.report == reference, "\(task) \(filter)")
            #expect(totals.report == reference, "\(task) \(filter)")
            #expect(pass.annotators == Set(input.decisions.map(\.annotator)).sorted())
            #expect(totals.annotators == pass.annotators)
        }
    }

    @Test(arguments: [TaskType.classify, .multilabel, .spans], [1, 2])
    func importedDecisionsChangesUndosGoldAndAdjudications(task: TaskType, seed: Int) throws {
        var fixture = try RandomStore(task: task, seed: UInt64(seed))
        try fixture.importDecisions(220)
        let gold = fixture.texts.keys.sorted().filter { _ in fixture.chance(0.15) }
        try fixture.store.addGold(project: "p", answers: gold.map { id in
            let value = try #require(AnnotationValue(json: "{" + fixture.valueFields(item: id) + "}"))
            return (id, value, "test")
        }, rules: TaskKinds.valueRules)
        let input = try fixture.store.statsInput(project: "p", agreement: AgreementMeasures.measure(for:))
        #expect(input.decisions.contains { !$0.isCurrent && !$0.undone } && input.decisions.contains(where: \.undone))
        #expect(!input.adjudications.isEmpty && !input.gold.isEmpty)
        try Self.expectSameReports(fixture.store, task: task)
    }

    /// A measure that writes down the texts of the units it is given (each text ends with its item's id).
    final class TextRecorder: AgreementMeasure, UnitAgreementTally, @unchecked Sendable {
        var texts: [String] = []
        var readsItemText: Bool { true }
        func pairTally() -> any PairAgreementTally { ClassifyAgreement().pairTally() }
        func unitTally() -> (any UnitAgreementTally)? { self }
        func add(_ unit: [AgreementValue], itemText: String) { texts.append(itemText) }
        func fill(_ agreement: inout ProjectAgreement) {}
    }

    @Test func unitsComeInTheOrderOfTheirItemIdsWhateverTheOrderOfImport() throws {
        var fixture = try RandomStore(task: .classify, seed: 4)
        try fixture.importDecisions(200)
        let recorder = TextRecorder()
        let report = try fixture.store.teamStats(project: "p") { _ in recorder }.report
        let ids = recorder.texts.map { String($0.split(separator: " ").last!) }
        #expect(ids.count == report.agreement.items && ids.count > 10)
        #expect(ids == ids.sorted(), "the order TeamStats.report sums units in")
        let rowOrder = try SQLiteShell(fixture.store.path).column("SELECT external_id FROM items ORDER BY id")
            .map { $0.string ?? "" }
        #expect(rowOrder != rowOrder.sorted(), "the items were imported in another order")
    }

    @Test func theLabelersOwnSavesAndUndosCountAlike() throws {
        var fixture = try RandomStore(task: .classify, seed: 9)
        let start = Date(timeIntervalSince1970: 1_767_800_000)
        for (n, item) in fixture.texts.keys.sorted().prefix(25).enumerated() {
            let annotator = RandomStore.annotators[n % 3]
            try fixture.store.decide(project: "p", itemID: item, annotator: annotator,
                                     kind: n % 5 == 4 ? .flag : .label, value: n % 5 == 4 ? nil : .label("neg"),
                                     decidedAt: start.addingTimeInterval(Double(n)))
        }
        let session = try LabelingSession.start(database: fixture.store, project: "p", annotator: "ana", host: "test",
                                                terminalWidth: 80, terminalHeight: 24, at: start)
        #expect(try session.undoLast(stats: KeystrokeStats(), at: start.addingTimeInterval(60)) != nil)
        try fixture.importDecisions(60)
        try Self.expectSameReports(fixture.store, task: .classify)
    }
}
