import GlossCore

/// Another tool's answer on a multilabel project: the chosen labels as the set, or a binary
/// "accept" added to the annotator's current labels on the item (Prodigy asks one label at a
/// time, so each accept is one more label of the same decision).
struct MultilabelForeignAnswers: ForeignAnswerRule {
    var placesOffsets: Bool { false }

    func value(of answer: ForeignValue, current: AnnotationValue?) throws(AnnotationLineError) -> AnnotationValue {
        switch answer {
        case .judgment: throw .foreignShape("a pairwise judgment or ratings", task: .multilabel)
        case .ranking: throw .foreignShape("a ranking", task: .multilabel)
        case .choices(let names):
            return .labels(names)
        case .accepted(let name):
            guard case .labels(let names)? = current else { return .labels([name]) }
            return .labels(names.contains(name) ? names : names + [name])
        case .spans:
            throw .foreignShape("spans", task: .multilabel)
        }
    }
}
