/// Which features a text gives and how much each family weighs. Stored in the model file,
/// so a model keeps reading texts the way it was trained.
struct FeatureSettings: Sendable, Equatable {
    var wordWeight: Float = 1
    var bigramWeight: Float = 1
    var charWeight: Float = 0.5
    /// Character n-gram lengths of alphabetic words (with `<` `>` boundary marks).
    var wordCharMin = 3
    var wordCharMax = 5
    /// Character n-gram lengths of Hangul words (Korean endings and stems without an analyzer).
    var hangulCharMin = 1
    var hangulCharMax = 3

    static let standard = FeatureSettings()
}

/// Turns a text into hashed features: token unigrams, adjacent-token bigrams and character
/// n-grams of words, each hashed (FNV-1a over scalars, then a 64-bit finalizer: the same on
/// every platform) into one of 2^bits buckets. Values are scaled so the vector has unit
/// length. Buffers are reused between texts; nothing is allocated per token or n-gram.
struct FeatureHasher: Sendable {
    let bits: Int
    let settings: FeatureSettings
    private var tokenizer = TextTokenizer()
    private var tokenHashes: [UInt64] = []
    /// The buckets and values of the last text; a bucket may repeat (its values add up).
    private(set) var buckets: [UInt32] = []
    private(set) var values: [Float] = []

    init(bits: Int, settings: FeatureSettings) {
        self.bits = bits
        self.settings = settings
    }

    private static let wordSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let charSeed: UInt64 = 0x84222325_CBF29CE4
    private static let bigramSeed: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let boundaryStart: UInt32 = 0x11_0000
    private static let boundaryEnd: UInt32 = 0x11_0001

    @inline(__always)
    private static func step(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    private static func finish(_ hash: UInt64) -> UInt64 {
        var h = hash
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    @inline(__always)
    private mutating func emit(_ hash: UInt64, _ weight: Float) {
        buckets.append(UInt32(truncatingIfNeeded: Self.finish(hash) >> UInt64(64 - bits)))
        values.append(weight)
    }

    /// Replaces `buckets` and `values` with the features of `text`.
    mutating func extract(_ text: String) {
        tokenizer.scan(text)
        buckets.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        tokenHashes.removeAll(keepingCapacity: true)
        let count = tokenizer.count
        tokenizer.scalars.withUnsafeBufferPointer { scalars in
            for index in 0..<count {
                let start = Int(tokenizer.starts[index])
                let end = Int(tokenizer.ends[index])
                var hash = Self.wordSeed
                for offset in start..<end { hash = Self.step(hash, scalars[offset]) }
                tokenHashes.append(hash)
                if settings.wordWeight > 0 { emit(hash, settings.wordWeight) }
                if settings.bigramWeight > 0, index > 0 {
                    let pair = (tokenHashes[index - 1] &* Self.bigramSeed) ^ Self.finish(hash)
                    emit(pair, settings.bigramWeight)
                }
                guard settings.charWeight > 0 else { continue }
                switch tokenizer.kinds[index] {
                case .word:
                    charGrams(scalars, start, end, settings.wordCharMin, settings.wordCharMax)
                case .hangul:
                    charGrams(scalars, start, end, settings.hangulCharMin, settings.hangulCharMax)
                case .cjk, .emoji, .punctuation:
                    break
                }
            }
        }
        normalize()
    }

    /// N-grams of `<word>` with lengths in minN...maxN, skipping a lone boundary mark.
    private mutating func charGrams(
        _ scalars: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int, _ minN: Int, _ maxN: Int
    ) {
        let length = end - start + 2
        let weight = settings.charWeight
        for first in 0..<length {
            var hash = Self.charSeed
            let last = min(length, first + maxN)
            for position in first..<last {
                let scalar: UInt32
                if position == 0 {
                    scalar = Self.boundaryStart
                } else if position == length - 1 {
                    scalar = Self.boundaryEnd
                } else {
                    scalar = scalars[start + position - 1]
                }
                hash = Self.step(hash, scalar)
                let n = position - first + 1
                if n >= minN, n > 1 || (position != 0 && position != length - 1) {
                    emit(hash, weight)
                }
            }
        }
    }

    /// Scales the values so that their squares sum to one.
    private mutating func normalize() {
        var sum: Float = 0
        for value in values { sum += value * value }
        guard sum > 0 else { return }
        let scale = 1 / sum.squareRoot()
        for index in values.indices { values[index] *= scale }
    }
}
