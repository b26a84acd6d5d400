/// Cohen's κ of two coders, given pair by pair.
extension Agreement {
    /// Cohen's κ from the pairs two coders gave the units both coded.
    static func kappaOfTwoCoders(_ pairs: [(String, String)]) -> Double? {
        var numbers = CategoryNumbers()
        var tally = CohensKappaTally()
        for (a, b) in pairs { tally.add(numbers.number(for: a), numbers.number(for: b)) }
        return tally.kappa
    }
}

/// Cohen's κ of two coders from the pairs of categories (numbers, see `CategoryNumbers`)
/// they gave the units both coded, added one unit at a time (the streaming statistics feed
/// it item by item).
///
/// With N pairs, A agreeing pairs and Σ a_c b_c the product of the coders' own counts per
/// category, κ = (N·A − Σ a_c b_c) / (N² − Σ a_c b_c), the same as (p_o − p_e) / (1 − p_e)
/// but computed in integers until the one division, so the order of the pairs never
/// changes a bit. The denominator is 0 exactly when both coders used one and the same
/// category; κ is then undefined and nil (sklearn's `cohen_kappa_score` returns NaN there).
public struct CohensKappaTally: Sendable {
    /// Each coder's count per category number.
    private var first: [Int] = []
    private var second: [Int] = []
    private var agreeing = 0
    /// Pairs added.
    public private(set) var pairs = 0

    public init() {}

    /// Adds the categories the two coders gave one unit (`times` units alike).
    public mutating func add(_ a: Int, _ b: Int, times: Int = 1) {
        let needed = max(a, b) + 1
        if needed > first.count {
            first += Array(repeating: 0, count: needed - first.count)
            second += Array(repeating: 0, count: needed - second.count)
        }
        first[a] += times
        second[b] += times
        if a == b { agreeing += times }
        pairs += times
    }

    /// κ, or nil with no pair or when it is undefined.
    public var kappa: Double? {
        guard pairs > 0 else { return nil }
        let expected = zip(first, second).reduce(0) { $0 + $1.0 * $1.1 }
        let denominator = pairs * pairs - expected
        guard denominator != 0 else { return nil }
        return Double(pairs * agreeing - expected) / Double(denominator)
    }
}
