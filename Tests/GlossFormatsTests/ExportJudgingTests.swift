import GlossCore
import Testing
@testable import GlossFormats

/// `label-studio` and `hf` for the judging kinds, to the byte.
@Suite("label-studio and hf exports of pairwise and rating projects")
struct ExportJudgingTests {
    /// q1 with three judges: ana saw m1 on the left and preferred it; bo saw m2 on the left
    /// and preferred m1 (the task's left, as its sides are the models in name order); cy said tie.
    static func judgedByThree() -> ExportRecord {
        var record = ExportFixtures.judgedAndRated()[0]
        func judged(_ outcome: PairwiseJudgment.Outcome, _ left: String, _ right: String, _ m1: Int, _ m2: Int) -> AnnotationValue {
            .answers(QuestionAnswers(pairwise: PairwiseJudgment(outcome: outcome, left: left, right: right),
                                     ratings: .responses(["m1": ["quality": m1], "m2": ["quality": m2]])))
        }
        record.decisions = [
            ExportDecision(annotator: "ana", kind: .label, value: judged(.left, "m1", "m2", 5, 1),
                           decidedAt: "2026-12-01 09:00:00.000", activeMilliseconds: 4200),
            ExportDecision(annotator: "bo", kind: .label, value: judged(.right, "m2", "m1", 4, 2),
                           decidedAt: "2026-12-01 09:01:00.000"),
            ExportDecision(annotator: "cy", kind: .label, value: .pairwise(PairwiseJudgment(outcome: .tie, left: "m2", right: "m1")),
                           decidedAt: "2026-12-01 09:02:00.000"),
        ]
        return record
    }

    @Test func pairwiseTasksHaveTheirPairAndPairwiseChoiceAndRatingResults() throws {
        let sink = try ExportFixtures.export(.labelStudio, ExportFixtures.context(.pairwise), [Self.judgedByThree()])
        let task = #"{"id":1,"data":{"text":"2+2?\n\n[m1]\n4\n\n[m2]\nfive","id":"q1","prompt":"2+2?","model_a":"m1","response_a":"4","model_b":"m2","response_b":"five"},"annotations":["#
            + #"{"result":[{"id":"1_1_1","from_name":"pairwise","to_name":"response_a","type":"pairwise","value":{"selected":"left"}},"#
            + #"{"id":"1_1_2","from_name":"quality_a","to_name":"response_a","type":"rating","value":{"rating":5}},"#
            + #"{"id":"1_1_3","from_name":"quality_b","to_name":"response_b","type":"rating","value":{"rating":1}}],"#
            + #""was_cancelled":false,"completed_by":{"email":"ana"},"lead_time":4.200,"created_at":"2026-12-01T09:00:00.000Z"},"#
            + #"{"result":[{"id":"1_2_1","from_name":"pairwise","to_name":"response_a","type":"pairwise","value":{"selected":"left"}},"#
            + #"{"id":"1_2_2","from_name":"quality_a","to_name":"response_a","type":"rating","value":{"rating":4}},"#
            + #"{"id":"1_2_3","from_name":"quality_b","to_name":"response_b","type":"rating","value":{"rating":2}}],"#
            + #""was_cancelled":false,"completed_by":{"email":"bo"},"created_at":"2026-12-01T09:01:00.000Z"},"#
            + #"{"result":[{"id":"1_3_1","from_name":"outcome","to_name":"prompt","type":"choices","value":{"choices":["tie"]}}],"#
            + #""was_cancelled":false,"completed_by":{"email":"cy"},"created_at":"2026-12-01T09:02:00.000Z"}]}"#
        #expect(sink.text("tasks.json") == "[\n" + task + "\n]\n")
    }

