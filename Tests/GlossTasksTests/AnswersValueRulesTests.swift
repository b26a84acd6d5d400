import Foundation
import GlossCore
import GlossTestSupport
import Testing
@testable import GlossTasks

private func shippedGuide(_ name: String) throws -> Guide {
    try #require(GuideParser.lint(try String(contentsOfFile: Samples.guide(name), encoding: .utf8)).guide)
}

private func answers(_ answers: QuestionAnswers) -> AnnotationValue { .answers(answers) }

private let judgment = AnnotationValue.pairwise(PairwiseJudgment(outcome: .left, left: "m1", right: "m2"))
private let ranking = Ranking(groups: [["m1"], ["m2", "m3"]], shown: ["m1", "m2", "m3"])

/// The value rules of the rating, text and ranking kinds share one shape check
/// (`AnswersValueRules`); these pin what each accepts and refuses, with and without a guide.
@Suite("Value rules of the answers kinds: shape, then the guide")
struct AnswersValueRulesTests {
    @Test func ratingsOfTheItemFitAndOtherShapesDoNot() throws {
        let rules = RatingKind().values
        let guide = try shippedGuide("rating.md")
        let rated = answers(QuestionAnswers(ratings: .item(["correctness": 5, "helpfulness": 4, "clarity": 3])))
        #expect(rules.problem(with: rated, labels: [], itemText: nil) == nil)
        #expect(rules.problem(with: rated, guide: guide, itemText: nil) == nil)
        for wrong in [judgment, .label("x"), answers(QuestionAnswers(text: TypedText("t"))),
                      answers(QuestionAnswers(ratings: .responses(["m1": ["correctness": 2]])))] {
            #expect(rules.problem(with: wrong, labels: [], itemText: nil) == .wrongShape)
            #expect(rules.problem(with: wrong, guide: guide, itemText: nil) == .wrongShape)
        }
        // Of the right shape, the guide's checks speak: a point off the criterion's scale.
        let offScale = answers(QuestionAnswers(ratings: .item(["correctness": 5, "helpfulness": 4, "clarity": 4])))
        #expect(rules.problem(with: offScale, labels: [], itemText: nil) == nil)
        #expect(rules.problem(with: offScale, guide: guide, itemText: nil) == .answers("clarity is rated 4 but its scale is 1-3"))
        #expect(rules.stored(offScale) == offScale && rules.referenceAnswer(["a"]) == nil && !rules.checksText)
    }

    @Test func aTextFitsAndTheGuideDecidesWhetherItMustBeACorrection() throws {
        let rules = TextKind().values
        let guide = try shippedGuide("correction.md")
        let corrected = answers(QuestionAnswers(text: .correcting("a b c", model: "borealis-13b", into: "a c")))
        let free = answers(QuestionAnswers(text: TypedText("a c")))
        #expect(rules.problem(with: corrected, guide: guide, itemText: nil) == nil)
        #expect(rules.problem(with: free, labels: [], itemText: nil) == nil)
        #expect(rules.problem(with: free, guide: guide, itemText: nil) != nil)
        for wrong in [judgment, answers(QuestionAnswers(ratings: .item(["clarity": 1]))), answers(QuestionAnswers(ranking: ranking))] {
            #expect(rules.problem(with: wrong, labels: [], itemText: nil) == .wrongShape)
            #expect(rules.problem(with: wrong, guide: guide, itemText: nil) == .wrongShape)
        }
    }

    @Test func aRankingAloneFitsItsGuideAndMustNameTheResponses() throws {
        let rules = RankingKind().values
        let guide = try shippedGuide("ranking.md")
        let ranked = answers(QuestionAnswers(ranking: ranking))
        #expect(rules.problem(with: ranked, labels: [], itemText: nil) == nil)
        // The ranking guide's questions do not refuse the ranking they ask for.
        #expect(rules.problem(with: ranked, guide: guide, itemText: nil) == nil)
        for wrong in [judgment, answers(QuestionAnswers(ratings: .item(["q": 1]), ranking: ranking)),
                      answers(QuestionAnswers(text: TypedText("t")))] {
            #expect(rules.problem(with: wrong, labels: [], itemText: nil) == .wrongShape)
            #expect(rules.problem(with: wrong, guide: guide, itemText: nil) == .wrongShape)
        }
        #expect(rules.checksResponses)
        #expect(rules.problem(with: ranked, responses: ["m1", "m2", "m3"]) == nil)
        #expect(rules.problem(with: ranked, responses: ["m1", "m2"]) != nil)
    }
}
