import GlossCore
import GlossTerminal
import GlossTUI

/// Ranking on the labeling screen: the prompt above the item's responses, numbered 1..K in
/// an order drawn for this item and annotator (`RankingOrder`; on an item already ranked,
/// the order it was ranked in). Digits place responses best first, `=` ties the next with
/// the one before, Backspace takes back, Enter ties the rest for last; the ranking saves as
/// one decision when one response is left (`RankingDraft`). Every digit waits for the
/// item's minimum look (`composesInSteps`).
struct RankingAnswer: TaskAnswer, Equatable {
    var annotator = ""
    /// The ranking being composed; nil when the item has no 2 to 9 responses.
    var draft: RankingDraft?

    var composesInSteps: Bool { true }

    func restarted(for item: LabelerItem?, guide: Guide) -> any TaskAnswer {
        restarted(for: item, guide: guide, annotator: annotator)
    }

    func restarted(for item: LabelerItem?, guide: Guide, annotator: String) -> any TaskAnswer {
        var next = RankingAnswer(annotator: annotator)
        if let item, let shown = Self.shown(for: item, annotator: annotator) { next.draft = RankingDraft(shown: shown) }
        return next
    }

    /// The order `item`'s responses are shown in: the one its current ranking was made in,
    /// else the one drawn for `annotator`; nil without 2 to 9 responses.
    static func shown(for item: LabelerItem, annotator: String) -> [String]? {
        guard let models = item.parts?.responses.map(\.model), (2...Ranking.maxResponses).contains(models.count) else {
            return nil
        }
        if let shown = item.existing?.value.flatMap(Self.ranking)?.shown, Set(shown) == Set(models), shown.count == models.count {
            return shown
        }
        return RankingOrder.shown(models: models, itemID: item.externalID, annotator: annotator)
    }

    static func ranking(_ value: AnnotationValue) -> Ranking? {
        if case .answers(let answers) = value { return answers.ranking }
        return nil
    }

    static func noRanking(_ item: LabelerItem) -> StatusLine {
        let count = item.parts?.responses.count ?? 0
        return StatusLine("item #\(item.externalID) has \(count) response\(count == 1 ? "" : "s"); a ranking orders 2 to "
                          + "\(Ranking.maxResponses); - skips it", isError: true)
    }

    mutating func choose(_ label: GuideLabel, on item: LabelerItem, guide: Guide) -> AnswerStep {
        .status(StatusLine("a ranking has no labels: press the numbers of the responses, best first", isError: true))
    }

    mutating func key(_ key: Key, on item: LabelerItem) -> AnswerStep? {
        guard case .character(let character) = key,
              character == LabelerKeys.rankingTieKey || character.wholeNumberValue != nil else {
            return SpanKeysElsewhere.step(for: key)
        }
        guard var draft else { return .status(Self.noRanking(item)) }
        let step = character == LabelerKeys.rankingTieKey ? draft.markTie() : draft.press(character.wholeNumberValue ?? 0)
        switch step {
        case .refused(let why):
            return .status(StatusLine(why, isError: true))
        case .complete(let ranking):
            // The draft stays one short of complete: a save the screen refuses (the store
            // busy) is made again by the same key.
            return .save(.answers(QuestionAnswers(ranking: ranking)))
        case .changed:
            self.draft = draft
            return .status(StatusLine(progress(draft)))
        }
    }

    func progress(_ draft: RankingDraft) -> String {
        if draft.tiePending { return "ranked \(draft.text) · the next number ties with \(draft.placed.last?.last.map { $0 + 1 } ?? 0)" }
        return "ranked \(draft.text) · \(draft.unplaced.count) left; Enter ties them for last"
    }

    /// Enter: saves what is placed with the rest tied for last; on an item already ranked
    /// with nothing placed, its ranking again.
    func submit(_ item: LabelerItem, guide: Guide) -> AnswerStep {
        guard let draft else { return .status(Self.noRanking(item)) }
        if let ranking = draft.finished() { return .save(.answers(QuestionAnswers(ranking: ranking))) }
        if let existing = chosenValue(item) { return .save(existing) }
        return .status(StatusLine("press the numbers of the responses, best first (1-\(draft.shown.count))"))
    }

