/// Agreement of judges who rank each item's responses, items given one at a time: Kendall's
/// W per item, averaged, and Kendall's τ-b per pair of judges, averaged over the items both
/// ranked, then over the pairs.
///
/// - Mean W: the plain mean of W over the items with two or more rankings where W is
///   defined (``KendallW``); an item where everybody tied everything has none.
/// - Pairwise τ: for each pair of judges, the mean τ-b over the items both ranked where τ-b
///   is defined (neither ranking ties everything); the overall figure is the plain mean of
///   those pair means, so a pair that met on many items weighs as much as one that met on few.
///
/// Memory grows with the pairs of judges, not with the items.
public struct RankingAgreementTally: Sendable {
    private var wSum = 0.0
    /// Items that gave a W.
    public private(set) var items = 0
    private var pairSums: [JudgePair: (sum: Double, items: Int)] = [:]

    struct JudgePair: Hashable, Sendable {
        var first: String
        var second: String
    }

    public init() {}

    /// Adds one item: each judge's mid-ranks of its responses (``Ranks/midranks(_:count:)``),
    /// in the same response order. An item whose rankings differ in length adds nothing.
    public mutating func add(_ rankings: [(judge: String, ranks: [Double])]) {
        guard rankings.count >= 2, let n = rankings.first?.ranks.count, rankings.allSatisfy({ $0.ranks.count == n }) else { return }
        if let w = KendallW.coefficient(rankings.map(\.ranks)) {
            wSum += w
            items += 1
        }
        let sorted = rankings.sorted { $0.judge < $1.judge }
        for a in sorted.indices {
            for b in sorted.indices where b > a && sorted[a].judge != sorted[b].judge {
                guard let tau = KendallTau.b(sorted[a].ranks, sorted[b].ranks) else { continue }
                let key = JudgePair(first: sorted[a].judge, second: sorted[b].judge)
                let old = pairSums[key] ?? (0, 0)
                pairSums[key] = (old.sum + tau, old.items + 1)
            }
        }
    }

    /// The mean W over the items that gave one; nil without such an item.
    public var meanW: Double? { items == 0 ? nil : wSum / Double(items) }

    /// Each pair of judges (names in order) with its mean τ-b, sorted by the names.
    public var pairs: [JudgePairTau] {
        pairSums.map { JudgePairTau(first: $0.key.first, second: $0.key.second, items: $0.value.items,
                                    meanTau: $0.value.sum / Double($0.value.items)) }
            .sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// The plain mean of the pairs' mean τ-b; nil without a pair.
    public var meanPairwiseTau: Double? {
        let pairs = self.pairs
        return pairs.isEmpty ? nil : pairs.reduce(0) { $0 + $1.meanTau } / Double(pairs.count)
    }
}

/// Two judges' mean τ-b over the items both ranked (where τ-b was defined).
public struct JudgePairTau: Sendable, Equatable, Codable {
    public var first: String
    public var second: String
    public var items: Int
    public var meanTau: Double
    public init(first: String, second: String, items: Int, meanTau: Double) {
        self.first = first
        self.second = second
        self.items = items
        self.meanTau = meanTau
    }
}
