/// Ranks from a ranking told best first, and the rank correlations of rankings.
public enum Ranks {
    /// Mid-ranks (best = 1) of `count` responses from an order of tie groups, best first:
    /// `[[2], [0, 1]]` ranks response 2 first and ties 0 and 1 for second and third, each
    /// getting 2.5, as `scipy.stats.rankdata` does. A response in no group is nil.
    public static func midranks(_ groups: [[Int]], count: Int) -> [Double]? {
        var ranks = [Double?](repeating: nil, count: count)
        var before = 0
        for group in groups {
            // Positions before + 1 … before + t share their mean, before + (t + 1) / 2.
            let rank = Double(before) + Double(group.count + 1) / 2
            for response in group {
                guard response >= 0, response < count, ranks[response] == nil else { return nil }
                ranks[response] = rank
            }
            before += group.count
        }
        guard before == count else { return nil }
        return ranks.map { $0! }
    }

    /// Σ (t³ − t) over the groups of equal ranks in `ranks` (the tie term of Kendall's W).
    static func tieTerm(_ ranks: [Double]) -> Double {
        var total = 0.0
        for (t, _) in groups(ranks) where t > 1 {
            let size = Double(t)
            total += size * size * size - size
        }
        return total
    }

    /// The sizes of the groups of equal values, with the value, in ascending order.
    static func groups(_ values: [Double]) -> [(Int, Double)] {
        var out: [(Int, Double)] = []
        for value in values.sorted() {
            if let last = out.last, last.1 == value { out[out.count - 1].0 += 1 } else { out.append((1, value)) }
        }
        return out
    }
}
