import GlossCore

/// Another tool's answers on a pairwise project: a judgment (Label Studio's Pairwise result,
/// Argilla's ranking of two responses) with the models on each side, and ratings of each
/// response, which make a `QuestionAnswers` value (the guide then checks its questions).
/// Choices, accepts and spans name no models and are refused with what they have.
struct PairwiseForeignAnswers: ForeignAnswerRule {
    var placesOffsets: Bool { false }

    func value(of answer: ForeignValue, current: AnnotationValue?) throws(AnnotationLineError) -> AnnotationValue {
        switch answer {
        case .judgment(let found):
            guard let left = found.left, let right = found.right else {
                throw AnnotationLineError("the answer rates an item without two responses; a pairwise project judges two")
            }
            guard let outcome = found.outcome else {
                throw AnnotationLineError("the answer has ratings but no judgment of the two responses (\(left), \(right))")
            }
            guard left != right else { throw AnnotationLineError("both sides show the model \"\(left)\"") }
            let judgment = PairwiseJudgment(outcome: outcome, left: left, right: right)
            guard let ratings = found.ratings else { return .pairwise(judgment) }
            return .answers(QuestionAnswers(pairwise: judgment, ratings: ratings))
        case .choices: throw .foreignShape("choices", task: .pairwise)
        case .accepted: throw .foreignShape("an accept or reject", task: .pairwise)
        case .spans: throw .foreignShape("spans", task: .pairwise)
        case .ranking: throw .foreignShape("a ranking", task: .pairwise)
        }
    }
}