    mutating func stepBack() -> AnswerStep? {
        guard var draft, draft.back() else { return nil }
        self.draft = draft
        return .status(StatusLine(draft.isEmpty ? "nothing ranked yet · Backspace again undoes the last decision"
                                                : "back to: ranked \(draft.text)"))
    }

    /// Esc starts the item's ranking over.
    mutating func escape(onQueue: Bool) -> AnswerStep? {
        guard let draft, !draft.isEmpty else { return nil }
        self.draft = RankingDraft(shown: draft.shown)
        return .status(StatusLine("ranking cleared"))
    }

    /// What Enter would save: the draft finished, else the item's current ranking.
    func chosenValue(_ item: LabelerItem) -> AnnotationValue? {
        if let ranking = draft?.finished() { return .answers(QuestionAnswers(ranking: ranking)) }
        if item.existing?.kind == .label, let value = item.existing?.value, Self.ranking(value) != nil { return value }
        return nil
    }

    func accepting(_ suggestion: AnnotationValue, on item: LabelerItem) -> AnnotationValue { suggestion }
    func labelUnderCursor(_ item: LabelerItem) -> String? { nil }
    func describe(suggestion: AnnotationValue, guide: Guide) -> [DetailPiece] { SuggestionPieces.describe(suggestion) }

    func detail(guide: Guide) -> [DetailPiece] {
        guard let draft else { return [] }
        if draft.isEmpty { return [DetailPiece("rank best first: press 1-\(draft.shown.count) · = ties the next with the previous", .dim)] }
        return [DetailPiece("ranked so far: ", .dim), DetailPiece(draft.text),
                DetailPiece(draft.tiePending ? " · next ties" : " · \(draft.unplaced.count) left", .dim)]
    }

    /// One chip per response number (its place once placed), and the tie key.
    func barLabels(guide: Guide) -> [GuideLabel]? {
        guard let draft else { return nil }
        let chips = draft.shown.indices.map { index in
            GuideLabel(name: draft.place(of: index).map { "#\($0)" } ?? "", key: Character(String(index + 1)))
        }
        return chips + [GuideLabel(name: draft.tiePending ? "tie on" : "tie", key: LabelerKeys.rankingTieKey)]
    }

    func guideFocus(guide: Guide) -> String? {
        guard let draft else { return nil }
        let left = draft.unplaced.map { String($0 + 1) }.joined(separator: ", ")
        return "**Ranked so far:** " + (draft.placed.isEmpty ? "nothing" : "`\(draft.text)`")
            + "\n\n**Left:** \(left) · `=` ties the next with the previous · Enter ties the rest for last\n"
    }

    var highlights: TextHighlights? { nil }
    var confirmable: Bool { false }

    var help: [LabelerHelp.Entry] {
        [
            LabelerHelp.Entry(.labels, "1-9", "place the response of that number next, best first; the last is implied"),
            LabelerHelp.Entry(.labels, String(LabelerKeys.rankingTieKey), "tie the next response placed with the previous one"),
            LabelerHelp.Entry(.deciding, "Enter", "save with the responses left tied for last; on a ranked item, keep its ranking"),
            LabelerHelp.Entry(.deciding, "Backspace", "take back the last response placed (with none, undo the last decision)"),
            LabelerHelp.Entry(.moving, "Esc", "start the item's ranking over"),
            LabelerHelp.Entry(.moving, "↑ ↓ PgUp PgDn", "scroll long responses"),
        ]
    }

    func itemBody(_ item: LabelerItem, guide: Guide, width: Int) -> [ItemBodyLine]? {
        guard let draft, let parts = item.parts else {
            return [ItemBodyLine([ItemBodyRun(x: 0, Self.noRanking(item).text, .heading)]), ItemBodyLine()]
                + PairwiseLayout.wrap(WordDiff.pieces(item.text), width: width, x: 0, changedLook: .plain)
        }
        var lines = PairwiseLayout.promptLines(parts, width: width)
        for (index, model) in draft.shown.enumerated() {
            guard let response = parts.response(of: model) else { continue }
            let place = draft.place(of: index).map { " · ranked #\($0)" } ?? ""
            lines.append(PairwiseLayout.heading("RESPONSE \(index + 1) · key \(index + 1)\(place)", x: 0, width: width))
            lines += PairwiseLayout.wrap(WordDiff.pieces(response.text), width: width, x: 0, changedLook: .plain)
            lines.append(ItemBodyLine())
        }
        return lines
    }
}
