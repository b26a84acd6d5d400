import Foundation
import GlossCore
import Testing

/// A pairwise guide's front matter with `questions` (the YAML after `labels`), then a body.
private func combined(_ questions: String, outcomeKey: String = "f") -> String {
    """
    ---
    name: judge
    task: pairwise
    labels:
      - {name: left, key: "\(outcomeKey)", description: the left one}
      - {name: right, key: j, description: the right one}
    questions:
    \(questions)
    ---
    body

    """
}

@Suite("Guides with questions: combined judging guides and rating guides")
struct GuideQuestionsTests {
    @Test func theSampleGuidesReadCleanWithTheirQuestions() throws {
        let preference = GuideParser.lint(try String(contentsOf: Fixture.repository("guides/preference.md"), encoding: .utf8))
        #expect(preference.diagnostics.isEmpty)
        let guide = try #require(preference.guide)
        #expect(guide.task == .pairwise)
        #expect(guide.askedQuestions.map(\.id) == ["winner", "quality"])
        #expect(guide.askedQuestions[1].perResponse)
        #expect(guide.criterion(named: "quality")?.scale == 5)
        #expect(guide.criterion(named: "quality")?.anchors[1] == "wrong, unsafe or off-topic")
        let rating = GuideParser.lint(try String(contentsOf: Fixture.repository("guides/rating.md"), encoding: .utf8))
        #expect(rating.diagnostics.isEmpty)
        let ratingGuide = try #require(rating.guide)
        #expect(ratingGuide.task == .rating && ratingGuide.labels.isEmpty)
        #expect(ratingGuide.askedQuestions.flatMap(\.criteria).map(\.name) == ["correctness", "helpfulness", "clarity"])
        // A pairwise guide without questions asks its one judgment.
        let plain = GuideParser.lint(try String(contentsOf: Fixture.url("pairwise-only.md"), encoding: .utf8)).guide
        #expect(plain?.askedQuestions == [GuideQuestion(id: "winner", kind: .pairwise)])
        #expect(plain?.asksSeveralQuestions == false)
    }

    /// Each broken guide and the error it must produce, at the position of the fault.
    static let broken: [(text: String, line: Int, column: Int, message: String)] = [
        (combined("""
              - {id: winner, kind: pairwise}
              - id: quality
                kind: rating
                criteria: [{name: quality, scale: 10}]
            """), 11, 39, "the scale of \"quality\" is 10; a scale has 2 to 9 points"),
        (combined("""
              - {id: winner, kind: pairwise}
              - id: quality
                kind: rating
                criteria: [{name: quality, scale: 5, anchors: {1: bad, 7: great}}]
            """), 11, 60, "the anchor 7 of \"quality\" is not a point of its scale 1-5"),
        (combined("""
              - {id: winner, kind: pairwise}
              - {id: note, kind: essay}
            """), 9, 22, "unknown question kind \"essay\""),
        (combined("""
              - {id: winner, kind: pairwise}
              - {id: order, kind: ranking}
            """), 9, 23, "a ranking is a guide of its own (task: ranking), not a question"),
        (combined("""
              - {id: winner, kind: pairwise}
              - id: quality
                kind: rating
                criteria: [{name: quality, scale: 5}, {name: quality, scale: 3}]
            """), 11, 50, "the criterion \"quality\" appears twice in \"quality\""),
        (combined("""
              - {id: winner, kind: pairwise}
              - id: quality
                kind: rating
                criteria: [{name: quality, scale: 5}]
            """, outcomeKey: "3"), 5, 23, "the key '3' of \"left\" is a rating's digit in this guide"),
        (combined("""
              - id: quality
                kind: rating
                criteria: [{name: quality, scale: 5}]
            """), 8, 3, "a pairwise guide's questions need one question of kind pairwise"),
        (combined("""
              - {id: winner, kind: pairwise}
              - id: quality
                kind: rating
                per: each
                criteria: [{name: quality, scale: 5}]
            """), 11, 10, "\"per\" is response"),
        ("""
            ---
            name: r
            task: rating
            criteria:
              - {name: quality, scale: 5}
            labels:
              - {name: good, key: g, description: good}
            ---
            """, 6, 1, "a rating guide has criteria, not labels"),
        ("""
            ---
            name: r
            task: rating
            questions:
              - {id: q, kind: rating, per: response, criteria: [{name: quality, scale: 5}]}
            ---
            """, 5, 32, "per: response needs the two responses on screen"),
    ]

    @Test(arguments: broken.indices)
    func brokenGuidesAreFoundAtTheirFault(_ index: Int) {
        let case_ = Self.broken[index]
        let lint = GuideParser.lint(case_.text)
        #expect(lint.guide == nil)
        let error = lint.errors.first { $0.message.contains(case_.message) }
        #expect(error != nil, "\(lint.errors.map(\.description))")
        #expect(error?.position == SourcePosition(line: case_.line, column: case_.column),
                "\(error?.description ?? "")")
    }

    @Test func answersRoundTripThroughTheirCanonicalJSON() throws {
        let combined = AnnotationValue.answers(QuestionAnswers(
            pairwise: PairwiseJudgment(outcome: .right, left: "borealis-13b", right: "atlas-7b"),
            ratings: .responses(["borealis-13b": ["quality": 2], "atlas-7b": ["quality": 4]])))
        let json = combined.json()
        #expect(json == #"{"pairwise":{"winner":"atlas-7b","side":"right","left":"borealis-13b","right":"atlas-7b"},"ratings":{"atlas-7b":{"quality":4},"borealis-13b":{"quality":2}}}"#)
        #expect(AnnotationValue(json: json) == combined)
        #expect(CanonicalValueParser.parse(json) == combined)
        let rating = AnnotationValue.answers(QuestionAnswers(ratings: .item(["correctness": 5, "clarity": 3])))
        #expect(rating.json() == #"{"ratings":{"clarity":3,"correctness":5}}"#)
        #expect(AnnotationValue(json: rating.json()) == rating)
        #expect(combined.summary == "winner atlas-7b · atlas-7b quality 4, borealis-13b quality 2")
        #expect(combined.shownSummary == "right · 2 ratings")
        #expect(AnnotationValue(json: #"{"ratings":{"quality":12}}"#) == nil)
        #expect(AnnotationValue(json: #"{"ratings":{"m1":{"quality":3},"clarity":2}}"#) == nil)
    }
}
