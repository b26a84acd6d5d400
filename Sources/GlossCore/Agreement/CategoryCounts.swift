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
        if let i = position(of: value) {
            counts[i] += times
        } else {
            categories.append(value)
            counts.append(times)
            if categories.count > Self.linearLimit {
                if index.isEmpty {
                    for (i, category) in categories.enumerated() { index[category] = i }
                } else {
                    index[value] = categories.count - 1
                }
            }
        }
        total += times
    }

    /// Up to this many categories a linear search beats hashing, and a unit (a handful of
    /// coders) never needs the dictionary at all.
    private static let linearLimit = 12

    private func position(of value: String) -> Int? {
        categories.count > Self.linearLimit ? index[value] : categories.firstIndex(of: value)
    }

    /// Adds every count of `other`.
    mutating func add(_ other: CategoryCounts) {
        for (category, count) in zip(other.categories, other.counts) { add(category, times: count) }
    }

    /// How many times `value` was counted.
    func count(of value: String) -> Int {
        position(of: value).map { counts[$0] } ?? 0
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
