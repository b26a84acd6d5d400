import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// A text typed for each item (`task: text`): a free answer (a summary, an answer to the
/// prompt), or a correction of a response (`correct: response`), typed in the labeler's line
/// editor or in `$EDITOR`. The guide's text question is asked by `QuestionsAnswer` (it may
/// follow rating questions of the item); the value is `{"text":"…"}`, or for a correction
/// `{"text":"…","corrects":"MODEL","diff":[…]}` (`TypedText`). No model of Gloss learns it.
public struct TextKind: TaskKind {
    public init() {}
    public var type: TaskType { .text }
    public var values: any ValueRules { TextValues() }
    public var answer: any TaskAnswer { QuestionsAnswer() }
    public var agreement: any AgreementMeasure { PairwiseAgreement() }
    public var review: any TaskReview { TextReview() }
    public var modelFamily: ModelFamily { .none }

    public func model(for guide: Guide, seed: UInt64) -> any LabelModel { NoLabelModel(labels: []) }

    /// The first words of the text (a correction: of its first response, one word dropped).
    public func sampleAnswer(for text: String, parts: ItemParts?, guide: Guide,
                             using generator: inout some RandomNumberGenerator) -> AnnotationValue {
        let question = guide.textQuestion?.text ?? TextQuestion()
        guard question.corrects else {
            let words = text.split(separator: " ").prefix(Int.random(in: 1...8, using: &generator))
            return .answers(QuestionAnswers(text: TypedText(words.joined(separator: " "))))
        }
        let response = question.model.flatMap { parts?.response(of: $0) } ?? parts?.responses.first
        let original = response?.text ?? text
        var words = original.split(separator: " ", omittingEmptySubsequences: false)
        if words.count > 1 { words.remove(at: Int.random(in: 0..<words.count, using: &generator)) }
        let corrected = words.joined(separator: " ")
        return .answers(QuestionAnswers(text: .correcting(original, model: response?.model,
                                                          into: corrected.isEmpty ? "fixed" : corrected)))
    }

    public func consensusRule(labels: [String]) -> any ConsensusRule { TextConsensus() }
    public var foreignAnswers: any ForeignAnswerRule { TextForeignAnswers() }
    public var exportMapping: any ExportMapping { TextExport() }
}

/// Text values: answers with a text, checked against the guide's text question (a
/// correction exactly when it corrects, of the model it names), and its ratings if any.
struct TextValues: AnswersValueRules {
    var field: String { "text" }

    func fits(_ answers: QuestionAnswers) -> Bool { answers.pairwise == nil && answers.text != nil }
}

/// Texts on the review screen: `“the answer…”` or `corrected atlas-7b: 3 edits · “the text…”`;
/// the reviewer adopts one annotator's text with Enter, or writes the final text anew with
/// `e` from the selected one (a correction stays a correction of the same original, its
/// edits computed again).
struct TextReview: TaskReview, Equatable {
    var labelKeysDecide: Bool { false }

    func line(for value: AnnotationValue, itemText: String) -> String {
        guard case .answers(let answers) = value, let text = answers.text else { return value.summary }
        let quoted = TypedText(text.text).summary
        return text.correction == nil ? quoted : text.summary + " · " + quoted
    }

    func textToEdit(on entry: ReviewEntry, selected: Int) -> String? {
        selectedAnswers(entry, selected)?.text?.text
    }

    func rewritten(_ text: String, on entry: ReviewEntry, selected: Int) -> AnnotationValue? {
        guard !text.allSatisfy(\.isWhitespace), var answers = selectedAnswers(entry, selected),
              let typed = answers.text else { return nil }
        if let correction = typed.correction, let original = TextEdit.original(of: typed.text, undoing: correction.diff) {
            answers.text = .correcting(original, model: correction.model, into: text)
        } else {
            answers.text = TypedText(text)
        }
        return .answers(answers)
    }

    /// The answers of the decision at `selected`, else of the first with a text.
    private func selectedAnswers(_ entry: ReviewEntry, _ selected: Int) -> QuestionAnswers? {
        let texts = entry.decisions.indices.compactMap { index -> (Int, QuestionAnswers)? in
            guard case .answers(let answers)? = entry.decisions[index].value, answers.text != nil else { return nil }
            return (index, answers)
        }
        return (texts.first { $0.0 == selected } ?? texts.first)?.1
    }
}

/// Text consensus: the text most annotators typed alike (byte for byte); texts that all
/// differ are a tie (left out under `majority`, the first under `any`). The stratum is
/// whether the text is a correction and how many edits it has.
struct TextConsensus: ConsensusRule {
    var allKeepsEachAnnotator: Bool { true }

    func normalized(_ value: AnnotationValue) -> AnnotationValue { value }

    func combine(_ values: [AnnotationValue], policy: ConsensusPolicy) -> ConsensusResult {
        ConsensusVote.choice(values, policy: policy)
    }

    func stratum(of value: AnnotationValue) -> String {
        guard case .answers(let answers) = value, let correction = answers.text?.correction else { return "" }
        return StratifiedSplitter.stratum([correction.diff.isEmpty ? "unchanged" : "edited"])
    }
}

/// Another tool's answers on a text project: none of the shapes Gloss reads from Label
/// Studio, Prodigy or doccano is a typed text, so each is refused with what it has.
struct TextForeignAnswers: ForeignAnswerRule {
    var placesOffsets: Bool { false }

    func value(of answer: ForeignValue, current: AnnotationValue?) throws(AnnotationLineError) -> AnnotationValue {
        switch answer {
        case .choices: throw .foreignShape("choices", task: .text)
        case .accepted: throw .foreignShape("an accept or reject", task: .text)
        case .spans: throw .foreignShape("spans", task: .text)
        case .judgment: throw .foreignShape("a pairwise judgment or ratings", task: .text)
        case .ranking: throw .foreignShape("a ranking", task: .text)
        }
    }
}
