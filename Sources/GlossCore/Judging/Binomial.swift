import Foundation

/// The two tests of a share against one half that position bias needs.
public enum Binomial {
    /// The exact two-sided binomial test p-value of `successes` in `trials` against p = 1/2,
    /// as `scipy.stats.binomtest(k, n, 0.5).pvalue`: the probability of an outcome at most as
    /// likely as the one seen, which for p = 1/2 is 2 P(X ≤ min(k, n − k)), capped at 1.
    /// nil for no trials.
    ///
    /// The lower tail is summed from its largest term down (each term x/(n − x + 1) times the
    /// one above), starting from the log-probability by `lgamma`, and stops once terms no
    /// longer change the sum; so a million trials cost a few hundred steps.
    public static func twoSidedPValue(successes k: Int, trials n: Int) -> Double? {
        guard n > 0, k >= 0, k <= n else { return nil }
        let low = min(k, n - k)
        if 2 * low == n { return 1 }
        let logTerm = lgamma(Double(n + 1)) - lgamma(Double(low + 1)) - lgamma(Double(n - low + 1)) - Double(n) * log(2.0)
        var term = exp(logTerm)
        var tail = term
        var x = low
        while x > 0 {
            term *= Double(x) / Double(n - x + 1)
            let before = tail
            tail += term
            if tail == before { break }
            x -= 1
        }
        return min(1, 2 * tail)
    }

    /// The Wilson score interval of `successes / trials` at the normal quantile `z` (95%:
    /// ``BradleyTerry/z95``), without continuity correction, as `scipy.stats.binomtest(…)
    /// .proportion_ci(method="wilson")`. nil for no trials.
    public static func wilson(successes k: Int, trials n: Int, z: Double = BradleyTerry.z95) -> (lower: Double, upper: Double)? {
        guard n > 0 else { return nil }
        let p = Double(k) / Double(n), nn = Double(n), z2 = z * z
        let center = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z / (1 + z2 / nn) * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
        return (max(0, center - half), min(1, center + half))
    }
}
