/// A Bloom filter of 64-bit content keys: "certainly absent" or "maybe present", in about
/// 10 bits per key (about 1% false positives). It grows by adding a layer twice the size of
/// the last when the last is full, so it needs no count up front; a query asks every layer.
/// The keys are already uniform hashes, so the bit positions come from the key itself
/// (double hashing: the key and its rotation).
struct KeyFilter {
    private struct Layer {
        var words: [UInt64]
        let mask: UInt64
        let capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            var bits = 64
            while bits < capacity * KeyFilter.bitsPerKey { bits <<= 1 }
            words = [UInt64](repeating: 0, count: bits / 64)
            mask = UInt64(bits - 1)
        }

        @inline(__always) func position(_ key: UInt64, _ i: UInt64) -> (word: Int, bit: UInt64) {
            let spread = (key >> 32 | key << 32) | 1
            let p = (key &+ i &* spread) & mask
            return (Int(p >> 6), p & 63)
        }

        mutating func insert(_ key: UInt64) {
            for i in 0..<KeyFilter.probes {
                let (w, b) = position(key, i)
                words[w] |= 1 << b
            }
            count += 1
        }

        func contains(_ key: UInt64) -> Bool {
            for i in 0..<KeyFilter.probes {
                let (w, b) = position(key, i)
                if words[w] & (1 << b) == 0 { return false }
            }
            return true
        }
    }

    static let bitsPerKey = 10
    static let probes: UInt64 = 7
    private var layers: [Layer]

    init(capacity: Int = 1 << 16) {
        layers = [Layer(capacity: max(1024, capacity))]
    }

    mutating func insert(_ key: Int64) {
        if layers[layers.count - 1].count >= layers[layers.count - 1].capacity {
            layers.append(Layer(capacity: layers[layers.count - 1].capacity * 2))
        }
        layers[layers.count - 1].insert(UInt64(bitPattern: key))
    }

    func mayContain(_ key: Int64) -> Bool {
        let k = UInt64(bitPattern: key)
        return layers.contains { $0.contains(k) }
    }
}
