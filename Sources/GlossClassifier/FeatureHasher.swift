/// Which features a text gives and how much each family weighs. Stored in the model file,
/// so a model keeps reading texts the way it was trained.
struct FeatureSettings: Sendable, Equatable {
    var wordWeight: Float = 1
    var bigramWeight: Float = 1
    var charWeight: Float = 0.35
    /// Character n-gram lengths of alphabetic words (with `<` `>` boundary marks).
    var wordCharMin = 3
    var wordCharMax = 4
    /// Character n-gram lengths of Hangul words (Korean endings and stems without an analyzer).
    var hangulCharMin = 1
    var hangulCharMax = 3
    /// How a document's feature values are scaled (see `FeatureScaling`).
    var scaling: FeatureScaling = .logCountUnitLength

    static let standard = FeatureSettings()
}

/// How a document's features become values. Long documents repeat words and n-grams
/// hundreds of times; without merging and damping the repeats, one document's vector is far
/// longer than unit length and a learning step on it moves the scores by far too much.
enum FeatureScaling: UInt8, Sendable, Equatable {
    /// Each emitted feature keeps its family weight and the list is scaled to unit length
    /// before repeats are merged (the format-1 models' features: read them as they were trained).
    case entriesUnitLength = 0
    /// Repeats of a bucket are merged into one value, weight × (1 + ln count) (× the bucket's
    /// inverse document frequency when `train` counted one), and the merged vector is scaled
    /// to unit length: every document has length 1 whatever its size.
    case logCountUnitLength = 1
}

/// Turns a text into hashed features: token unigrams, adjacent-token bigrams and character
/// n-grams of words, each hashed (FNV-1a over scalars, then a 64-bit finalizer: the same on
/// every platform) into one of 2^bits buckets. With the standard scaling each bucket appears
/// once, its value damped by the log of its count, and the vector has unit length (see
/// `FeatureScaling`). Buffers are reused between texts; nothing is allocated per token or n-gram.
struct FeatureHasher: Sendable {
    let bits: Int
    let settings: FeatureSettings
    private var tokenizer = TextTokenizer()
    private var tokenHashes: [UInt64] = []
    /// Scratch for merging repeats: bucket << 32 | entry index, sorted.
    private var sortKeys: [UInt64] = []
    private var entryValues: [Float] = []
    private var counts: [UInt32] = []
    /// Scratch for merging: each bucket's position in the merged list, -1 when absent.
    private var positions: [Int32] = []
    /// The buckets and values of the last text; with `entriesUnitLength` a bucket may repeat (its values add up).
    private(set) var buckets: [UInt32] = []
    private(set) var values: [Float] = []
    /// Whether each entry is a character n-gram (of its first occurrence, when merged), so a
    /// training set can drop that family without extracting again (see `SettingsSearch`).
    private(set) var isCharacterGram: [Bool] = []
    /// The inverse document frequency weights `train` counted (nil: every feature weighs the
    /// same); applied with the `logCountUnitLength` scaling only.
    var idf: InverseDocumentFrequency?

    /// Bytes of the reusable buffers (the merge map is 4 bytes a bucket once used).
    var scratchBytes: Int {
        positions.capacity * 4 + (sortKeys.capacity + buckets.capacity + values.capacity) * 8 + (idf?.bytes ?? 0)
    }

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
    private mutating func emit(_ hash: UInt64, _ weight: Float, character: Bool = false) {
        buckets.append(UInt32(truncatingIfNeeded: Self.finish(hash) >> UInt64(64 - bits)))
        values.append(weight)
        isCharacterGram.append(character)
    }

    /// Replaces `buckets` and `values` with the features of `text`.
    mutating func extract(_ text: String) {
        tokenizer.scan(text)
        buckets.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        isCharacterGram.removeAll(keepingCapacity: true)
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
        if settings.scaling == .logCountUnitLength {
            mergeRepeats()
            if let idf { weigh(by: idf) }
        }
        normalize()
    }

    /// Multiplies each merged value by its bucket's inverse document frequency.
    private mutating func weigh(by idf: InverseDocumentFrequency) {
        idf.weights.withUnsafeBufferPointer { weights in
            for i in values.indices { values[i] *= weights[Int(buckets[i])] }
        }
    }

    /// Merges the entries of each bucket into one, weight × (1 + ln count), in order of first
    /// appearance. A map from bucket to position (4 bytes a bucket, up to 2^22 buckets) makes it
    /// linear in the document's length; larger tables sort instead.
    private mutating func mergeRepeats() {
        let count = buckets.count
        guard count > 1 else { return }
        if bits > 22 { return mergeRepeatsBySorting() }
        if positions.isEmpty { positions = [Int32](repeating: -1, count: 1 << bits) }
        swap(&entryValues, &values)
        values.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        var unique = 0
        positions.withUnsafeMutableBufferPointer { position in
            for i in 0..<count {
                let bucket = Int(buckets[i])
                let at = Int(position[bucket])
                if at >= 0 {
                    values[at] += entryValues[i]
                    counts[at] += 1
                } else {
                    position[bucket] = Int32(unique)
                    buckets[unique] = buckets[i]
                    isCharacterGram[unique] = isCharacterGram[i]
                    values.append(entryValues[i])
                    counts.append(1)
                    unique += 1
                }
            }
            for i in 0..<unique { position[Int(buckets[i])] = -1 }
        }
        buckets.removeLast(count - unique)
        isCharacterGram.removeLast(count - unique)
        for i in 0..<unique where counts[i] > 1 { values[i] = damped(sum: values[i], count: Int(counts[i])) }
    }

    /// weight × (1 + ln count) from the sum of `count` entries of one weight.
    @inline(__always)
    private func damped(sum: Float, count: Int) -> Float {
        let logarithm = count < Self.logTable.count ? Self.logTable[count] : Float(_log(Double(count)))
        return sum / Float(count) * (1 + logarithm)
    }

    private static let logTable: [Float] = (0..<256).map { $0 == 0 ? 0 : Float(_log(Double($0))) }

    private mutating func mergeRepeatsBySorting() {
        let count = buckets.count
        sortKeys.removeAll(keepingCapacity: true)
        for i in 0..<count { sortKeys.append(UInt64(buckets[i]) << 32 | UInt64(i)) }
        sortKeys.sort()
        buckets.removeAll(keepingCapacity: true)
        let flags = isCharacterGram
        isCharacterGram.removeAll(keepingCapacity: true)
        swap(&entryValues, &values)
        values.removeAll(keepingCapacity: true)
        var i = 0
        while i < count {
            let bucket = UInt32(truncatingIfNeeded: sortKeys[i] >> 32)
            isCharacterGram.append(flags[Int(sortKeys[i] & 0xFFFF_FFFF)])
            var sum: Float = 0
            var n = 0
            while i < count, UInt32(truncatingIfNeeded: sortKeys[i] >> 32) == bucket {
                sum += entryValues[Int(sortKeys[i] & 0xFFFF_FFFF)]
                n += 1
                i += 1
            }
            buckets.append(bucket)
            values.append(n == 1 ? sum : damped(sum: sum, count: n))
        }
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
                    emit(hash, weight, character: true)
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
