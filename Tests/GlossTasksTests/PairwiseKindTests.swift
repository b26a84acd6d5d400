import GlossCore
import GlossTerminal
import GlossTUI
import Testing
@testable import GlossTasks

private let guide = Guide(
    name: "p", task: .pairwise,
    labels: [GuideLabel(name: "left", key: "f"), GuideLabel(name: "right", key: "j"), GuideLabel(name: "tie", key: "t")],
    instructions: nil, body: "", bodyLine: 1, text: "")

private let parts = ItemParts(prompt: .text("Which is the capital of Australia?"),
                              responses: [ItemResponse(model: "m1", text: "Canberra."),
                                          ItemResponse(model: "m2", text: "Sydney is the capital.")])

private func item(_ id: String, parts: ItemParts? = parts, existing: AnnotationValue? = nil) -> LabelerItem {
    LabelerItem(rowID: 1, externalID: id, text: parts?.flattened ?? "plain",
                existing: existing.map { ExistingDecision(annotationID: 9, kind: .label, value: $0) }, parts: parts)
}

private func answer(_ item: LabelerItem, annotator: String = "ana") throws -> PairwiseAnswer {
    try #require(PairwiseAnswer().restarted(for: item, guide: guide, annotator: annotator) as? PairwiseAnswer)
}

@Suite("The pairwise kind: sides, keys, layout, values, consensus")
struct PairwiseKindTests {
    @Test func sidesAreTheSameOnEveryDrawAndVaryAcrossItemsAndAnnotators() throws {
        let models = ["m1", "m2"]
        let first = try #require(PairwiseSides.pick(models: models, itemID: "p1", annotator: "ana"))
        for _ in 0..<5 { #expect(PairwiseSides.pick(models: models, itemID: "p1", annotator: "ana")! == first) }
        let lefts = (0..<200).map { PairwiseSides.pick(models: models, itemID: "p\($0)", annotator: "ana")!.left }
        let share = Double(lefts.filter { $0 == "m1" }.count) / 200
        #expect(share > 0.35 && share < 0.65)
        let byAnnotator = (0..<50).map { PairwiseSides.pick(models: models, itemID: "p1", annotator: "a\($0)")!.left }
        #expect(Set(byAnnotator).count == 2)
        // A fixed seed: these sides are what every machine and every relaunch draws.
        #expect(PairwiseSides.seed(itemID: "p1", annotator: "ana") == PairwiseSides.seed(itemID: "p1", annotator: "ana"))
        #expect(PairwiseSides.seed(itemID: "p1", annotator: "ana") != PairwiseSides.seed(itemID: "p1a", annotator: "na"))
        #expect(PairwiseSides.pick(models: ["only"], itemID: "p1", annotator: "ana") == nil)
    }

    @Test func threeResponsesGiveADeterministicPairOfDifferentModels() throws {
        let models = ["m1", "m2", "m3"]
        var pairs: Set<[String]> = []
        for n in 0..<300 {
            let (left, right) = try #require(PairwiseSides.pick(models: models, itemID: "i\(n)", annotator: "bo"))
            #expect(left != right)
            pairs.insert([left, right])
        }
        #expect(pairs.count == 6)  // every ordered pair occurs
    }

    @Test func anOutcomeKeySavesTheJudgmentWithTheSidesShown() throws {
        var current = try answer(item("p1"))
        let left = try #require(current.left), right = try #require(current.right)
        #expect(Set([left, right]) == ["m1", "m2"])
        let step = current.choose(guide.labels[1], on: item("p1"), guide: guide)
        #expect(step == .save(.pairwise(PairwiseJudgment(outcome: .right, left: left, right: right))))
        #expect(current.choose(guide.labels[2], on: item("p1"), guide: guide)
                    == .save(.pairwise(PairwiseJudgment(outcome: .tie, left: left, right: right))))
    }

    @Test func aJudgedItemKeepsTheSidesItWasJudgedOn() throws {
        for annotator in ["ana", "bo", "cy", "di"] {
            let judged = PairwiseJudgment(outcome: .left, left: "m2", right: "m1")
            let current = try answer(item("p1", existing: .pairwise(judged)), annotator: annotator)
            #expect(current.left == "m2" && current.right == "m1")
            #expect(current.chosenValue(item("p1", existing: .pairwise(judged))) == .pairwise(judged))
        }
    }

    @Test func anItemWithoutTwoResponsesIsRefused() throws {
        var current = try answer(item("x", parts: nil))
        guard case .status(let line) = current.choose(guide.labels[0], on: item("x", parts: nil), guide: guide) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(line.isError && line.text.contains("no two responses"))
    }

