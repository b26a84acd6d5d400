import GlossCore
import GlossTasks
import Testing

private func span(_ start: Int, _ end: Int, _ label: String) -> LabeledRange {
    LabeledRange(start: start, end: end, label: label)
}

@Suite("Consensus")
struct ConsensusTests {
    static let labels = ["positive", "negative", "neutral"]

    /// The consensus of the kind of `task` for a guide with `labels`.
    static func consensus(_ task: TaskType, _ policy: ConsensusPolicy, labels: [String]) -> Consensus {
        Consensus(rule: TaskKinds.kind(for: task).consensusRule(labels: labels), policy: policy)
    }

    func classify(_ policy: ConsensusPolicy, _ names: [String]) -> ConsensusResult {
        Self.consensus(.classify, policy, labels: Self.labels).combine(names.map(AnnotationValue.label))
    }

    func multilabel(_ policy: ConsensusPolicy, _ sets: [[String]]) -> ConsensusResult {
        Self.consensus(.multilabel, policy, labels: ["b", "a", "c"]).combine(sets.map { .labels($0) })
    }

    @Test func classifyPolicies() {
        #expect(classify(.majority, ["negative", "positive", "negative"]) == .value(.label("negative")))
        #expect(classify(.majority, ["negative", "positive"]) == .leftOut(.tie))
        #expect(classify(.majority, ["neutral"]) == .value(.label("neutral")))
        #expect(classify(.any, ["neutral", "positive"]) == .value(.label("neutral")))
        #expect(classify(.any, ["positive", "neutral", "neutral", "positive"]) == .value(.label("positive")))
        #expect(classify(.any, ["positive", "neutral", "neutral"]) == .value(.label("neutral")))
        #expect(classify(.unanimous, ["positive", "positive"]) == .value(.label("positive")))
        #expect(classify(.unanimous, ["positive", "neutral", "positive"]) == .leftOut(.notUnanimous))
        #expect(classify(.all, ["positive", "neutral"]) == .leftOut(.notUnanimous))
        #expect(classify(.adjudicated, ["positive"]) == .leftOut(.notAdjudicated))
        #expect(classify(.majority, []) == .leftOut(.noLabel))
    }

    @Test func multilabelPolicies() {
        let sets = [["a", "b"], ["a"], ["a", "c"]]
        #expect(multilabel(.majority, sets) == .value(.labels(["a"])))
        #expect(multilabel(.any, sets) == .value(.labels(["b", "a", "c"])))
        #expect(multilabel(.all, sets) == .value(.labels(["a"])))
        #expect(multilabel(.all, [["b"], ["c"]]) == .leftOut(.noLabel))
        #expect(multilabel(.unanimous, sets) == .leftOut(.notUnanimous))
        #expect(multilabel(.unanimous, [["a", "b"], ["a", "b"]]) == .value(.labels(["a", "b"])))
        // Exactly half is a tie; nothing chosen by most is "no label", nothing chosen by most
        // annotators (the empty set) is kept.
        #expect(multilabel(.majority, [["a"], ["a", "b"]]) == .leftOut(.tie))
        #expect(multilabel(.majority, [["a"], ["b"], ["c"]]) == .leftOut(.noLabel))
        #expect(multilabel(.majority, [[], [], ["c"]]) == .value(.labels([])))
    }

    @Test func spansPoliciesCompareStartEndAndLabel() {
        let consensus = Self.consensus(.spans, .majority, labels: ["PER", "LOC"])
        let one: AnnotationValue = .spans([span(0, 3, "PER"), span(5, 9, "LOC")])
        let two: AnnotationValue = .spans([span(0, 3, "PER"), span(5, 9, "PER")])
        let three: AnnotationValue = .spans([span(0, 3, "PER")])
        #expect(consensus.combine([one, two, three]) == .value(.spans([span(0, 3, "PER")])))
        let any = Self.consensus(.spans, .any, labels: ["PER", "LOC"])
        #expect(any.combine([one, two]) == .value(.spans([span(0, 3, "PER"), span(5, 9, "LOC"), span(5, 9, "PER")])))
        #expect(consensus.combine([one, two]) == .leftOut(.tie))
        #expect(consensus.agreement(of: [one, two, three], with: .spans([span(0, 3, "PER")])) == 1.0 / 3)
    }

    @Test func normalizesToGuideOrderAndMergesDuplicates() {
        let consensus = Self.consensus(.multilabel, .majority, labels: ["b", "a", "c"])
        #expect(consensus.normalized(.labels(["zeta", "c", "a", "alpha", "a", "b"])) == .labels(["b", "a", "c", "alpha", "zeta"]))
        let spans = Self.consensus(.spans, .majority, labels: [])
        #expect(spans.normalized(.spans([span(4, 6, "B"), span(0, 2, "A"), span(4, 6, "B"), span(0, 3, "A"), span(0, 2, "0")]))
                == .spans([span(0, 2, "0"), span(0, 2, "A"), span(0, 3, "A"), span(4, 6, "B")]))
        // Sets compare equal once normalized, so agreement counts them as the same value.
        let values = [consensus.normalized(.labels(["a", "b"])), consensus.normalized(.labels(["b", "a", "a"]))]
        #expect(consensus.agreement(of: values, with: .labels(["b", "a"])) == 1)
        #expect(consensus.agreement(of: [], with: .labels(["b"])) == nil)
    }

    @Test func stratifiedSplitterKeepsEachStratumWithinOneOfItsShares() throws {
        let plan = try #require(try SplitPlan.parse("70/20/10", seed: 3, stratify: true))
        var splitter = StratifiedSplitter(plan: plan)
        var counts: [String: [ExportSplit: Int]] = [:]
        for index in 0..<997 {
            let stratum = index % 7 == 0 ? "rare" : (index % 3 == 0 ? "b" : "a")
            if index == 5 { splitter.count(.test, stratum: stratum); counts[stratum, default: [:]][.test, default: 0] += 1; continue }
            let split = splitter.assign(id: "item-\(index)", stratum: stratum)
            counts[stratum, default: [:]][split, default: 0] += 1
            for (name, perSplit) in counts {
                let total = Double(perSplit.values.reduce(0, +))
                for (i, split) in ExportSplit.allCases.enumerated() {
                    #expect(abs(Double(perSplit[split] ?? 0) - plan.shares[i] * total) <= 1, "\(name) \(split)")
                }
            }
        }
        #expect(StratifiedSplitter.scheme(of: plan) == "70/20/10 seed 3")
        let spans = TaskKinds.kind(for: .spans).consensusRule(labels: [])
        let multilabel = TaskKinds.kind(for: .multilabel).consensusRule(labels: [])
        #expect(spans.stratum(of: .spans([span(5, 6, "PER"), span(0, 1, "LOC"), span(2, 3, "PER")])) == "LOC\u{1F}PER")
        #expect(multilabel.stratum(of: .labels(["b", "a"])) == "b\u{1F}a")
    }
}
