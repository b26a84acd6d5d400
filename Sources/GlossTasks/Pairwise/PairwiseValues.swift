import GlossCore

/// Pairwise values: a judgment whose outcome is one of the guide's labels and whose two
/// models differ. Reference labels give no judgment.
struct PairwiseValues: ValueRules {
    var field: String { "winner" }
    var checksText: Bool { false }

    func problem(with value: AnnotationValue, labels: Set<String>, itemText: String?) -> ValueProblem? {
        guard case .pairwise(let judgment) = value, judgment.left != judgment.right else { return .wrongShape }
        return LabelValueChecks.unknownLabel(in: value, labels: labels)
    }

    /// A judgment alone fits a guide that asks only it; a guide with rating questions takes
    /// answers (`AnswerChecks`) and a judgment alone only when its ratings are optional.
    func problem(with value: AnnotationValue, guide: Guide, itemText: String?) -> ValueProblem? {
        switch value {
        case .pairwise(let judgment):
            if guide.asksSeveralQuestions {
                return AnswerChecks.problem(QuestionAnswers(pairwise: judgment), guide: guide)
            }
            return problem(with: value, labels: Set(guide.labels.map(\.name)), itemText: itemText)
        case .answers(let answers):
            guard guide.asksSeveralQuestions else {
                return .answers("the guide asks only for the judgment; give \"winner\" or \"outcome\" with \"left\" and \"right\"")
            }
            return AnswerChecks.problem(answers, guide: guide)
        default:
            return .wrongShape
        }
    }

    func stored(_ value: AnnotationValue) -> AnnotationValue { value }

    func referenceAnswer(_ labels: [String]) -> AnnotationValue? { nil }
}
