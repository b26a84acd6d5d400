import Foundation
import GlossCore
import Testing

@Suite("Ranking values: canonical JSON, reading, checks against the item")
struct RankingValueTests {
    static let value = AnnotationValue.answers(QuestionAnswers(ranking: Ranking(
        groups: [["atlas-7b"], ["cirrus-2", "borealis-13b"]], shown: ["cirrus-2", "atlas-7b", "borealis-13b"])))

    @Test func canonicalJSONSortsEachTieGroupAndKeepsTheShownOrder() throws {
        let json = #"{"ranking":[["atlas-7b"],["borealis-13b","cirrus-2"]],"shown":["cirrus-2","atlas-7b","borealis-13b"]}"#
        #expect(Self.value.json() == json)
        // Byte-stable: read back (by either parser) and written again, the same bytes.
        #expect(AnnotationValue(json: json)?.json() == json)
        #expect(CanonicalValueParser.parse(json)?.json() == json)
        // Other spacing, member order and a group given as a bare name read the same.
        let loose = #"{ "shown": ["cirrus-2","atlas-7b","borealis-13b"], "ranking": ["atlas-7b", ["cirrus-2","borealis-13b"]] }"#
        #expect(AnnotationValue(json: loose) == Self.value)
        // Without the shown order (an import from elsewhere) the member is left out.
        let bare = AnnotationValue.answers(QuestionAnswers(ranking: Ranking(groups: [["b"], ["a"]])))
        #expect(bare.json() == #"{"ranking":[["b"],["a"]]}"#)
    }

    @Test func readingRefusesWhatIsNoRanking() {
        func error(_ json: String) -> String? {
            let object = FoundationJSON.object(Data(json.utf8)) as! [String: Any]
            do { _ = try QuestionAnswers.read(object); return nil } catch { return error.description }
        }
        #expect(error(#"{"ranking":[["a"],["a","b"]]}"#) == #""ranking" names "a" twice"#)
        #expect(error(#"{"ranking":[["a"]]}"#) == #""ranking" ranks 1 response; a ranking has 2 to 9"#)
        #expect(error(#"{"ranking":"a > b"}"#)?.hasPrefix(#""ranking" must be a list of tie groups"#) == true)
        #expect(error(#"{"ranking":[["a"],[]]}"#)?.hasPrefix(#""ranking" must be a list of tie groups"#) == true)
        #expect(error(#"{"ranking":[["a"],[""]]}"#) == #""ranking" has an empty model name"#)
        #expect(error(#"{"ranking":[["a"],["b"]],"shown":["a","c"]}"#)?.hasPrefix(#""shown" must list the models ranked"#) == true)
        #expect(error(#"{"ranking":[["a","b","c","d","e"],["f","g","h","i","j"]]}"#) == #""ranking" ranks 10 responses; a ranking has 2 to 9"#)
    }

    @Test func aRankingIsCheckedAgainstTheItemsResponses() {
        let ranking = Ranking(groups: [["a"], ["b", "c"]])
        #expect(ranking.problem(responses: ["c", "b", "a"]) == nil)
        #expect(ranking.problem(responses: ["a", "b"]) == #""ranking" names "c", which is not a response of the item (its models: a, b)"#)
        #expect(ranking.problem(responses: ["a", "b", "c", "d"]) == #""ranking" leaves out "d"; rank every response of the item"#)
    }

    @Test func pairsRanksAndSummaryFollowTheGroups() throws {
        let ranking = Ranking(groups: [["a"], ["c", "b"], ["d"]])
        #expect(ranking.orderedPairs.map { "\($0.better)>\($0.worse)" } == ["a>b", "a>c", "a>d", "b>d", "c>d"])
        #expect(ranking.midranks(of: ["a", "b", "c", "d"]) == [1, 2.5, 2.5, 4])
        #expect(ranking.midranks(of: ["a", "b", "c"]) == nil)
        #expect(ranking.summary == "a > b = c > d")
        #expect(AnnotationValue.answers(QuestionAnswers(ranking: ranking)).shownSummary == "4 responses ranked")
    }

    @Test func twoRankingsDecideTheSameWhateverOrderTheyWereShownIn() {
        let a = AnnotationValue.answers(QuestionAnswers(ranking: Ranking(groups: [["x"], ["y"]], shown: ["x", "y"])))
        let b = AnnotationValue.answers(QuestionAnswers(ranking: Ranking(groups: [["x"], ["y"]], shown: ["y", "x"])))
        let c = AnnotationValue.answers(QuestionAnswers(ranking: Ranking(groups: [["y"], ["x"]], shown: ["x", "y"])))
        #expect(a.decidesTheSame(as: b) && a.saysTheSame(as: b))
        #expect(!a.decidesTheSame(as: c) && !a.saysTheSame(as: c))
        #expect(NominalValue.key(a) == NominalValue.key(b))
        #expect(NominalValue.key(a) != NominalValue.key(c))
    }
}

@Suite("Ranking guides in lint")
struct RankingGuideLintTests {
    @Test func theSampleGuideLintsCleanWithoutLabels() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../guides/ranking.md")
        let lint = GuideParser.lint(try String(contentsOf: url, encoding: .utf8))
        #expect(lint.isClean && lint.warnings.isEmpty, "\(lint.diagnostics)")
        #expect(lint.guide?.task == .ranking && lint.guide?.labels == [])
    }

    @Test func labelsAndQuestionsAreRefusedAtTheirPositions() {
        let labels = GuideParser.lint("---\nname: R\ntask: ranking\nlabels:\n  - {name: best, key: b}\n---\n# R\n")
        #expect(labels.errors.map { "\($0.position.line):\($0.position.column) \($0.message)" }
                    == ["4:1 a ranking guide has no labels: a digit places the response of that number, = ties the next with the previous"])
        let questions = GuideParser.lint("---\nname: R\ntask: ranking\nquestions:\n  - {id: order, kind: ranking}\n---\n# R\n")
        #expect(questions.errors.map { "\($0.position.line):\($0.position.column)" } == ["4:1"])
        #expect(questions.errors.first?.message.contains("\"questions\" are for pairwise, rating and text guides") == true)
    }
}
