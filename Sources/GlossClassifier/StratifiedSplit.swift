import GlossCore

/// A seeded split that keeps each group's share: within each group (in first-seen order) a
/// seeded shuffle sends `fraction` (rounded) to the held-out part, always keeping one for
/// training. Both parts keep the input order.
public enum StratifiedSplit {
    public static func split<T>(_ items: [T], key: (T) -> String, fraction: Double, seed: UInt64) -> (train: [T], heldOut: [T]) {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, item) in items.enumerated() {
            let k = key(item)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(index)
        }
        var generator = SeededGenerator(seed: seed)
        var heldOut = Set<Int>()
        for k in order {
            var members = groups[k] ?? []
            members.shuffle(using: &generator)
            let count = min(Int((Double(members.count) * fraction).rounded()), members.count - 1)
            heldOut.formUnion(members.prefix(max(count, 0)))
        }
        var train: [T] = [], held: [T] = []
        for (index, item) in items.enumerated() {
            if heldOut.contains(index) { held.append(item) } else { train.append(item) }
        }
        return (train, held)
    }
}
