/// Kendall's τ-b of two rankings of the same objects, ties in either allowed: with C
/// concordant and D discordant pairs, and n₀ = n(n − 1)/2 pairs of which n₁ are tied in the
/// first ranking and n₂ in the second,
///
///     τ_b = (C − D) / √((n₀ − n₁)(n₀ − n₂))
///
/// nil when either ranking ties every object (or fewer than two objects). Counts every pair,
/// O(n²): the rankings here are one item's responses (nine at most). Checked to 1e-9 against
/// `scipy.stats.kendalltau`, whose default variant is τ-b.
public enum KendallTau {
    public static func b(_ x: [Double], _ y: [Double]) -> Double? {
        let n = x.count
        guard n >= 2, y.count == n else { return nil }
        var concordant = 0, discordant = 0, tiedX = 0, tiedY = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                if dx == 0 { tiedX += 1 }
                if dy == 0 { tiedY += 1 }
                if dx == 0 || dy == 0 { continue }
                if (dx > 0) == (dy > 0) { concordant += 1 } else { discordant += 1 }
            }
        }
        let pairs = n * (n - 1) / 2
        let denominator = Double(pairs - tiedX) * Double(pairs - tiedY)
        guard denominator > 0 else { return nil }
        return Double(concordant - discordant) / denominator.squareRoot()
    }
}
