/// How long each key took from being read to its frame being flushed, kept as a histogram
/// of 10 µs buckets (up to 100 ms; slower keys count in the last bucket, and the exact
/// maximum is kept), so percentiles cost the same after 10 keys or 10 million.
public struct KeyTimings: Sendable, Equatable {
    static let bucketMicroseconds = 10
    static let bucketCount = 10_000
    private var buckets = [UInt32](repeating: 0, count: KeyTimings.bucketCount)
    /// Keys measured.
    public private(set) var count = 0
    /// The slowest key, in milliseconds.
    public private(set) var maxMilliseconds = 0.0

    public init() {}

    /// Adds one key's processing time.
    public mutating func record(milliseconds: Double) {
        let bucket = min(Self.bucketCount - 1, max(0, Int(milliseconds * 1000) / Self.bucketMicroseconds))
        buckets[bucket] &+= 1
        count += 1
        maxMilliseconds = max(maxMilliseconds, milliseconds)
    }

    /// The time below which `fraction` of the keys were handled (the upper edge of the
    /// bucket it falls in, never above the maximum); nil before any key.
    public func percentile(_ fraction: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = max(1, Int((fraction * Double(count)).rounded(.up)))
        var seen = 0
        for (index, n) in buckets.enumerated() where n > 0 {
            seen += Int(n)
            if seen >= rank {
                if index == Self.bucketCount - 1 { return maxMilliseconds }  // the overflow bucket
                return min(maxMilliseconds, Double((index + 1) * Self.bucketMicroseconds) / 1000)
            }
        }
        return maxMilliseconds
    }
}
