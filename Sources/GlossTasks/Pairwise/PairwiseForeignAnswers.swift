import GlossCore

/// Another tool's answers on a pairwise project: none of the shapes Gloss reads from Label
/// Studio, Prodigy or doccano (choices, accept, spans) names two models, so each is refused
/// with what it has.
struct PairwiseForeignAnswers: ForeignAnswerRule {
    var placesOffsets: Bool { false }

    func value(of answer: ForeignValue, current: AnnotationValue?) throws(AnnotationLineError) -> AnnotationValue {
        switch answer {
        case .choices: throw .foreignShape("choices", task: .pairwise)
        case .accepted: throw .foreignShape("an accept or reject", task: .pairwise)
        case .spans: throw .foreignShape("spans", task: .pairwise)
        }
    }
}
