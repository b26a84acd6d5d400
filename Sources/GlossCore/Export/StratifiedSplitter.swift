/// Balances each stratum (an item's label, or its set of labels: what its kind's
/// `ConsensusRule.stratum(of:)` says) across the splits of a plan as items arrive: a new item
/// goes to the split furthest below its share of the stratum so far, so every stratum's split
/// counts stay within one item of their shares. Items that already have a split (remembered
/// from an earlier export) are counted, never moved.
public struct StratifiedSplitter: Sendable {
    public let plan: SplitPlan
    /// Items per split (train, validation, test) of each stratum seen so far.
    private var counts: [String: [Int]] = [:]

    public init(plan: SplitPlan) {
        self.plan = plan
    }

    /// The name under which a plan's assignments are remembered: `80/10/10 seed 7`.
    public static func scheme(of plan: SplitPlan) -> String {
        "\(plan.description) seed \(plan.seed)"
    }

    /// A stratum named by its parts (labels) in the given order, joined by U+001F: what a
    /// kind's `ConsensusRule.stratum(of:)` returns, so every kind names strata alike.
    public static func stratum(_ parts: [String]) -> String {
        parts.joined(separator: "\u{1F}")
    }

    /// Counts an item whose split is already decided.
    public mutating func count(_ split: ExportSplit, stratum: String) {
        counts[stratum, default: [0, 0, 0]][Self.index(of: split)] += 1
    }

    /// Chooses the split of a new item and counts it: the largest deficit
    /// `share × (n + 1) − count` over the stratum's `n` items so far, ties going to the
    /// item's hash split when it is among them, else to the first tied split.
    public mutating func assign(id: String, stratum: String) -> ExportSplit {
        let current = counts[stratum] ?? [0, 0, 0]
        let seen = Double(current.reduce(0, +))
        var best: [ExportSplit] = []
        var bestDeficit = -Double.infinity
        for split in plan.splits {
            let index = Self.index(of: split)
            let deficit = plan.shares[index] * (seen + 1) - Double(current[index])
            if deficit > bestDeficit + 1e-9 {
                best = [split]
                bestDeficit = deficit
            } else if abs(deficit - bestDeficit) <= 1e-9 {
                best.append(split)
            }
        }
        let hashed = plan.split(of: id)
        let chosen = best.contains(hashed) ? hashed : (best.first ?? hashed)
        count(chosen, stratum: stratum)
        return chosen
    }

    private static func index(of split: ExportSplit) -> Int {
        switch split {
        case .train: 0
        case .validation: 1
        case .test: 2
        }
    }
}
