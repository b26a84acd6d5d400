import GlossCore

/// Another tool's answer on a classify project: exactly one chosen label, or the label a
/// binary "accept" names.
struct ClassifyForeignAnswers: ForeignAnswerRule {
    var placesOffsets: Bool { false }

    func value(of answer: ForeignValue, current: AnnotationValue?) throws(AnnotationLineError) -> AnnotationValue {
        switch answer {
        case .judgment: throw .foreignShape("a pairwise judgment or ratings", task: .classify)
        case .ranking: throw .foreignShape("a ranking", task: .classify)
        case .choices(let names):
            guard names.count == 1 else {
                throw AnnotationLineError(names.isEmpty
                    ? "the answer chooses no label; a classify project needs exactly one"
                    : "the answer chooses \(names.count) labels (\(names.joined(separator: ", "))); a classify project "
                        + "takes one (use a multilabel guide)")
            }
            return .label(names[0])
        case .accepted(let name):
            return .label(name)
        case .spans:
            throw .foreignShape("spans", task: .classify)
        }
    }
}
