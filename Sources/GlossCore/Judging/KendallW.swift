/// Kendall's coefficient of concordance W of m judges ranking the same n objects, with the
/// correction for ties (Kendall & Babington Smith 1939; Siegel & Castellan 1988, 10.2).
///
/// With R_j the sum of object j's ranks over the judges (mid-ranks for ties),
/// S = Σ_j (R_j − R̄)² and T = Σ over judges of Σ (t³ − t) over their groups of tied objects:
///
///     W = 12 S / (m² (n³ − n) − m T)
///
/// W is 1 when the judges agree exactly and 0 when the rank sums are all equal. It is nil
/// with fewer than two judges or two objects, and when every judge ties every object (the
/// denominator is 0). Checked to 1e-9 against this formula over `scipy.stats.rankdata`
/// mid-ranks (Tests/Fixtures/judging/rankings-*.json).
public enum KendallW {
    /// W of `ranks[judge][object]`; every row must have the same length (else nil).
    public static func coefficient(_ ranks: [[Double]]) -> Double? {
        let m = ranks.count
        guard m >= 2, let n = ranks.first?.count, n >= 2, ranks.allSatisfy({ $0.count == n }) else { return nil }
        var sums = Array(repeating: 0.0, count: n)
        var ties = 0.0
        for row in ranks {
            for j in 0..<n { sums[j] += row[j] }
            ties += Ranks.tieTerm(row)
        }
        let mean = sums.reduce(0, +) / Double(n)
        let s = sums.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let mm = Double(m), nn = Double(n)
        let denominator = mm * mm * (nn * nn * nn - nn) - mm * ties
        guard denominator > 0 else { return nil }
        return 12 * s / denominator
    }
}
