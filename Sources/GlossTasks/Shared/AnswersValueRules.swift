import GlossCore

/// Value rules of a kind whose values are `QuestionAnswers` of one shape (rating, text,
/// ranking): the shape check and the guide check every such kind repeated, written once.
/// A kind says which answers have its shape; values of another shape are `.wrongShape`,
/// and answers of its shape are checked against the guide's questions (`AnswerChecks`).
protocol AnswersValueRules: ValueRules {
    /// Whether `answers` have the kind's shape (the members it must hold and must not).
    func fits(_ answers: QuestionAnswers) -> Bool
    /// Why answers of the kind's shape do not fit `guide`; nil when they fit.
    func problem(with answers: QuestionAnswers, guide: Guide) -> ValueProblem?
}

extension AnswersValueRules {
    var checksText: Bool { false }

    func problem(with value: AnnotationValue, labels: Set<String>, itemText: String?) -> ValueProblem? {
        guard case .answers(let answers) = value, fits(answers) else { return .wrongShape }
        return nil
    }

    func problem(with value: AnnotationValue, guide: Guide, itemText: String?) -> ValueProblem? {
        guard case .answers(let answers) = value, fits(answers) else { return .wrongShape }
        return problem(with: answers, guide: guide)
    }

    func problem(with answers: QuestionAnswers, guide: Guide) -> ValueProblem? {
        AnswerChecks.problem(answers, guide: guide)
    }

    func stored(_ value: AnnotationValue) -> AnnotationValue { value }
    func referenceAnswer(_ labels: [String]) -> AnnotationValue? { nil }
}
