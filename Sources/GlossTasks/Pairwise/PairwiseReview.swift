import GlossCore
import GlossTUI

/// Pairwise on the review screen: the reviewer adopts a judgment with Enter (a side's key
/// would mean another pair of sides for each annotator); a judgment reads with its models,
/// which the reviewer may see: `winner gpt-4o over claude (shown left)`, `tie: gpt-4o, claude`.
struct PairwiseReview: TaskReview, Equatable {
    var labelKeysDecide: Bool { false }

    func line(for value: AnnotationValue, itemText: String) -> String {
        guard case .pairwise(let judgment) = value else { return value.summary }
        if let winner = judgment.winner, let loser = judgment.loser {
            return "winner \(winner) over \(loser) (shown \(judgment.outcome.rawValue))"
        }
        return "\(judgment.outcome.rawValue): \(judgment.left) left, \(judgment.right) right"
    }
}
