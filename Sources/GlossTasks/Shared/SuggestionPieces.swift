import GlossCore
import GlossTerminal
import GlossTUI

/// How a value reads on the labeler's detail line: labels in their colors, spans counted.
enum SuggestionPieces {
    static func describe(_ value: AnnotationValue) -> [DetailPiece] {
        switch value {
        case .label(let name):
            return [DetailPiece(name, .label(name))]
        case .labels(let names):
            var pieces: [DetailPiece] = []
            for (index, name) in names.enumerated() {
                if index > 0 { pieces.append(DetailPiece(", ", .dim)) }
                pieces.append(DetailPiece(name, .label(name)))
            }
            return pieces
        case .spans(let spans):
            return [DetailPiece("\(spans.count) span\(spans.count == 1 ? "" : "s")")]
        case .pairwise(let judgment):
            // The outcome only: naming the models would unblind the judge.
            return [DetailPiece(judgment.outcome.rawValue, .label(judgment.outcome.rawValue))]
        case .answers:
            return [DetailPiece(value.shownSummary)]
        }
    }
}

/// The span editor's keys in a task without spans: each says where it works.
enum SpanKeysElsewhere {
    /// ←/→, Shift-←/→, `<` `,` `>` `.` and Delete say they edit spans; other keys are not the task's.
    static func step(for key: Key) -> AnswerStep? {
        switch key {
        case .delete:
            return .status(StatusLine("Delete removes spans in span tasks only; ? lists the keys"))
        case .left, .right, .shiftLeft, .shiftRight, .character("<"), .character(","), .character(">"), .character("."):
            return .status(StatusLine("\(key.displayName) edits spans in span tasks only; ? lists the keys"))
        default:
            return nil
        }
    }
}
