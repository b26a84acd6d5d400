/// Inverse document frequency weights of hashed features, counted on the examples `train`
/// learns from (smoothed, as scikit-learn's TfidfVectorizer): a feature in every one of the
/// n documents weighs 1, one in df of them 1 + ln((1 + n) / (1 + df)), and one no document
/// had 1 + ln(1 + n). `FeatureHasher` multiplies them into a document's damped counts before
/// scaling it to unit length, so the words every label uses, and the character n-grams
/// that many words share, weigh less than the rarer features that tell labels apart.
/// Dense, 4 bytes a bucket, like the model's bucket map.
struct InverseDocumentFrequency: Sendable, Equatable {
    /// The weight of each bucket.
    private(set) var weights: [Float]
    /// The weight of a bucket that no counted document had.
    let unseen: Float

    /// The weight of a feature found in `frequency` of `documents` documents.
    static func weight(documents: Int, frequency: Int) -> Float {
        1 + Float(_log(Double(1 + max(documents, 0)) / Double(1 + max(frequency, 0))))
    }

    /// From the document frequencies of the buckets that occurred in `documents` documents.
    init<Frequencies: Sequence>(bits: Int, documents: Int, frequencies: Frequencies)
    where Frequencies.Element == (UInt32, Int32) {
        unseen = Self.weight(documents: documents, frequency: 0)
        weights = [Float](repeating: unseen, count: 1 << bits)
        for (bucket, frequency) in frequencies where frequency > 0 {
            weights[Int(bucket)] = Self.weight(documents: documents, frequency: Int(frequency))
        }
    }

    /// As stored in a model file: the weight of unseen buckets and every other bucket's own.
    init(bits: Int, unseen: Float, entries: [(bucket: UInt32, weight: Float)]) {
        self.unseen = unseen
        weights = [Float](repeating: unseen, count: 1 << bits)
        for entry in entries { weights[Int(entry.bucket)] = entry.weight }
    }

    /// The buckets whose weight is not `unseen` (the ones training documents had: their
    /// weight is below it), in increasing order: what a model file stores.
    var entries: [(bucket: UInt32, weight: Float)] {
        var entries: [(bucket: UInt32, weight: Float)] = []
        for (bucket, weight) in weights.enumerated() where weight != unseen {
            entries.append((UInt32(bucket), weight))
        }
        return entries
    }

    subscript(bucket: UInt32) -> Float { weights[Int(bucket)] }

    var bytes: Int { weights.capacity * 4 }
}
