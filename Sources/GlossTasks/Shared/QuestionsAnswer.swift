import GlossCore
import GlossTerminal
import GlossTUI

/// A guide's questions on the labeling screen, asked in order with one key each: the
/// pairwise outcome key for a judgment, a digit for a rating point (per response, the left
/// one first, then the right one; ratings are stored by model, never by side). The screen
/// says which question is current and what is answered so far; Backspace steps back one
/// question; Enter skips an optional question. The item's decision is saved once, when the
/// last question is answered, as one `QuestionAnswers` value. Used by a pairwise guide with
/// `questions:` and by every rating guide.
struct QuestionsAnswer: TaskAnswer, Equatable {
    /// One key's question: the judgment, or one criterion of one subject.
    enum Step: Equatable {
        case pairwise
        case rating(question: Int, criterion: RatingCriterion, model: String?, side: PairwiseJudgment.Outcome?)
        case text(question: Int)
    }

    /// What one step got.
    enum Given: Equatable {
        case outcome(PairwiseJudgment.Outcome)
        case point(Int)
        case text(String)
        case skipped
    }

    var annotator = ""
    var left: String?
    var right: String?
    var diff = false
    var questions: [GuideQuestion] = []
    var steps: [Step] = []
    var given: [Given] = []
    var text = TextState()

    var composesInSteps: Bool { true }

    func restarted(for item: LabelerItem?, guide: Guide) -> any TaskAnswer {
        restarted(for: item, guide: guide, annotator: annotator)
    }

    func restarted(for item: LabelerItem?, guide: Guide, annotator: String) -> any TaskAnswer {
        if guide.task == .pairwise && !guide.asksSeveralQuestions {
            return PairwiseAnswer(annotator: annotator, diff: diff).restarted(for: item, guide: guide, annotator: annotator)
        }
        var next = QuestionsAnswer(annotator: annotator, diff: diff, questions: guide.askedQuestions)
        if guide.task == .pairwise, let sides = PairwiseAnswer.sides(for: item, annotator: annotator) {
            (next.left, next.right) = sides
        }
        next.outcomeKeys = guide.labels.compactMap { label in label.key.map { "\($0) \(label.name)" } }.joined(separator: " · ")
        next.steps = Self.steps(next.questions, left: next.left, right: next.right)
        next.prepareText(for: item, guide: guide)
        return next
    }

    static func steps(_ questions: [GuideQuestion], left: String?, right: String?) -> [Step] {
        var steps: [Step] = []
        for (index, question) in questions.enumerated() {
            switch question.kind {
            case .pairwise:
                steps.append(.pairwise)
            case .rating where question.perResponse:
                for (model, side) in [(left, PairwiseJudgment.Outcome.left), (right, .right)] {
                    guard let model else { continue }
                    steps += question.criteria.map { .rating(question: index, criterion: $0, model: model, side: side) }
                }
            case .rating:
                steps += question.criteria.map { .rating(question: index, criterion: $0, model: nil, side: nil) }
            case .text:
                steps.append(.text(question: index))
            }
        }
        return steps
    }

    var current: Step? { given.count < steps.count ? steps[given.count] : nil }

    // MARK: Keys

    mutating func choose(_ label: GuideLabel, on item: LabelerItem, guide: Guide) -> AnswerStep {
        guard !steps.isEmpty, left != nil || !steps.contains(.pairwise) else { return .status(PairwiseAnswer.noPair(item)) }
        switch current {
        case .pairwise?:
            guard let outcome = PairwiseJudgment.Outcome(rawValue: label.name) else {
                return .status(StatusLine("\(label.name) is no pairwise outcome (left, right, tie, neither)", isError: true))
            }
            given.append(.outcome(outcome))
            return advanced(guide: guide)
        case .rating(_, let criterion, _, let side)?:
            return .status(StatusLine("now \(Self.subject(criterion, side)): a digit 1-\(criterion.scale); Backspace goes back",
                                      isError: true))
        case .text?:
            return .status(StatusLine("now the text: i types it, Enter saves it", isError: true))
        case nil:
            return submit(item, guide: guide)
        }
    }

