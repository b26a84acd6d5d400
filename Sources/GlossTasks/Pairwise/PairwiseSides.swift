import GlossCore

/// Which two responses an annotator judges on an item and which goes on the left: drawn from
/// a generator seeded with a hash of the item's id and the annotator's name (FNV-1a, then
/// SplitMix64), so it is random across items and annotators but the same on every relaunch,
/// on every machine. With two responses only the sides are drawn; with three or more, the
/// first draw picks the left response and the second the right one among the others.
public enum PairwiseSides {
    /// The models shown on the left and on the right; nil with fewer than two responses.
    public static func pick(models: [String], itemID: String, annotator: String) -> (left: String, right: String)? {
        guard models.count >= 2 else { return nil }
        var generator = SeededGenerator(seed: seed(itemID: itemID, annotator: annotator))
        let n = UInt64(models.count)
        let first = Int(generator.next() % n)
        var second = Int(generator.next() % (n - 1))
        if second >= first { second += 1 }
        return (models[first], models[second])
    }

    /// FNV-1a over the item id's UTF-8, a zero byte, and the annotator's name.
    static func seed(itemID: String, annotator: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        for byte in itemID.utf8 { mix(byte) }
        mix(0)
        for byte in annotator.utf8 { mix(byte) }
        return hash
    }
}
