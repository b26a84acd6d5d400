import GlossCore
import GlossTerminal
import GlossTUI

/// Rankings on the review screen: read by model, `atlas-7b > borealis-13b = cirrus-2`. The
/// reviewer adopts one annotator's ranking with Enter, or ranks anew with the keys of the
/// labeling screen over the models in name order (the key bar says `1 atlas-7b  2 …`):
/// digits best first, `=` ties the next with the previous, Backspace takes back, Enter ties
/// the rest for last once one is placed, the last implied (`RankingDraft`). The new ranking
/// is stored without a shown order (the reviewer saw the decisions, not a blind order).
struct RankingReview: TaskReview, Equatable {
    /// A ranking begun anew, and the item it is for (moving to another item drops it).
    var draft: RankingDraft?
    var itemRowID: Int64?

    var labelKeysDecide: Bool { false }
    func line(for value: AnnotationValue, itemText: String) -> String { value.summary }

    /// The item's models in name order, from its rankings.
    static func models(_ entry: ReviewEntry) -> [String]? {
        entry.decisions.lazy.compactMap { $0.value.flatMap(RankingAnswer.ranking)?.modelsByName }.first
    }

    mutating func key(_ key: Key, on entry: ReviewEntry) -> ReviewStep? {
        if itemRowID != entry.itemRowID { (draft, itemRowID) = (nil, entry.itemRowID) }
        let begun = draft.map { !$0.isEmpty } ?? false
        switch key {
        case .enter where begun:
            guard let ranking = draft?.finished() else { return nil }
            draft = nil
            return .adjudicate(.answers(QuestionAnswers(ranking: ranking)))
        case .backspace where begun:
            _ = draft?.back()
            return .status(StatusLine(draft.map { $0.isEmpty ? "ranking anew: nothing placed" : "ranking anew: " + text($0) } ?? ""))
        case .character(let character) where character == LabelerKeys.rankingTieKey || character.wholeNumberValue != nil:
            guard let models = Self.models(entry) else { return nil }
            var current = draft ?? RankingDraft(shown: models)
            let step = character == LabelerKeys.rankingTieKey ? current.markTie() : current.press(character.wholeNumberValue ?? 0)
            switch step {
            case .refused(let why):
                return .status(StatusLine(why, isError: true))
            case .complete(let ranking):
                draft = nil
                return .adjudicate(.answers(QuestionAnswers(ranking: Ranking(groups: ranking.groups))))
            case .changed:
                draft = current
                return .status(StatusLine("ranking anew: \(text(current)) · Enter ties the rest for last, ⌫ takes back"))
            }
        default:
            return nil
        }
    }

    /// `atlas-7b > cirrus-2 =`: the draft by model.
    func text(_ draft: RankingDraft) -> String {
        draft.placed.map { $0.map { draft.shown[$0] }.joined(separator: " = ") }.joined(separator: " > ")
            + (draft.tiePending ? " =" : "")
    }

    func keyChips(on entry: ReviewEntry?) -> [(key: String, name: String)] {
        guard let entry, let models = Self.models(entry) else { return [] }
        let current = itemRowID == entry.itemRowID ? draft : nil
        return models.indices.map { index in
            ("\(index + 1)", models[index] + (current?.place(of: index).map { " #\($0)" } ?? ""))
        } + [(String(LabelerKeys.rankingTieKey), current?.tiePending == true ? "tie on" : "tie")]
    }
}
