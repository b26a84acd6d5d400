/// A Bloom filter of 64-bit content keys: "certainly absent" or "maybe present", in about
/// 10 bits per key (about 1% false positives). Blocked: a key's bits all lie in one 64-byte
/// block, so a query reads one cache line per layer. It grows by adding a layer twice the
/// size of the last when the last is full, so it needs no count up front; a query asks every
/// layer. The keys are already uniform hashes, so the block and the bits come from the key.
struct KeyFilter {
    private struct Layer {
        /// Blocks of 8 words (512 bits).
        var words: [UInt64]
        let blockMask: UInt64
        let capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            var blocks = 1
            while blocks * 512 < capacity * KeyFilter.bitsPerKey { blocks <<= 1 }
            words = [UInt64](repeating: 0, count: blocks * 8)
            blockMask = UInt64(blocks - 1)
        }

        /// Calls `body` with each of the key's probes (a word of its block and a bit), until
        /// it returns false: 9 bits each, taken from the key's upper bits, mixed so that keys
        /// sharing a block spread their bits. The block comes from the key's low bits.
        @inline(__always) static func forEachProbe(_ key: UInt64, blockMask: UInt64, _ body: (Int, UInt64) -> Bool) -> Bool {
            let base = Int(key & blockMask) * 8
            var bits = (key >> 32) &* 0x9E37_79B9_7F4A_7C15
            for _ in 0..<KeyFilter.probes {
                let probe = Int(bits >> 55)  // 9 bits
                if !body(base + probe >> 6, 1 << UInt64(probe & 63)) { return false }
                bits = bits << 9 | bits >> 55
            }
            return true
        }

        mutating func insert(_ key: UInt64) {
            _ = Self.forEachProbe(key, blockMask: blockMask) { word, bit in
                words[word] |= bit
                return true
            }
            count += 1
        }

        func contains(_ key: UInt64) -> Bool {
            Self.forEachProbe(key, blockMask: blockMask) { word, bit in words[word] & bit != 0 }
        }
    }

    static let bitsPerKey = 10
    static let probes = 7
    private var layers: [Layer]

    /// The first layer holds a million keys (1.3 MB): most imports need no second, and a
    /// query that finds a key absent reads one cache line per layer.
    init(capacity: Int = 1 << 20) {
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
        for layer in layers where layer.contains(k) { return true }
        return false
    }
}
