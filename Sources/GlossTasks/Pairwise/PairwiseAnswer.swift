import GlossCore
import GlossTerminal
import GlossTUI

/// Pairwise on the labeling screen: two responses of the item, the sides drawn for this
/// item and annotator (`PairwiseSides`; on an item already judged, the sides it was judged
/// on), an outcome key saves the judgment at once, and `d` toggles the word diff.
struct PairwiseAnswer: TaskAnswer, Equatable {
    /// The key that toggles the word diff; lint keeps it from pairwise labels.
    static let diffKey = LabelerKeys.pairwiseDiffKey

    var annotator = ""
    /// The models shown on the left and on the right; nil when the item has no two responses.
    var left: String?
    var right: String?
    /// Whether the word diff is shown (kept from item to item).
    var diff = false

    func restarted(for item: LabelerItem?, guide: Guide) -> any TaskAnswer {
        restarted(for: item, guide: guide, annotator: annotator)
    }

    func restarted(for item: LabelerItem?, guide: Guide, annotator: String) -> any TaskAnswer {
        // A guide with rating questions asks them after the judgment, one key each.
        if guide.asksSeveralQuestions {
            return QuestionsAnswer(annotator: annotator, diff: diff).restarted(for: item, guide: guide, annotator: annotator)
        }
        var next = PairwiseAnswer(annotator: annotator, diff: diff)
        if let sides = Self.sides(for: item, annotator: annotator) { (next.left, next.right) = sides }
        return next
    }

    /// The models on the left and on the right of `item` for `annotator`: those its current
    /// judgment was made on, else the ones `PairwiseSides` draws; nil without two responses.
    static func sides(for item: LabelerItem?, annotator: String) -> (String, String)? {
        guard let item, let parts = item.parts, parts.responses.count >= 2 else { return nil }
        if let judged = item.existing?.value?.pairwiseJudgment,
           parts.response(of: judged.left) != nil, parts.response(of: judged.right) != nil {
            return (judged.left, judged.right)
        }
        return PairwiseSides.pick(models: parts.responses.map(\.model), itemID: item.externalID, annotator: annotator)
            .map { ($0.left, $0.right) }
    }

    mutating func choose(_ label: GuideLabel, on item: LabelerItem, guide: Guide) -> AnswerStep {
        guard let left, let right else { return .status(Self.noPair(item)) }
        guard let outcome = PairwiseJudgment.Outcome(rawValue: label.name) else {
            return .status(StatusLine("\(label.name) is no pairwise outcome (left, right, tie, neither)", isError: true))
        }
        return .save(.pairwise(PairwiseJudgment(outcome: outcome, left: left, right: right)))
    }

    func submit(_ item: LabelerItem, guide: Guide) -> AnswerStep {
        if let chosen = chosenValue(item) { return .save(chosen) }
        guard left != nil else { return .status(Self.noPair(item)) }
        let keys = guide.labels.compactMap { label in label.key.map { "\($0) \(label.name)" } }
        return .status(StatusLine("press an outcome key: " + keys.joined(separator: " · ")))
    }

    mutating func key(_ key: Key, on item: LabelerItem) -> AnswerStep? {
        if case .character(let character) = key, LabelerKeys.sameKey(character, Self.diffKey) {
            guard left != nil else { return .status(Self.noPair(item)) }
            diff.toggle()
            return .status(StatusLine(diff ? "word diff: words only the left has are marked, and words only the right has; d hides it"
                                           : "word diff hidden"))
        }
        return SpanKeysElsewhere.step(for: key)
    }

    /// Esc hides the diff when it is shown.
    mutating func escape(onQueue: Bool) -> AnswerStep? {
        guard diff else { return nil }
        diff = false
        return .status(StatusLine("word diff hidden"))
    }

    /// The item's current judgment (Enter saves it again).
    func chosenValue(_ item: LabelerItem) -> AnnotationValue? {
        if item.existing?.kind == .label, case .pairwise(let judged)? = item.existing?.value { return .pairwise(judged) }
        return nil
    }

    func accepting(_ suggestion: AnnotationValue, on item: LabelerItem) -> AnnotationValue { suggestion }

    func labelUnderCursor(_ item: LabelerItem) -> String? { item.existing?.value?.labelNames.first }

    func describe(suggestion: AnnotationValue, guide: Guide) -> [DetailPiece] { SuggestionPieces.describe(suggestion) }

    func detail(guide: Guide) -> [DetailPiece] {
        diff ? [DetailPiece("word diff on · d hides it", .dim)] : []
    }

    var highlights: TextHighlights? { nil }
    var confirmable: Bool { false }

    var help: [LabelerHelp.Entry] {
        [
            LabelerHelp.Entry(.labels, LabelerHelp.labelKeyPlaceholder, "judge NAME (left or right wins, tie, neither) and go on"),
            LabelerHelp.Entry(.deciding, "Enter", "keep the current judgment and go on"),
            LabelerHelp.Entry(.moving, "d", "show or hide the word diff of the two responses"),
            LabelerHelp.Entry(.moving, "↑ ↓ PgUp PgDn", "scroll long responses"),
        ]
    }

    func itemBody(_ item: LabelerItem, guide: Guide, width: Int) -> [ItemBodyLine]? {
        guard let parts = item.parts, let left, let right,
              let leftResponse = parts.response(of: left), let rightResponse = parts.response(of: right) else {
            let notice = Self.noPair(item).text
            return [ItemBodyLine([ItemBodyRun(x: 0, notice, .heading)]), ItemBodyLine()]
                + PairwiseLayout.wrap(WordDiff.pieces(item.text), width: width, x: 0, changedLook: .plain)
        }
        return PairwiseLayout.lines(parts: parts, left: leftResponse, right: rightResponse, guide: guide, diff: diff,
                                    width: width)
    }

    static func noPair(_ item: LabelerItem) -> StatusLine {
        StatusLine("item #\(item.externalID) has no two responses to compare; - skips it", isError: true)
    }
}
