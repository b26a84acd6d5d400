import GlossCore

/// Another tool's answer on a spans project: its spans (offsets into the item's text), or an
/// empty result, which says the text has no entity.
struct SpansForeignAnswers: ForeignAnswerRule {
    var placesOffsets: Bool { true }

    func value(of answer: ForeignValue, current: AnnotationValue?) throws(AnnotationLineError) -> AnnotationValue {
        switch answer {
        case .judgment: throw .foreignShape("a pairwise judgment or ratings", task: .spans)
        case .ranking: throw .foreignShape("a ranking", task: .spans)
        case .spans(let spans):
            return .spans(spans)
        case .choices(let names) where names.isEmpty:
            return .spans([])
        case .choices, .accepted:
            throw .foreignShape("labels for the whole text", task: .spans)
        }
    }
}
