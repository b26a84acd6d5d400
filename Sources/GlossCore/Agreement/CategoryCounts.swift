/// How many times each category occurs among some values, the building block of every
/// agreement coefficient here.
///
/// Categories keep the order in which they first appear, so sums run in a deterministic
/// order and results are bit-for-bit reproducible across runs.
struct CategoryCounts {
    private(set) var categories: [String] = []
    private(set) var counts: [Int] = []
    private var index: [String: Int] = [:]
    /// Number of values counted.
    private(set) var total = 0

    init() {}

    init(_ values: some Sequence<String>) {
        for value in values { add(value) }
    }

    /// Counts `value` once more (or `times` more).
    mutating func add(_ value: String, times: Int = 1) {
        if let i = index[value] {
            counts[i] += times
        } else {
            index[value] = categories.count
            categories.append(value)
            counts.append(times)
        }
        total += times
    }

    /// Adds every count of `other`.
    mutating func add(_ other: CategoryCounts) {
        for (category, count) in zip(other.categories, other.counts) { add(category, times: count) }
    }

    /// How many times `value` was counted.
    func count(of value: String) -> Int {
        index[value].map { counts[$0] } ?? 0
    }

    /// Ordered pairs of distinct values that agree: Σ n_c(n_c − 1).
    var agreeingPairs: Int {
        counts.reduce(0) { $0 + $1 * ($1 - 1) }
    }

    /// Σ n_c², the agreeing ordered pairs when a value may pair with itself.
    var sumOfSquares: Int {
        counts.reduce(0) { $0 + $1 * $1 }
    }
}
