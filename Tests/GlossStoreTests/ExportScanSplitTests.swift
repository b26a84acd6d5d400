import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

@Suite("Export scan: predictions and splits")
struct ExportScanSplitTests {
    @Test func predictionsFillItemsWithoutAConsensusValueButNotSkippedOnes() throws {
        var f = try ExportScanFixture()
        try f.decide("sent", "c-1", "ana", .label("positive"))
        try f.decide("sent", "c-2", "ana", .label("positive"))
        try f.decide("sent", "c-2", "ben", .label("negative"))
        try f.decide("sent", "c-5", "ana", nil, kind: .skip)
        try f.store.adjudicate(project: "sent", itemRowID: f.rowID("c-7"), reviewer: "lead", value: .label("negative"))
        var offered: [String] = []
        let (records, summary) = try f.scan("sent") { item in
            offered.append(item.id)
            #expect(item.text == ExportScanFixture.texts.first { $0.id == item.id }?.text)
            return item.id == "c-4" ? nil : (.label("neutral"), 0.75)
        }
        // c-2 is a tie; c-5 is skipped (not offered); c-4 gets no answer from the model.
        #expect(offered == ["c-2", "c-3", "c-4", "c-6", "c-8"])
        #expect(records.map(\.id) == ["c-1", "c-2", "c-3", "c-6", "c-7", "c-8"])
        let predicted = records.filter { $0.source == .prediction }
        #expect(records.map(\.source) == [.consensus, .prediction, .prediction, .prediction, .adjudicated, .prediction])
        #expect(records[4].value == .label("negative") && records[4].text == "adjudicate me")
        #expect(predicted.count == 4 && predicted.allSatisfy {
            $0.value == .label("neutral") && $0.confidence == 0.75 && $0.annotators.isEmpty && $0.agreement == nil && $0.decisions.isEmpty
        })
        #expect(records[0].source == .consensus && records[0].confidence == nil)
        #expect(summary == ExportScanSummary(decidedItems: 3, written: 6, predicted: 4, leftOut: ["skipped": 1], guideVersions: [1]))
    }

    /// Items with a label from a few annotators; `labels` picks each item's label by index.
    func labeledStore(items: Int, label: (Int) -> String) throws -> ExportScanFixture {
        var f = try ExportScanFixture(items: (1...items).map { ("s-\($0)", "text \($0) ✨ 텍스트") })
        for index in 1...items { try f.decide("sent", "s-\(index)", "ana", .label(label(index))) }
        return f
    }

    func splits(_ f: ExportScanFixture, _ plan: SplitPlan) throws -> [String: ExportSplit] {
        Dictionary(uniqueKeysWithValues: try f.scan("sent", ExportQuery(split: plan)).records.map { ($0.id, $0.split!) })
    }

    @Test(arguments: [false, true])
    func addingItemsAndLabelsMovesNoEarlierItem(stratify: Bool) throws {
        let plan = try #require(try SplitPlan.parse("60/20/20", seed: 11, stratify: stratify))
        var f = try labeledStore(items: 40) { $0 % 3 == 0 ? "negative" : "positive" }
        let before = try splits(f, plan)
        #expect(before.count == 40 && Set(before.values) == [.train, .validation, .test])
        if !stratify { #expect(before.allSatisfy { plan.split(of: $0.key) == $0.value }) }
        try f.store.importFiles([f.dir.write("more.jsonl", jsonLines(30, prefix: "m"))], into: "k")
        for index in 1...30 { try f.decide("sent", "m-\(index)", "ben", .label(index % 2 == 0 ? "neutral" : "negative")) }
        // A second opinion changes some values (and so some strata), not their splits.
        for index in stride(from: 1, through: 40, by: 4) { try f.decide("sent", "s-\(index)", "ana", .label("neutral")) }
        let after = try splits(f, plan)
        #expect(after.count == 70)
        for (id, split) in before { #expect(after[id] == split, "\(id) moved") }
        let remembered = try f.store.int("SELECT COUNT(*) FROM split_assignments WHERE scheme = '60/20/20 seed 11'")
        #expect(remembered == (stratify ? 70 : 0))
    }

    @Test func stratifiedSplitsBalanceEveryLabel() throws {
        let plan = try #require(try SplitPlan.parse("80/10/10", seed: 5, stratify: true))
        var generator = SeededGenerator(seed: 99)
        let labels = ["positive", "negative", "neutral"]
        let weights = (1...300).map { _ in Int.random(in: 0..<10, using: &generator) }
        let f = try labeledStore(items: 300) { weights[$0 - 1] < 6 ? labels[0] : (weights[$0 - 1] < 9 ? labels[1] : labels[2]) }
        let records = try f.scan("sent", ExportQuery(split: plan)).records
        for label in labels {
            let mine = records.filter { $0.value == .label(label) }
            #expect(mine.count > 10)
            for (index, split) in ExportSplit.allCases.enumerated() {
                let count = Double(mine.filter { $0.split == split }.count)
                #expect(abs(count - plan.shares[index] * Double(mine.count)) <= 1, "\(label) \(split): \(count) of \(mine.count)")
            }
        }
        // The hash split of the same items is not balanced this closely, or the test proves nothing.
        let hashed = records.map { plan.split(of: $0.id) }
        #expect(hashed != records.map { $0.split! })
    }
}
