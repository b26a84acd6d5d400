/// Krippendorff's α for nominal data, and the binary per-label agreement built on it.
extension Agreement {
    /// Nominal α from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
    /// Alpha-Reliability", section C).
    ///
    /// A unit u with m_u ≥ 2 values adds each ordered pair of its values (c, k), taken from
    /// different coders, to the coincidence o_ck with weight 1/(m_u − 1); units with fewer
    /// than two values are not pairable and add nothing. With n_c = Σ_k o_ck (the number of
    /// pairable values of category c) and n = Σ_c n_c:
    ///
    ///     α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k
    ///
    /// For nominal data the off-diagonal sum of a unit is (m_u² − Σ_c n_uc²) / (m_u − 1), so
    /// the matrix is never built and the cost is linear in the number of values. The
    /// denominator n² − Σ n_c² is 0 when every pairable value is one category: α is then
    /// undefined and nil (see ``Agreement``). Checked against the `krippendorff` package
    /// and nltk's `AnnotationTask.alpha` to 1e-9 (Tests/Fixtures/agreement).
    static func nominalAlpha(_ units: [[String]]) -> Double? {
        var pooled = CategoryCounts()
        var disagreement = 0.0
        for unit in units where unit.count >= 2 {
            let counts = CategoryCounts(unit)
            let m = counts.total
            disagreement += Double(m * m - counts.sumOfSquares) / Double(m - 1)
            pooled.add(counts)
        }
        let n = pooled.total
        let expectedPairs = n * n - pooled.sumOfSquares
        guard n >= 2, expectedPairs > 0 else { return nil }
        return 1 - Double(n - 1) * disagreement / Double(expectedPairs)
    }

    /// For each label, every value becomes "present" or "absent" and the percent and α of
    /// those binary units are computed; the unit count is the units with two values or more.
    static func binaryAgreements(_ units: [[Set<String>]], labels: [String]) -> [LabelAgreement] {
        let pairable = units.filter { $0.count >= 2 }
        return labels.map { label in
            let binary = pairable.map { unit in unit.map { $0.contains(label) ? "present" : "absent" } }
            return LabelAgreement(
                label: label,
                units: pairable.count,
                percent: percentAgreement(binary),
                alpha: nominalAlpha(binary)
            )
        }
    }
}