    mutating func key(_ key: Key, on item: LabelerItem) -> AnswerStep? {
        if case .text? = current, let step = textKey(key, on: item) { return step }
        guard case .character(let character) = key else { return SpanKeysElsewhere.step(for: key) }
        if LabelerKeys.sameKey(character, PairwiseAnswer.diffKey), left != nil {
            diff.toggle()
            return .status(StatusLine(diff ? "word diff: words only the left has are marked, and words only the right has; d hides it"
                                           : "word diff hidden"))
        }
        guard let point = character.wholeNumberValue, (1...9).contains(point) else { return SpanKeysElsewhere.step(for: key) }
        guard steps.contains(.pairwise) == false || left != nil else { return .status(PairwiseAnswer.noPair(item)) }
        switch current {
        case .rating(_, let criterion, _, _)?:
            guard point <= criterion.scale else {
                return .status(StatusLine("\(criterion.name) is rated 1-\(criterion.scale); \(point) is off its scale", isError: true))
            }
            given.append(.point(point))
            return advanced(guide: nil)
        case .pairwise?:
            return .status(StatusLine("first the judgment: " + outcomeKeys, isError: true))
        case .text?:
            return .status(StatusLine("now the text: i types it, Enter saves it", isError: true))
        case nil:
            return .status(StatusLine("every question is answered; Enter saves, Backspace goes back"))
        }
    }

    /// The outcome keys, for status lines ("f left · j right · …"), filled in by `advanced`.
    var outcomeKeys = ""

    /// After an answer: the save when it was the last question, else where the screen is.
    mutating func advanced(guide: Guide?) -> AnswerStep {
        if current == nil, let value { return .save(value) }
        openTextIfAsked()
        return .status(StatusLine(progressText))
    }

    /// Enter: saves when every question left is optional (skipping them), else says what is next.
    func submit(_ item: LabelerItem, guide: Guide) -> AnswerStep {
        if given.isEmpty, let existing = chosenValue(item) { return .save(existing) }
        guard !steps.isEmpty, left != nil || !steps.contains(.pairwise) else { return .status(PairwiseAnswer.noPair(item)) }
        var skipping = self
        while let step = skipping.current {
            guard Self.question(of: step).map({ questions[$0].optional }) == true else {
                return .status(StatusLine("answer \(describe(step)) first" + (given.isEmpty ? "" : "; Backspace goes back")))
            }
            skipping.given.append(.skipped)
        }
        guard let value = skipping.value else {
            return .status(StatusLine("nothing is answered; - skips the item", isError: true))
        }
        return .save(value)
    }

    mutating func stepBack() -> AnswerStep? {
        guard !given.isEmpty else { return nil }
        while given.last == .skipped { given.removeLast() }
        let removed = given.popLast()
        text.editor = nil
        if case .text(let typed)? = removed { openTextIfAsked(start: typed) } else { openTextIfAsked() }
        return .status(StatusLine("back to " + (current.map(describe) ?? "the last question") + " · Backspace again goes further back"))
    }

    mutating func escape(onQueue: Bool) -> AnswerStep? {
        if case .text? = current, let step = leaveText() { return step }
        guard diff else { return nil }
        diff = false
        return .status(StatusLine("word diff hidden"))
    }

    // MARK: The value

    /// The answers as a value once every step has one; nil before, or when nothing was answered.
    var value: AnnotationValue? {
        guard given.count == steps.count else { return nil }
        var judgment: PairwiseJudgment?
        var byModel: [String: [String: Int]] = [:]
        var byCriterion: [String: Int] = [:]
        var typedText: TypedText?
        for (step, answer) in zip(steps, given) {
            switch (step, answer) {
            case (.pairwise, .outcome(let outcome)):
                if let left, let right { judgment = PairwiseJudgment(outcome: outcome, left: left, right: right) }
            case (.rating(_, let criterion, let model?, _), .point(let point)):
                byModel[model, default: [:]][criterion.name] = point
            case (.rating(_, let criterion, nil, _), .point(let point)):
                byCriterion[criterion.name] = point
            case (.text, .text(let typed)):
                typedText = self.typedText(typed)
            default:
                break
            }
        }
        let ratings: Ratings? = !byModel.isEmpty ? .responses(byModel) : !byCriterion.isEmpty ? .item(byCriterion) : nil
        guard judgment != nil || ratings != nil || typedText != nil else { return nil }
        return .answers(QuestionAnswers(pairwise: judgment, ratings: ratings, text: typedText))
    }

    func chosenValue(_ item: LabelerItem) -> AnnotationValue? {
        if given.isEmpty, item.existing?.kind == .label, case .answers? = item.existing?.value { return item.existing?.value }
        return nil
    }

    func accepting(_ suggestion: AnnotationValue, on item: LabelerItem) -> AnnotationValue { suggestion }

    func labelUnderCursor(_ item: LabelerItem) -> String? { nil }

    func describe(suggestion: AnnotationValue, guide: Guide) -> [DetailPiece] { SuggestionPieces.describe(suggestion) }

    // MARK: What the screen shows

    /// "quality of the LEFT answer", "clarity".
    static func subject(_ criterion: RatingCriterion, _ side: PairwiseJudgment.Outcome?) -> String {
        side.map { "\(criterion.name) of the \($0.rawValue.uppercased()) answer" } ?? criterion.name
    }

