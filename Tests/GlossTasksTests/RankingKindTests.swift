import GlossCore
import GlossTerminal
import GlossTUI
import Testing
@testable import GlossTasks

private let guide = Guide(name: "r", task: .ranking, labels: [], instructions: nil, body: "", bodyLine: 1, text: "")

private let parts = ItemParts(prompt: .text("Name a prime."),
                              responses: ["m1", "m2", "m3", "m4"].map { ItemResponse(model: $0, text: "answer of \($0)") })

private func item(_ id: String = "k1", parts: ItemParts? = parts, existing: AnnotationValue? = nil) -> LabelerItem {
    LabelerItem(rowID: 1, externalID: id, text: parts?.flattened ?? "plain",
                existing: existing.map { ExistingDecision(annotationID: 9, kind: .label, value: $0) }, parts: parts)
}

private func answer(_ item: LabelerItem, annotator: String = "ana") throws -> RankingAnswer {
    try #require(RankingKind().answer.restarted(for: item, guide: guide, annotator: annotator) as? RankingAnswer)
}

private func ranked(_ groups: [[String]], shown: [String]) -> AnswerStep {
    .save(.answers(QuestionAnswers(ranking: Ranking(groups: groups, shown: shown))))
}

@Suite("The ranking kind: shown order, keys, consensus, agreement")
struct RankingKindTests {
    @Test func theShownOrderIsDrawnPerItemAndAnnotatorAndStable() throws {
        let models = ["m1", "m2", "m3", "m4"]
        let first = RankingOrder.shown(models: models, itemID: "k1", annotator: "ana")
        #expect(Set(first) == Set(models) && first.count == 4)
        for _ in 0..<3 { #expect(RankingOrder.shown(models: models, itemID: "k1", annotator: "ana") == first) }
        let byItem = Set((0..<60).map { RankingOrder.shown(models: models, itemID: "k\($0)", annotator: "ana") })
        let byAnnotator = Set((0..<60).map { RankingOrder.shown(models: models, itemID: "k1", annotator: "a\($0)") })
        #expect(byItem.count > 10 && byAnnotator.count > 10)
        // Each model comes first about as often as the others.
        let firsts = (0..<400).map { RankingOrder.shown(models: models, itemID: "i\($0)", annotator: "bo")[0] }
        for model in models { #expect((60...140).contains(firsts.filter { $0 == model }.count)) }
        #expect(try answer(item()).draft?.shown == first)
        // An item already ranked keeps the order it was ranked in.
        let old = AnnotationValue.answers(QuestionAnswers(ranking: Ranking(groups: [["m4"], ["m3", "m2", "m1"]],
                                                                          shown: ["m4", "m3", "m2", "m1"])))
        #expect(try answer(item(existing: old)).draft?.shown == ["m4", "m3", "m2", "m1"])
    }

    @Test func digitsPlaceBestFirstAndTheLastIsImplied() throws {
        var current = try answer(item())
        let shown = try #require(current.draft?.shown)
        #expect(current.key(.character("2"), on: item()) == .status(StatusLine("ranked 2 · 3 left; Enter ties them for last")))
        #expect(current.key(.character("2"), on: item())
                    == .status(StatusLine("2 is ranked already (place 1); Backspace takes back the last one", isError: true)))
        #expect(current.key(.character("5"), on: item()) == .status(StatusLine("there are 4 responses: press 1-4", isError: true)))
        _ = current.key(.character("4"), on: item())
        #expect(current.key(.character("1"), on: item()) == ranked([[shown[1]], [shown[3]], [shown[0]], [shown[2]]], shown: shown))
        // A save the screen could not make is made again by the same key.
        #expect(current.key(.character("1"), on: item()) == ranked([[shown[1]], [shown[3]], [shown[0]], [shown[2]]], shown: shown))
    }

    @Test func theTieKeyJoinsTheNextToThePreviousAndBackspaceTakesBack() throws {
        var current = try answer(item())
        let shown = try #require(current.draft?.shown)
        #expect(current.key(.character("="), on: item())
                    == .status(StatusLine("= ties the next response with the one before it: place the best first", isError: true)))
        _ = current.key(.character("3"), on: item())
        _ = current.key(.character("="), on: item())
        #expect(current.draft?.text == "3 =")
        #expect(current.stepBack() == .status(StatusLine("back to: ranked 3")))  // the tie key taken back
        _ = current.key(.character("="), on: item())
        _ = current.key(.character("1"), on: item())
        #expect(current.draft?.text == "3 = 1")
        #expect(current.detail(guide: guide).map(\.text).joined() == "ranked so far: 3 = 1 · 2 left")
        // 3 = 1 > 4, then 2 implied.
        #expect(current.key(.character("4"), on: item())
                    == ranked([[shown[2], shown[0]], [shown[3]], [shown[1]]], shown: shown))
        #expect(current.stepBack() == .status(StatusLine("back to: ranked 3")))
        _ = current.key(.character("="), on: item())
        _ = current.key(.character("1"), on: item())
        // 3 = 1 > 2, then 4 implied.
        #expect(current.key(.character("2"), on: item())
                    == ranked([[shown[2], shown[0]], [shown[1]], [shown[3]]], shown: shown))
        var emptied = try answer(item())
        #expect(emptied.stepBack() == nil)  // nothing placed: Backspace undoes the last decision
    }

    @Test func enterTiesTheRestForLastOrKeepsTheCurrentRanking() throws {
        var current = try answer(item())
        let shown = try #require(current.draft?.shown)
        #expect(current.submit(item(), guide: guide)
                    == .status(StatusLine("press the numbers of the responses, best first (1-4)")))
        _ = current.key(.character("4"), on: item())
        #expect(current.submit(item(), guide: guide) == ranked([[shown[3]], [shown[0], shown[1], shown[2]]], shown: shown))
        _ = current.key(.character("="), on: item())
        #expect(current.submit(item(), guide: guide) == ranked([shown], shown: shown))
        let old = AnnotationValue.answers(QuestionAnswers(ranking: Ranking(groups: [["m1"], ["m2", "m3", "m4"]], shown: shown)))
        #expect(try answer(item(existing: old)).submit(item(existing: old), guide: guide) == .save(old))
    }

    @Test func anItemWithoutTwoToNineResponsesCannotBeRanked() throws {
        let many = ItemParts(prompt: .text("?"), responses: (1...10).map { ItemResponse(model: "m\($0)", text: "t") })
        var current = try answer(item(parts: many))
        #expect(current.draft == nil)
        guard case .status(let line)? = current.key(.character("1"), on: item(parts: many)) else { Issue.record(); return }
        #expect(line.isError && line.text.contains("has 10 responses; a ranking orders 2 to 9"))
        #expect(try answer(item(parts: nil)).draft == nil)
    }

    @Test func theItemPaneNumbersTheResponsesInTheOrderShownAndMarksTheirPlace() throws {
        var current = try answer(item())
        let shown = try #require(current.draft?.shown)
        _ = current.key(.character("2"), on: item())
        let lines = try #require(current.itemBody(item(), guide: guide, width: 60)).map { $0.runs.map(\.text).joined() }
        let headings = lines.filter { $0.hasPrefix(" RESPONSE") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(headings == ["RESPONSE 1 · key 1", "RESPONSE 2 · key 2 · ranked #1", "RESPONSE 3 · key 3", "RESPONSE 4 · key 4"])
        #expect(lines.firstIndex { $0.contains("answer of \(shown[1])") }! > lines.firstIndex { $0.contains("RESPONSE 2") }!)
        #expect(current.barLabels(guide: guide)?.map { "\($0.key!) \($0.name)" } == ["1 ", "2 #1", "3 ", "4 ", "= tie"])
        #expect(current.guideFocus(guide: guide)?.contains("**Ranked so far:** `2`") == true)
    }

    @Test func consensusIsTheMeanRankTiesKept() {
        let rule = RankingKind().consensusRule(labels: [])
        func value(_ groups: [[String]], shown: [String] = []) -> AnnotationValue {
            .answers(QuestionAnswers(ranking: Ranking(groups: groups, shown: shown)))
        }
        let a = rule.normalized(value([["x"], ["y"], ["z"]], shown: ["z", "y", "x"]))
        #expect(a == value([["x"], ["y"], ["z"]]))  // the order shown is not what was decided
        // Mean ranks: x (1 + 2) / 2, y (2 + 1) / 2, z 3: x and y tie at the top.
        #expect(rule.combine([a, value([["y"], ["x"], ["z"]])], policy: .majority) == .value(value([["x", "y"], ["z"]])))
        // x 1, 1, 2.5 → 4.5; y 2, 3, 2.5 → 7.5; z 3, 2, 1 → 6.
        #expect(rule.combine([a, value([["x"], ["z"], ["y"]]), value([["z"], ["x", "y"]])], policy: .any)
                    == .value(value([["x"], ["z"], ["y"]])))
        #expect(rule.combine([a, value([["y"], ["x"], ["z"]])], policy: .unanimous) == .leftOut(.notUnanimous))
        #expect(rule.stratum(of: value([["x", "y"], ["z"]])) == "top:x+y")
    }

    @Test func agreementGivesTauPerPairAndWOverTheUnits() throws {
        let measure = RankingKind().agreement
        func value(_ groups: [[String]], judge: Int) -> AgreementValue {
            AgreementValue(value: .answers(QuestionAnswers(ranking: Ranking(groups: groups))), category: 0, judge: judge)
        }
        let pair = measure.pairTally()
        pair.add(value([["a"], ["b"], ["c"]], judge: 0), value([["a"], ["c"], ["b"]], judge: 1), itemText: "")
        pair.add(value([["a"], ["b"], ["c"]], judge: 0), value([["a"], ["b"], ["c"]], judge: 1), itemText: "")
        var figures = PairAgreement(other: "bo", items: 2, percent: 0.5, cohensKappa: nil, perLabel: nil, spans: nil)
        pair.fill(&figures)
        // τ-b is 1/3 on the first item (two of three pairs concordant) and 1 on the second.
        #expect(abs((figures.figures?.first?.value ?? 0) - 2.0 / 3) < 1e-12)
        let units = try #require(measure.unitTally())
        units.add([value([["a"], ["b"], ["c"]], judge: 0), value([["a"], ["c"], ["b"]], judge: 1)], itemText: "")
        var project = ProjectAgreement(items: 1, krippendorffAlpha: nil, fleissKappa: nil, percent: nil, perLabel: [], lowestLabel: nil)
        units.fill(&project)
        // W of two judges is (1 + ρ) / 2 with Spearman's ρ = 0.5 here.
        #expect(project.figures?.map(\.name) == ["kendall_w", "mean_pairwise_tau"])
        #expect(abs((project.figures?[0].value ?? 0) - 0.75) < 1e-12)
        #expect(abs((project.figures?[1].value ?? 0) - 1.0 / 3) < 1e-12)
    }
}
