/// How far apart two points of a rating scale are for Krippendorff's α: Stevens' levels of
/// measurement, with the distances (δ²) of Krippendorff (2011, "Computing Krippendorff's
/// Alpha-Reliability") exactly as the `krippendorff` PyPI package (0.9.0) defines them.
public enum MeasurementLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Any two different points are equally far apart (1).
    case nominal
    /// Points are ordered but not evenly spaced: the distance of c and k counts the pairable
    /// values from c to k, (Σ_{g=c…k} n_g − (n_c + n_k) / 2)², so it depends on how often each
    /// point was used (the marginal frequencies n_g). Points nobody used add nothing, which is
    /// why a value domain of the scale's points 1…n and one of the points observed give the
    /// same α.
    case ordinal
    /// Evenly spaced points: (c − k)².
    case interval
    /// Points with a true zero: ((c − k) / (c + k))² (0 when c + k = 0).
    case ratio

    /// The distance of scale points `c` and `k` (the values themselves, not indices), given
    /// the pairable values per point, `counts[v − first]` for point v.
    func distance(_ c: Int, _ k: Int, counts: [Int], first: Int) -> Double {
        guard c != k else { return 0 }
        switch self {
        case .nominal:
            return 1
        case .ordinal:
            let low = min(c, k) - first, high = max(c, k) - first
            var between = 0
            for g in low...high { between += counts[g] }
            let d = Double(between) - Double(counts[low] + counts[high]) / 2
            return d * d
        case .interval:
            let d = Double(c - k)
            return d * d
        case .ratio:
            let sum = Double(c + k)
            guard sum != 0 else { return 0 }
            let d = Double(c - k) / sum
            return d * d
        }
    }
}