    @Test func dTogglesTheDiffAndEscHidesIt() throws {
        var current = try answer(item("p1"))
        #expect(current.key(.character("d"), on: item("p1")) != nil)
        #expect(current.diff)
        #expect(current.escape(onQueue: true) != nil)
        #expect(!current.diff)
        #expect(current.key(.character("x"), on: item("p1")) == nil)
    }

    @Test func wideScreensSetTheResponsesSideBySideAndNarrowOnesStackThem() throws {
        let current = try answer(item("p1"))
        let wide = try #require(current.itemBody(item("p1"), guide: guide, width: 118))
        let text = wide.map { $0.runs.map(\.text).joined() }
        #expect(text[0].hasPrefix(" PROMPT"))
        let titleRow = try #require(wide.firstIndex { $0.runs.contains { $0.text.contains("LEFT · key f") } })
        #expect(wide[titleRow].runs.contains { $0.text.contains("RIGHT · key j") && $0.x == 60 })
        #expect(wide[titleRow + 1].runs.contains { $0.text == "│" && $0.x == 58 })
        // No model name is ever drawn: judges are blind.
        #expect(!text.joined().contains("m1") && !text.joined().contains("m2"))
        let narrow = try #require(current.itemBody(item("p1"), guide: guide, width: 80))
        let titles = narrow.enumerated().filter { $0.element.runs.first?.look == .heading }.map(\.offset)
        #expect(titles.count == 3)  // prompt, left, right, one under the other
        #expect(narrow.allSatisfy { $0.runs.allSatisfy { $0.x == 0 } })
    }

    @Test func wrappingKeepsIndentationAndCutsLongWords() {
        let lines = PairwiseLayout.wrap(WordDiff.pieces("def f():\n    return 1\n\n" + String(repeating: "x", count: 25)),
                                        width: 10, x: 0, changedLook: .plain)
        #expect(lines.map { $0.runs.map(\.text).joined() } == ["def f():", "    return", "1", "", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
    }

    @Test func theWordDiffMarksWordsOutsideTheCommonSubsequence() {
        let (left, right) = WordDiff.compare("the cat sat on the mat", "the dog sat on a mat")
        #expect(left.filter(\.changed).map(\.text) == ["cat", "the"])
        #expect(right.filter(\.changed).map(\.text) == ["dog", "a"])
        #expect(left.filter { !$0.isSpace }.count == 6)
        let body = PairwiseLayout.lines(parts: parts, left: parts.responses[0], right: parts.responses[1], guide: guide,
                                        diff: true, width: 120)
        #expect(body.contains { $0.runs.contains { $0.look == .removed && $0.text == "Canberra." } })
        #expect(body.contains { $0.runs.contains { $0.look == .added && $0.text.contains("Sydney") } })
    }

    @Test func valuesAreCanonicalJSONThatReadsBack() throws {
        let win = AnnotationValue.pairwise(PairwiseJudgment(outcome: .right, left: "m1", right: "m2"))
        #expect(win.json() == #"{"winner":"m2","side":"right","left":"m1","right":"m2"}"#)
        let tie = AnnotationValue.pairwise(PairwiseJudgment(outcome: .tie, left: "m2", right: "m1"))
        #expect(tie.json() == #"{"outcome":"tie","left":"m2","right":"m1"}"#)
        for value in [win, tie] {
            #expect(AnnotationValue(json: value.json()) == value)
            #expect(CanonicalValueParser.parse(value.json()) == value)
        }
        #expect(win.labelNames == ["right"])
        #expect(AnnotationValue(json: #"{"winner":"m3","left":"m1","right":"m2"}"#) == nil)
    }

    @Test func consensusCountsJudgmentsByModelWhateverTheSides() {
        let rule = PairwiseKind().consensusRule(labels: ["left", "right", "tie"])
        let seenLeft = AnnotationValue.pairwise(PairwiseJudgment(outcome: .left, left: "m2", right: "m1"))
        let seenRight = AnnotationValue.pairwise(PairwiseJudgment(outcome: .right, left: "m1", right: "m2"))
        let other = AnnotationValue.pairwise(PairwiseJudgment(outcome: .left, left: "m1", right: "m2"))
        let consensus = Consensus(rule: rule, policy: .majority)
        let values = [seenLeft, seenRight, other].map(consensus.normalized)
        #expect(values[0] == values[1])
        guard case .value(.pairwise(let final)) = consensus.combine(values) else {
            Issue.record("expected a judgment")
            return
        }
        #expect(final.winner == "m2" && final.loser == "m1")
        #expect(consensus.combine([values[0], values[2]]) == .leftOut(.tie))
        #expect(rule.stratum(of: values[0]) == rule.stratum(of: values[1]))
    }
}