    @Test func aJudgmentOfAnotherPairIsLeftOutAndAnItemWithoutPartsStops() throws {
        var record = Self.judgedByThree()
        record.decisions = [ExportDecision(annotator: "dee", kind: .label,
                                           value: .pairwise(PairwiseJudgment(outcome: .left, left: "m1", right: "m3")),
                                           decidedAt: "2026-12-01 09:03:00.000")]
        let sink = try ExportFixtures.export(.labelStudio, ExportFixtures.context(.pairwise), [record])
        #expect(sink.text("tasks.json")?.contains(#""annotations":[]}"#) == true)
        record.partsJSON = nil
        #expect(throws: ExportWriterError.self) {
            try ExportFixtures.export(.labelStudio, ExportFixtures.context(.pairwise), [record])
        }
    }

    @Test func ratingTasksHaveOneRatingResultPerCriterion() throws {
        var record = ExportFixtures.rating()[0]
        record.decisions = [ExportDecision(annotator: "ana", kind: .label, value: record.value, decidedAt: "2026-12-01 09:00:00.000")]
        let sink = try ExportFixtures.export(.labelStudio, ExportFixtures.context(.rating), [record])
        #expect(sink.text("tasks.json") == "[\n"
            + #"{"id":1,"data":{"text":"Q: 2+2? A: 4","id":"r1"},"annotations":[{"result":["#
            + #"{"id":"1_1_1","from_name":"clarity","to_name":"text","type":"rating","value":{"rating":3}},"#
            + #"{"id":"1_1_2","from_name":"correctness","to_name":"text","type":"rating","value":{"rating":5}}],"#
            + #""was_cancelled":false,"completed_by":{"email":"ana"},"created_at":"2026-12-01T09:00:00.000Z"}]}"#
            + "\n]\n")
    }

    @Test func huggingFaceRowsAndCardDeclareThePartsJudgmentAndRatings() throws {
        let sink = try ExportFixtures.export(.hf, ExportFixtures.context(.pairwise), ExportFixtures.judgedAndRated())
        let lines = (sink.text("train.jsonl") ?? "").split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first.map(String.init) == #"{"id":"q1","text":"2+2?\n\n[m1]\n4\n\n[m2]\nfive","prompt":"2+2?","messages":[],"#
            + #""responses":[{"model":"m1","text":"4"},{"model":"m2","text":"five"}],"outcome":"win","winner":"m1","models":["m1","m2"],"#
            + #""ratings":[{"model":"m1","criterion":"quality","rating":5},{"model":"m2","criterion":"quality","rating":1}]}"#)
        #expect(lines[1].contains(#""prompt":"user: 안녕?","messages":[{"role":"user","content":"안녕?"}]"#))
        let card = try #require(sink.text("README.md"))
        #expect(card.contains("""
              - name: text
                dtype: string
              - name: prompt
                dtype: string
              - name: messages
                list:
                - name: role
                  dtype: string
                - name: content
                  dtype: string
              - name: responses
                list:
                - name: model
                  dtype: string
                - name: text
                  dtype: string
              - name: outcome
                dtype: string
              - name: winner
                dtype: string
              - name: models
                sequence: string
              - name: ratings
                list:
                - name: model
                  dtype: string
                - name: criterion
                  dtype: string
                - name: rating
                  dtype: int32
            ---
            """))
        // A judgment without ratings has an empty list, so every row has the declared columns.
        let plain = try ExportFixtures.export(.hf, ExportFixtures.context(.pairwise), ExportFixtures.pairwise())
        #expect(plain.text("train.jsonl")?.split(separator: "\n").allSatisfy { $0.hasSuffix(#","ratings":[]}"#) } == true)

        let ratings = try ExportFixtures.export(.hf, ExportFixtures.context(.rating), ExportFixtures.rating())
        #expect(ratings.text("train.jsonl")?.hasPrefix(#"{"id":"r1","text":"Q: 2+2? A: 4","prompt":"","messages":[],"responses":[],"#
            + #""ratings":[{"criterion":"clarity","rating":3},{"criterion":"correctness","rating":5}]}"#) == true)
        #expect(ratings.text("README.md")?.contains("  - name: ratings\n    list:\n    - name: criterion\n      dtype: string\n"
            + "    - name: rating\n      dtype: int32\n---\n") == true)
    }
}
