/// Krippendorff's α of ratings on a scale of integer points (ordinal, interval, ratio, or
/// nominal), over units given one at a time, so a pass over a million items keeps flat memory.
///
/// A unit is one item × criterion; its values are the points the coders who rated it gave
/// (a coder who did not is simply absent: missing data). A unit with fewer than two values
/// on the scale is not pairable and adds nothing, as in the `krippendorff` package.
///
/// The tally keeps the coincidences in integers: for each unit size m, Σ over its units of
/// n_uc · n_uk (c ≠ k) and n_uc (n_uc − 1) (c = k), the pairs of values from different
/// coders. Only `alpha(_:)` divides (each size's sums by m − 1), so the order of units never
/// changes a bit, and memory is points² per distinct unit size.
public struct ScaleUnitsTally: Sendable {
    /// The scale's points, `first…last` (the guide's 1…n); they are the value domain.
    public let points: ClosedRange<Int>
    /// Units with at least two values on the scale (the pairable ones).
    public private(set) var units = 0
    /// Values outside `points`, left out of their units (a guide's scale changed, say).
    public private(set) var outOfScale = 0
    /// pairsBySize[m]: the integer coincidences of the units of m values (row-major,
    /// points × points), empty for sizes not seen.
    private var pairsBySize: [[Int]] = []
    private var counts: [Int]

    public init(points: ClosedRange<Int>) {
        self.points = points
        counts = Array(repeating: 0, count: points.count)
    }

    /// Adds one unit (or `times` units alike): the points its coders gave, one per coder.
    public mutating func add(_ values: some Sequence<Int>, times: Int = 1) {
        for i in counts.indices { counts[i] = 0 }
        var m = 0
        for value in values {
            guard points.contains(value) else {
                outOfScale += times
                continue
            }
            counts[value - points.lowerBound] += 1
            m += 1
        }
        guard m >= 2 else { return }
        let size = counts.count
        if pairsBySize.count <= m { pairsBySize += Array(repeating: [], count: m + 1 - pairsBySize.count) }
        if pairsBySize[m].isEmpty { pairsBySize[m] = Array(repeating: 0, count: size * size) }
        for c in 0..<size where counts[c] > 0 {
            for k in 0..<size where counts[k] > 0 {
                pairsBySize[m][c * size + k] += times * counts[c] * (counts[k] - (c == k ? 1 : 0))
            }
        }
        units += times
    }

    /// Krippendorff's α at `level`: 1 − D_o / D_e with the observed coincidences o_ck and
    /// the expected e_ck = n_c (n_k − [c = k]) / (n − 1), each weighted by the level's
    /// distance. nil when undefined: no pairable unit, or every pairable value the same
    /// point (D_e = 0; the package raises or returns NaN there). Checked against the
    /// `krippendorff` package to 1e-9 (Tests/Fixtures/judging/alpha-*.json).
    public func alpha(_ level: MeasurementLevel) -> Double? {
        let size = counts.count
        var observed = Array(repeating: 0.0, count: size * size)
        var pooled = Array(repeating: 0, count: size)
        for (m, pairs) in pairsBySize.enumerated() where !pairs.isEmpty {
            for i in pairs.indices where pairs[i] != 0 {
                observed[i] += Double(pairs[i]) / Double(m - 1)
            }
            // Each value of a unit of size m is in m − 1 ordered pairs: the row sums of the
            // integer pairs, divided by m − 1, count the pairable values exactly.
            for c in 0..<size {
                var row = 0
                for k in 0..<size { row += pairs[c * size + k] }
                pooled[c] += row / (m - 1)
            }
        }
        let n = pooled.reduce(0, +)
        guard n >= 2 else { return nil }
        var observedDisagreement = 0.0, expectedDisagreement = 0.0
        for c in 0..<size {
            for k in 0..<size where k != c {
                let d = level.distance(c + points.lowerBound, k + points.lowerBound, counts: pooled, first: points.lowerBound)
                guard d != 0 else { continue }
                observedDisagreement += observed[c * size + k] * d
                expectedDisagreement += Double(pooled[c] * pooled[k]) * d
            }
        }
        guard expectedDisagreement > 0 else { return nil }
        return 1 - Double(n - 1) * observedDisagreement / expectedDisagreement
    }
}

extension Agreement {
    /// Krippendorff's α of units of ratings on the scale `points` at `level`, through
    /// ``ScaleUnitsTally`` (see it for missing data and the undefined cases).
    public static func krippendorffAlpha(_ units: [[Int]], points: ClosedRange<Int>, level: MeasurementLevel) -> Double? {
        var tally = ScaleUnitsTally(points: points)
        for unit in units { tally.add(unit) }
        return tally.alpha(level)
    }
}
