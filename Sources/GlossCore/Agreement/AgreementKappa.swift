/// Cohen's κ (two coders) and Fleiss' κ (many coders, units of any size).
extension Agreement {
    /// Cohen's κ from the pairs two coders gave the units both coded.
    ///
    /// With N pairs, A agreeing pairs and Σ a_c b_c the product of the coders' own counts
    /// per category, κ = (N·A − Σ a_c b_c) / (N² − Σ a_c b_c), the same as
    /// (p_o − p_e) / (1 − p_e) but computed in integers until the one division. The
    /// denominator is 0 exactly when both coders used one and the same category; κ is
    /// then undefined and nil (sklearn's `cohen_kappa_score` returns NaN there by default).
    static func kappaOfTwoCoders(_ pairs: [(String, String)]) -> Double? {
        guard !pairs.isEmpty else { return nil }
        var first = CategoryCounts()
        var second = CategoryCounts()
        var agreeing = 0
        for (a, b) in pairs {
            first.add(a)
            second.add(b)
            if a == b { agreeing += 1 }
        }
        var expected = 0
        for (category, count) in zip(first.categories, first.counts) {
            expected += count * second.count(of: category)
        }
        let n = pairs.count
        let denominator = n * n - expected
        guard denominator != 0 else { return nil }
        return Double(n * agreeing - expected) / Double(denominator)
    }

    /// Fleiss' κ over the units with at least two values.
    ///
    /// Generalization to units with different numbers of values n_i (Fleiss 1971 assumes
    /// one n for all): each unit's agreement is P_i = Σ_c n_ic(n_ic − 1) / (n_i(n_i − 1)),
    /// P̄ is their plain mean over the units, and the category shares p_c pool every value
    /// of those units (p_c = Σ_i n_ic / Σ_i n_i), so P_e = Σ_c p_c². Then
    /// κ = (P̄ − P_e) / (1 − P_e), nil when a single category was used (P_e = 1).
    ///
    /// With equal n this is exactly Fleiss (1971) and statsmodels' `fleiss_kappa`, which
    /// the fixtures check to 1e-9. statsmodels refuses unequal n. Gwet's `irrCAC` accepts
    /// them and its P̄ (`pa`) is ours, but it takes p_c as the mean of per-unit shares
    /// rather than pooling the values (κ differs by up to 0.002 on the generated
    /// fixtures), so for unequal n the fixtures hold values from a transparent formula
    /// script, and their `source` gives irrCAC's value next to it.
    static func kappaOfManyCoders(_ units: [[String]]) -> Double? {
        var pooled = CategoryCounts()
        var agreementSum = 0.0
        var pairable = 0
        for unit in units where unit.count >= 2 {
            let counts = CategoryCounts(unit)
            agreementSum += unitAgreement(counts)
            pooled.add(counts)
            pairable += 1
        }
        guard pairable > 0, pooled.categories.count > 1 else { return nil }
        let observed = agreementSum / Double(pairable)
        let total = Double(pooled.total)
        let expected = Double(pooled.sumOfSquares) / (total * total)
        return (observed - expected) / (1 - expected)
    }
}
