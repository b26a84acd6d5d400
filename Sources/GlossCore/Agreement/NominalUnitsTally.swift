/// Percent agreement, Fleiss' κ and nominal Krippendorff's α of units given one at a time,
/// so that a pass over a million items never holds them all (`Agreement`'s functions over
/// a list of units run through it too, so both give the same bits).
///
/// Categories are numbers (`CategoryNumbers` gives them to names). Each unit (the values its
/// coders gave) adds integers only, kept per unit size m: its agreeing ordered pairs
/// Σ n_c(n_c − 1) and its disagreeing ones m² − Σ n_c², beside the pooled counts per
/// category. The doubles come at the end, one division per unit size: agreement
/// Σ_m A_m / (m(m − 1)) and disagreement Σ_m D_m / (m − 1). So neither the order units
/// arrive in nor adding alike units at once (`times`) changes a bit: a pass over the rows
/// and the store's totals give the same figures. See ``Agreement`` for the formulas and the
/// undefined cases.
public struct NominalUnitsTally: Sendable {
    /// Pairable values per category number.
    private var pooled: [Int] = []
    private var values = 0
    /// By unit size m: the agreeing and the disagreeing ordered pairs of its units.
    private var agreeingPairs: [Int] = []
    private var disagreeingPairs: [Int] = []
    /// Units with at least two values (the pairable ones); smaller units add nothing.
    public private(set) var units = 0
    /// One unit's counts, reused from unit to unit.
    private var unit = UnitCounts()

    public init() {}

    /// Adds one unit: the categories its coders gave, one per coder. `times` adds that many
    /// units alike (the store's totals count units by their values).
    public mutating func add(_ categories: some Collection<Int>, times: Int = 1) {
        guard categories.count >= 2 else { return }
        unit.count(categories)
        let m = categories.count
        if m >= agreeingPairs.count {
            agreeingPairs += Array(repeating: 0, count: m + 1 - agreeingPairs.count)
            disagreeingPairs += Array(repeating: 0, count: m + 1 - disagreeingPairs.count)
        }
        agreeingPairs[m] += times * unit.agreeingPairs
        disagreeingPairs[m] += times * (m * m - unit.sumOfSquares)
        for category in categories {
            if category >= pooled.count { pooled += Array(repeating: 0, count: category - pooled.count + 1) }
            pooled[category] += times
        }
        values += m * times
        units += times
    }

    /// Σ over units of their agreement Σ n_c(n_c − 1) / (m(m − 1)).
    private var agreementSum: Double {
        var sum = 0.0
        for m in agreeingPairs.indices.dropFirst(2) { sum += Double(agreeingPairs[m]) / Double(m * (m - 1)) }
        return sum
    }

    /// Σ over units of their disagreement (m² − Σ n_c²) / (m − 1).
    private var disagreement: Double {
        var sum = 0.0
        for m in disagreeingPairs.indices.dropFirst(2) { sum += Double(disagreeingPairs[m]) / Double(m - 1) }
        return sum
    }

    private var pooledSumOfSquares: Int { pooled.reduce(0) { $0 + $1 * $1 } }

    /// Mean agreement of the units (the P̄ of Fleiss' κ); nil without a pairable unit.
    public var percent: Double? {
        units == 0 ? nil : agreementSum / Double(units)
    }

    /// Fleiss' κ; nil without a pairable unit or when a single category was used (P_e = 1).
    ///
    /// Generalization to units with different numbers of values n_i (Fleiss 1971 assumes
    /// one n for all): each unit's agreement is P_i = Σ_c n_ic(n_ic − 1) / (n_i(n_i − 1)),
    /// P̄ is their plain mean over the units, and the category shares p_c pool every value
    /// of those units (p_c = Σ_i n_ic / Σ_i n_i), so P_e = Σ_c p_c². Then
    /// κ = (P̄ − P_e) / (1 − P_e).
    ///
    /// With equal n this is exactly Fleiss (1971) and statsmodels' `fleiss_kappa`, which
    /// the fixtures check to 1e-9. statsmodels refuses unequal n. Gwet's `irrCAC` accepts
    /// them and its P̄ (`pa`) is ours, but it takes p_c as the mean of per-unit shares
    /// rather than pooling the values (κ differs by up to 0.002 on the generated
    /// fixtures), so for unequal n the fixtures hold values from a transparent formula
    /// script, and their `source` gives irrCAC's value next to it.
    public var fleissKappa: Double? {
        guard units > 0, pooled.lazy.filter({ $0 > 0 }).count > 1 else { return nil }
        let observed = agreementSum / Double(units)
        let total = Double(values)
        let expected = Double(pooledSumOfSquares) / (total * total)
        return (observed - expected) / (1 - expected)
    }

    /// Nominal α from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
    /// Alpha-Reliability", section C); nil when every pairable value is one category.
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
    /// undefined (see ``Agreement``). Checked against the `krippendorff` package and nltk's
    /// `AnnotationTask.alpha` to 1e-9 (Tests/Fixtures/agreement).
    public var alpha: Double? {
        let n = values
        let expectedPairs = n * n - pooledSumOfSquares
        guard n >= 2, expectedPairs > 0 else { return nil }
        return 1 - Double(n - 1) * disagreement / Double(expectedPairs)
    }
}

/// How many times each category occurs among one unit's values (a handful: a linear search).
struct UnitCounts: Sendable {
    private var categories: [Int] = []
    private var counts: [Int] = []

    mutating func count(_ values: some Sequence<Int>) {
        categories.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        for value in values {
            if let at = categories.firstIndex(of: value) {
                counts[at] += 1
            } else {
                categories.append(value)
                counts.append(1)
            }
        }
    }

    /// Ordered pairs of distinct values that agree: Σ n_c(n_c − 1).
    var agreeingPairs: Int { counts.reduce(0) { $0 + $1 * ($1 - 1) } }

    /// Σ n_c².
    var sumOfSquares: Int { counts.reduce(0) { $0 + $1 * $1 } }
}
