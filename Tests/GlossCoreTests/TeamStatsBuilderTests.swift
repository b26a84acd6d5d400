import Foundation
@testable import GlossCore
import GlossTasks
import Testing

/// Random decision rows, made to reach every branch of the statistics: several annotators,
/// skips and flags, superseded and undone rows (and two current rows of one annotator on an
/// item, which only imports of old stores make), values the guide does not know, labels that
/// do not parse, repeated active times, gold answers, adjudications, ids that sort otherwise
/// as numbers than as text.
struct RandomStatsRows {
    var random: SeededGenerator
    let task: TaskType
    static let guideLabels = ["pos", "neg", "neu"]
    static let annotators = ["ana", "bob", "cy", "dee", "émile"]

    init(seed: UInt64, task: TaskType) {
        random = SeededGenerator(seed: seed)
        self.task = task
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    mutating func label() -> String {
        chance(0.05) ? "rare" : Self.guideLabels.randomElement(using: &random)!
    }

    /// A value of the task's kind for an item whose text has `length` scalars.
    mutating func value(length: Int) -> AnnotationValue {
        switch task {
        case .classify: return .label(label())
        case .multilabel: return .labels((0..<Int.random(in: 0...3, using: &random)).map { _ in label() })
        case .spans:
            var spans: [LabeledRange] = []
            var start = 0
            while start < length, chance(0.6) {
                let begin = Int.random(in: start..<length, using: &random)
                let end = Int.random(in: (begin + 1)...min(length, begin + 6), using: &random)
                spans.append(LabeledRange(start: begin, end: end, label: label()))
                start = end
            }
            return .spans(chance(0.5) ? spans.reversed() : spans)
        case .pairwise:
            let models = ["m1", "m2", "m3"].shuffled(using: &random)
            let outcome = PairwiseJudgment.Outcome.allCases.randomElement(using: &random)!
            return .pairwise(PairwiseJudgment(outcome: outcome, left: models[0], right: models[1]))
        case .rating:
            return .answers(QuestionAnswers(ratings: .item(["quality": Int.random(in: 1...5, using: &random)])))
        case .ranking:
            let models = ["m1", "m2", "m3"].shuffled(using: &random)
            return .answers(QuestionAnswers(ranking: Ranking(groups: chance(0.3) ? [[models[0]], [models[1], models[2]]]
                                                                        : models.map { [$0] }, shown: models)))
        case .text:
            return .answers(QuestionAnswers(text: TypedText(["yes", "no", "맞아요"].randomElement(using: &random)!)))
        }
    }

    mutating func input(items count: Int, rows: Int) -> StatsInput {
        let items = (1...count).map { n in n % 7 == 0 ? "항목-\(n)" : "i-\(n)" }
        var texts: [String: String] = [:]
        for item in items {
            texts[item] = (0..<Int.random(in: 1...6, using: &random)).map { _ in ["ACME", "sells", "삼성전자가", "a"]
                .randomElement(using: &random)! }.joined(separator: " ")
        }
        let start = Date(timeIntervalSince1970: 1_767_571_200)
        let decisions = (1...rows).map { id -> StatsDecision in
            let item = items.randomElement(using: &random)!
            let kind: AnnotationKind = chance(0.8) ? .label : (chance(0.5) ? .skip : .flag)
            let shown = chance(0.4)
            return StatsDecision(
                id: Int64(id), item: item, annotator: Self.annotators.randomElement(using: &random)!, kind: kind,
                value: kind == .label && !chance(0.02) ? value(length: texts[item]!.unicodeScalars.count) : nil,
                decidedAt: start.addingTimeInterval(Double.random(in: 0..<(4 * 86_400), using: &random)),
                activeMilliseconds: chance(0.1) ? nil : 100 * Int.random(in: 1...40, using: &random),
                suggestionShown: shown, suggestionAccepted: shown ? chance(0.6) : nil,
                guideVersion: Int.random(in: 1...3, using: &random),
                superseded: chance(0.15), undone: chance(0.08))
        }
        var gold: [String: AnnotationValue] = [:]
        var adjudications: [String: AnnotationValue] = [:]
        for item in items {
            let length = texts[item]!.unicodeScalars.count
            if chance(0.1) { gold[item] = value(length: length) }
            if chance(0.15) { adjudications[item] = value(length: length) }
        }
        let facts = StatsProjectFacts(name: "p", task: task, overlap: 2, totalItems: count + 3,
                                      labels: Self.guideLabels)
        return StatsInput(
            project: facts,
            decisions: decisions, gold: gold, adjudications: adjudications, texts: texts)
    }

    mutating func filter(_ input: StatsInput) -> StatsFilter {
        let dates = input.decisions.map(\.decidedAt).sorted()
        return StatsFilter(since: chance(0.5) ? dates[dates.count / 2] : nil,
                           annotator: chance(0.5) ? (Self.annotators + ["zed"]).randomElement(using: &random) : nil)
    }
}

/// Feeds rows held in memory to `TeamStatsBuilder` as a store does: the rows that pass
/// `since`, item by item in id order, each item's rows in no particular order (here the
/// newest first).
func oneScan(_ input: StatsInput, filter: StatsFilter,
             agreement: any AgreementMeasure) -> (report: StatsReport, annotators: [String]) {
    var builder = TeamStatsBuilder(project: input.project, filter: filter, agreement: agreement)
    let rows = input.decisions.filter { row in filter.since.map { row.decidedAt >= $0 } ?? true }
        .sorted { ($0.item, $1.id) < ($1.item, $0.id) }
    var start = rows.startIndex
    while start < rows.endIndex {
        let item = rows[start].item
        let end = rows[start...].firstIndex { $0.item != item } ?? rows.endIndex
        for row in rows[start..<end] {
            builder.add(StatsRow(
                id: row.id, annotator: builder.annotator(named: row.annotator), kind: row.kind, value: row.value,
                day: StatsDay(row.decidedAt), activeMilliseconds: row.activeMilliseconds,
                suggestionShown: row.suggestionShown, suggestionAccepted: row.suggestionAccepted,
                guideVersion: row.guideVersion, isCurrent: row.isCurrent, undone: row.undone))
        }
        builder.finishItem(id: item, gold: input.gold[item], adjudication: input.adjudications[item]) {
            input.texts[item] ?? ""
        }
        start = end
    }
    return (builder.report(), builder.annotatorNames)
}

@Suite("Team statistics in one pass equal the straightforward computation")
struct TeamStatsBuilderTests {
    @Test(arguments: [TaskType.classify, .multilabel, .spans], 1...12)
    func randomRowsGiveTheSameReportToTheBit(task: TaskType, seed: Int) throws {
        var random = RandomStatsRows(seed: UInt64(seed) * 7919, task: task)
        let input = random.input(items: 30 + seed * 5, rows: 60 + seed * 25)
        let filter = random.filter(input)
        let agreement = AgreementMeasures.measure(for: task)
        let reference = TeamStats.report(input, filter: filter, agreement: agreement)
        let scanned = oneScan(input, filter: filter, agreement: agreement)
        #expect(scanned.report == reference)
        let kept = input.decisions.filter { row in filter.since.map { row.decidedAt >= $0 } ?? true }
        #expect(scanned.annotators == Set(kept.map(\.annotator)).sorted())
        // The fixture reaches what it is for: units, and pairs (unless the one annotator shown has none).
        #expect(reference.agreement.items > 3)
        #expect(reference.annotators.contains { !$0.pairs.isEmpty } || filter.annotator != nil)
    }

    @Test(arguments: [7, 5000])
    func durationsReadByRankAreThePercentilesOfTheValuesSpelledOut(count: Int) {
        // 5,000 values: more distinct ones than the dictionary keeps before counting by millisecond.
        var random = SeededGenerator(seed: UInt64(count))
        let values = (0..<count).map { _ in Int.random(in: -5...90_000, using: &random) } + [1000, 1000]
        var counts = DurationCounts()
        for value in values { counts.add(value) }
        for p in [0, 0.1, 0.5, 0.9, 0.99, 1] {
            #expect(counts.ranks().percentile(p) == Percentile.of(values.map { Double($0) / 1000 }, p))
        }
        #expect(DurationCounts().ranks().percentile(0.5) == nil)
    }

    @Test func aDayIsWrittenAsUTCDayWritesIt() {
        for seconds in [0.0, 1_767_571_199, 1_767_571_200, 4_102_444_799] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StatsDay(date).string == UTCDay.string(date))
        }
        #expect(StatsDay(year: 2026, month: 1, day: 5).string == "2026-01-05")
    }
}
