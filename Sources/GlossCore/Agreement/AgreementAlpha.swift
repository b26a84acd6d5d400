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
    ///
    /// The binary units are never built: a unit with m values of which k have the label
    /// contributes the same integers that ``percentAgreement(_:)`` and ``nominalAlpha(_:)``
    /// would count on it, in the same order, so the results are bit-for-bit theirs.
    static func binaryAgreements(_ units: [[Set<String>]], labels: [String]) -> [LabelAgreement] {
        let pairable = units.filter { $0.count >= 2 }
        return labels.map { label in
            var agreementSum = 0.0
            var disagreement = 0.0
            var present = 0
            var absent = 0
            for unit in pairable {
                let m = unit.count
                let k = unit.reduce(0) { $0 + ($1.contains(label) ? 1 : 0) }
                let agreeing = k * (k - 1) + (m - k) * (m - k - 1)
                agreementSum += Double(agreeing) / Double(m * (m - 1))
                disagreement += Double(m * m - k * k - (m - k) * (m - k)) / Double(m - 1)
                present += k
                absent += m - k
            }
            let n = present + absent
            let expectedPairs = n * n - present * present - absent * absent
            return LabelAgreement(
                label: label,
                units: pairable.count,
                percent: pairable.isEmpty ? nil : agreementSum / Double(pairable.count),
                alpha: expectedPairs > 0 ? 1 - Double(n - 1) * disagreement / Double(expectedPairs) : nil
            )
        }
    }
}