    func describe(_ step: Step) -> String {
        switch step {
        case .pairwise: "the judgment (which answer is better)"
        case .rating(_, let criterion, _, let side): Self.subject(criterion, side) + " (1-\(criterion.scale))"
        case .text(let question): questions[question].text.corrects ? "the correction" : "the text (\(questions[question].id))"
        }
    }

    /// The index of the question a step asks.
    static func question(of step: Step) -> Int? {
        switch step {
        case .pairwise: nil
        case .rating(let question, _, _, _), .text(let question): question
        }
    }

    /// "2/3 quality of the LEFT answer (1-5)".
    var progressText: String {
        guard let step = current else { return "every question is answered; Enter saves" }
        return "\(given.count + 1)/\(steps.count) " + describe(step)
    }

    /// What is answered so far, as the judge saw it: "right · LEFT quality 4".
    var answeredText: String {
        zip(steps, given).compactMap { step, answer -> String? in
            switch (step, answer) {
            case (.pairwise, .outcome(let outcome)): outcome.rawValue
            case (.rating(_, let criterion, _, let side), .point(let point)):
                (side.map { $0.rawValue.uppercased() + " " } ?? "") + "\(criterion.name) \(point)"
            case (.text, .text(let typed)): TypedText(typed).summary
            default: nil
            }
        }.joined(separator: " · ")
    }

    func detail(guide: Guide) -> [DetailPiece] {
        var pieces: [DetailPiece] = []
        if let step = current {
            pieces.append(DetailPiece("\(given.count + 1)/\(steps.count) ", .dim))
            pieces.append(DetailPiece(describe(step)))
            if let question = Self.question(of: step), questions[question].optional {
                pieces.append(DetailPiece(" (optional: Enter skips)", .dim))
            }
        } else if !steps.isEmpty {
            pieces.append(DetailPiece("answered: Enter saves", .dim))
        }
        if !answeredText.isEmpty {
            pieces.append(DetailPiece(" · so far: ", .dim))
            pieces.append(DetailPiece(answeredText))
        }
        if diff { pieces.append(DetailPiece(" · word diff on", .dim)) }
        return pieces
    }

    func barLabels(guide: Guide) -> [GuideLabel]? {
        guard case .rating(_, let criterion, _, _)? = current else { return nil }
        return (1...criterion.scale).map { point in
            GuideLabel(name: criterion.anchors[point] ?? "", key: Character(String(point)))
        }
    }

    func guideFocus(guide: Guide) -> String? {
        guard case .rating(_, let criterion, _, let side)? = current else { return nil }
        var md = "**Now: \(Self.subject(criterion, side))**, 1-\(criterion.scale)"
        if let description = criterion.description { md += ": \(description)" }
        md += "\n\n"
        for point in 1...criterion.scale {
            md += "- `\(point)`" + (criterion.anchors[point].map { " \($0)" } ?? "") + "\n"
        }
        return md
    }

    var highlights: TextHighlights? { nil }
    var confirmable: Bool { false }

    var help: [LabelerHelp.Entry] {
        if steps.contains(where: { if case .text = $0 { true } else { false } }) {
            return Self.textHelp + (steps.count > 1 ? [LabelerHelp.Entry(.deciding, "Backspace (after Esc)", "back one question")] : [])
        }
        var entries = [
            LabelerHelp.Entry(.labels, "1-9", "rate the current criterion and go to the next question"),
            LabelerHelp.Entry(.deciding, "Backspace", "back one question (on the first, undo the last decision)"),
            LabelerHelp.Entry(.deciding, "Enter", "skip the optional questions left and save; on a decided item, keep its answers"),
        ]
        if steps.contains(.pairwise) {
            entries.insert(LabelerHelp.Entry(.labels, LabelerHelp.labelKeyPlaceholder, "judge NAME (left or right wins, tie, neither)"), at: 0)
            entries.append(LabelerHelp.Entry(.moving, "d", "show or hide the word diff of the two responses"))
            entries.append(LabelerHelp.Entry(.moving, "↑ ↓ PgUp PgDn", "scroll long responses"))
        }
        return entries
    }

    func itemBody(_ item: LabelerItem, guide: Guide, width: Int) -> [ItemBodyLine]? {
        guard guide.task == .pairwise else { return nil }
        guard let parts = item.parts, let left, let right,
              let leftResponse = parts.response(of: left), let rightResponse = parts.response(of: right) else {
            return PairwiseAnswer(annotator: annotator).itemBody(item, guide: guide, width: width)
        }
        var focus: (side: PairwiseJudgment.Outcome, note: String)?
        if case .rating(_, let criterion, _, let side?)? = current { focus = (side, "◆ rate \(criterion.name) 1-\(criterion.scale)") }
        return PairwiseLayout.lines(parts: parts, left: leftResponse, right: rightResponse, guide: guide, diff: diff,
                                    width: width, focus: focus)
    }
}
