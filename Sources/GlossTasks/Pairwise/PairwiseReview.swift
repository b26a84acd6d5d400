import GlossCore
import GlossTUI

/// Pairwise on the review screen: a judgment reads with its models, which the reviewer may
/// see: `winner gpt-4o over claude (shown left)`, `tie: gpt-4o left, claude right`. The
/// reviewer adopts an annotator's judgment with Enter, or judges anew with an outcome key on
/// the pair of the selected judgment, its models in name order: the `left` key prefers the
/// first, the `right` key the second (the key bar names them: `f atlas-7b  j borealis-13b`).
/// The new judgment is stored with that order as its sides. An item judged with further
/// questions (ratings) is adopted only: a key would answer one question of several.
struct PairwiseReview: TaskReview, Equatable {
    var labelKeysDecide: Bool { true }

    func line(for value: AnnotationValue, itemText: String) -> String {
        guard let judgment = value.pairwiseJudgment else { return value.summary }
        var line: String
        if let winner = judgment.winner, let loser = judgment.loser {
            line = "winner \(winner) over \(loser) (shown \(judgment.outcome.rawValue))"
        } else {
            line = "\(judgment.outcome.rawValue): \(judgment.left) left, \(judgment.right) right"
        }
        if case .answers(let answers) = value, let ratings = answers.ratings { line += " · " + ratings.summary }
        return line
    }

    func judgment(for label: GuideLabel, on entry: ReviewEntry, selected: Int) -> AnnotationValue? {
        guard let outcome = PairwiseJudgment.Outcome(rawValue: label.name), let pair = Self.pair(entry, selected: selected),
              !entry.decisions.contains(where: { if case .answers? = $0.value { true } else { false } })
        else { return nil }
        return .pairwise(PairwiseJudgment(outcome: outcome, left: pair.0, right: pair.1))
    }

    func keyName(for label: GuideLabel, on entry: ReviewEntry?, selected: Int) -> String {
        guard let entry, let pair = Self.pair(entry, selected: selected) else { return label.name }
        switch label.name {
        case "left": return pair.0
        case "right": return pair.1
        default: return label.name
        }
    }

    /// The pair of the selected judgment (else the first), in name order.
    static func pair(_ entry: ReviewEntry, selected: Int) -> (String, String)? {
        let judgments = entry.decisions.indices.compactMap { index in
            entry.decisions[index].value?.pairwiseJudgment.map { (index, $0) }
        }
        guard let judgment = (judgments.first { $0.0 == selected } ?? judgments.first)?.1 else { return nil }
        return (min(judgment.left, judgment.right), max(judgment.left, judgment.right))
    }
}
