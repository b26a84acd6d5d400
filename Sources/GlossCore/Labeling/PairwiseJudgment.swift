import Foundation

/// A pairwise judgment: which of two model responses, shown side by side, is better. It
/// names the models shown on each side (sides are random per item and annotator), so the
/// winner is a model, not a position, and the position can be studied later (position bias).
public struct PairwiseJudgment: Sendable, Hashable {
    /// The guide's outcomes: the names a pairwise guide's labels must have.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        case left, right, tie, neither
    }

    public var outcome: Outcome
    /// The model whose response was shown on the left, and on the right.
    public var left: String
    public var right: String

    public init(outcome: Outcome, left: String, right: String) {
        self.outcome = outcome
        self.left = left
        self.right = right
    }

    /// The preferred model; nil for a tie or neither.
    public var winner: String? {
        switch outcome {
        case .left: left
        case .right: right
        case .tie, .neither: nil
        }
    }

    /// The model not preferred; nil for a tie or neither.
    public var loser: String? {
        switch outcome {
        case .left: right
        case .right: left
        case .tie, .neither: nil
        }
    }

    /// The outcome by model, never by side: `winner MODEL`, `tie` or `neither`.
    public var outcomeName: String {
        winner.map { "winner " + $0 } ?? outcome.rawValue
    }

    /// The same judgment told with the sides swapped.
    public var swapped: PairwiseJudgment {
        let outcome: Outcome = switch self.outcome {
        case .left: .right
        case .right: .left
        case .tie, .neither: self.outcome
        }
        return PairwiseJudgment(outcome: outcome, left: right, right: left)
    }

    /// The members of the stored JSON, in canonical order: `"winner":…,"side":…` or
    /// `"outcome":…`, then `"left":…,"right":…`.
    func appendMembers(to out: inout [UInt8]) {
        if let winner {
            out.appendASCII("\"winner\":")
            out.appendJSONString(winner)
            out.appendASCII(",\"side\":")
            out.appendJSONString(outcome.rawValue)
        } else {
            out.appendASCII("\"outcome\":")
            out.appendJSONString(outcome.rawValue)
        }
        out.appendASCII(",\"left\":")
        out.appendJSONString(left)
        out.appendASCII(",\"right\":")
        out.appendJSONString(right)
    }

    /// Reads a judgment from a JSON object's members: `winner` (with `side`, or found among
    /// `left` and `right`) or `outcome` (`tie`, `neither`, or a side), and `left` and `right`,
    /// the models shown. Throws a phrase saying what is wrong; nil when the object has neither
    /// `winner` nor `outcome`.
    public static func read(_ object: [String: Any]) throws(PairwiseValueError) -> PairwiseJudgment? {
        guard object["winner"] != nil || object["outcome"] != nil else { return nil }
        func string(_ key: String) throws(PairwiseValueError) -> String? {
            guard let raw = object[key], !(raw is NSNull) else { return nil }
            guard let text = raw as? String, !text.isEmpty else { throw PairwiseValueError("\"\(key)\" must be a non-empty string") }
            return text
        }
        guard let left = try string("left"), let right = try string("right") else {
            throw PairwiseValueError("a pairwise judgment needs \"left\" and \"right\", the models shown on each side")
        }
        guard left != right else { throw PairwiseValueError("\"left\" and \"right\" name the same model \"\(left)\"") }
        if let winner = try string("winner") {
            if object["outcome"] != nil { throw PairwiseValueError("give \"winner\" or \"outcome\", not both") }
            let side: Outcome
            if winner == left { side = .left } else if winner == right { side = .right } else {
                throw PairwiseValueError("the winner \"\(winner)\" is neither \"left\" (\(left)) nor \"right\" (\(right))")
            }
            if let named = try string("side"), named != side.rawValue {
                throw PairwiseValueError("\"side\" is \"\(named)\" but the winner \"\(winner)\" was shown on the \(side.rawValue)")
            }
            return PairwiseJudgment(outcome: side, left: left, right: right)
        }
        let text = try string("outcome") ?? ""
        guard let outcome = Outcome(rawValue: text) else {
            throw PairwiseValueError("\"outcome\" is \"\(text)\"; it must be tie, neither, left or right")
        }
        return PairwiseJudgment(outcome: outcome, left: left, right: right)
    }
}

/// Why a pairwise value cannot be read, as a phrase.
public struct PairwiseValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
