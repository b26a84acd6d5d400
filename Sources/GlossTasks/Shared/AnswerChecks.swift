import GlossCore

/// Checks of `QuestionAnswers` against a guide's questions: the judgment's outcome is one of
/// its labels, each rating names a criterion of the guide and lies on its scale, ratings of
/// responses name the two models judged, a text is a correction exactly when the guide's
/// text question corrects, and every question that is not optional is answered.
enum AnswerChecks {
    static func problem(_ answers: QuestionAnswers, guide: Guide) -> ValueProblem? {
        if let problem = textProblem(answers.text, guide: guide) { return problem }
        let questions = guide.askedQuestions
        let ratingQuestions = questions.filter { $0.kind == .rating }
        let asksJudgment = questions.contains { $0.kind == .pairwise }
        if answers.ranking != nil { return .answers("the guide asks for no ranking; rankings belong to ranking projects") }
        if let judgment = answers.pairwise {
            guard asksJudgment else { return .answers("the guide asks no pairwise question; leave \"pairwise\" out") }
            guard judgment.left != judgment.right else { return .wrongShape }
            if guide.label(named: judgment.outcome.rawValue) == nil { return .unknownLabel(judgment.outcome.rawValue) }
        } else if asksJudgment {
            return .answers("the guide's pairwise question is not optional; give \"pairwise\" with the judgment")
        }
        guard let ratings = answers.ratings else {
            if ratingQuestions.contains(where: { !$0.optional }) {
                return .answers("the guide's rating questions are not optional; give \"ratings\"")
            }
            return nil
        }
        guard let first = ratingQuestions.first else { return .answers("the guide asks for no ratings") }
        let criteria = ratingQuestions.flatMap(\.criteria)
        switch ratings {
        case .item where first.perResponse:
            return .answers("the guide rates each response: give \"ratings\" as {\"MODEL\": {\"CRITERION\": n}}")
        case .responses where !first.perResponse:
            return .answers("the guide rates the item: give \"ratings\" as {\"CRITERION\": n}")
        default:
            break
        }
        for rating in ratings.all {
            guard let criterion = criteria.first(where: { $0.name == rating.criterion }) else {
                return .answers("\"\(rating.criterion)\" is not a criterion of the guide; the criteria are "
                                + criteria.map(\.name).joined(separator: ", "))
            }
            guard rating.point <= criterion.scale else {
                return .answers("\(rating.criterion) is rated \(rating.point) but its scale is 1-\(criterion.scale)")
            }
            if let model = rating.model, let judgment = answers.pairwise, model != judgment.left, model != judgment.right {
                return .answers("the ratings name \"\(model)\", which is neither model judged (\(judgment.left), \(judgment.right))")
            }
        }
        return nil
    }

    /// The text answer against the guide's text question.
    static func textProblem(_ text: TypedText?, guide: Guide) -> ValueProblem? {
        guard let question = guide.textQuestion else {
            return text == nil ? nil : .answers("the guide asks no text question; leave \"text\" out")
        }
        guard let text else {
            return question.optional ? nil : .answers("the guide's text question is not optional; give \"text\"")
        }
        if text.text.isEmpty { return .answers("\"text\" is empty; leave it out when the question is optional") }
        switch (question.text.corrects, text.correction) {
        case (true, nil): return .answers("the guide asks for a correction: give \"corrects\" and \"diff\" with \"text\"")
        case (false, _?): return .answers("the guide asks for a free text, not a correction: give \"text\" alone")
        case (true, let correction?):
            if let model = question.text.model, correction.model != model {
                return .answers("the guide corrects the response of \"\(model)\", not of \"\(correction.model ?? "the item")\"")
            }
        case (false, nil): break
        }
        return nil
    }
}
