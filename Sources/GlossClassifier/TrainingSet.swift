/// The features of every training example, extracted once and kept flat, each bucket already
/// replaced by its row of the classifier's model, so the passes of `train` only do arithmetic.
struct TrainingSet {
    private var rows: [Int32] = []
    /// Whether each entry is a character n-gram (see `FeatureHasher.isCharacterGram`).
    private var isCharacterGram: [Bool] = []
    private var values: [Float] = []
    private var targets: [Float] = []
    /// Where each example's features start in `buckets`/`values`; one more entry than examples.
    private var offsets: [Int] = [0]
    private let classes: Int

    var count: Int { offsets.count - 1 }
    var indices: Range<Int> { 0..<count }
    /// Feature entries in all, and of one example.
    var entryCount: Int { rows.count }
    func entryCount(_ index: Int) -> Int { offsets[index + 1] - offsets[index] }

    /// The first label of example `index` (nil for a multilabel example with none).
    func firstTarget(_ index: Int) -> Int? {
        (0..<classes).first { targets[index * classes + $0] > 0 }
    }

    /// log(prior) of each label over `indices` (every example when nil), add-one smoothed:
    /// each label counts once more than its examples, so a label without any is not -infinity.
    func logPriors(_ indices: [Int]? = nil) -> [Float] {
        var counts = [Float](repeating: 1, count: classes)
        for index in indices ?? Array(self.indices) { if let c = firstTarget(index) { counts[c] += 1 } }
        let total = counts.reduce(0, +)
        return counts.map { Float(_log(Double($0 / total))) }
    }

    /// Keeps the examples the classifier can learn from (see `TextClassifier.isUsable`).
    init(_ examples: [TrainingExample], classifier: TextClassifier) {
        classes = classifier.labels.count
        var hasher = classifier.hasher
        for example in examples {
            let indices = classifier.targetIndices(example.labels)
            guard classifier.isUsable(names: example.labels, known: indices) else { continue }
            hasher.extract(example.text)
            for bucket in hasher.buckets { rows.append(classifier.model.row(adding: bucket)) }
            values += hasher.values
            isCharacterGram += hasher.isCharacterGram
            offsets.append(rows.count)
            let start = targets.count
            targets += repeatElement(0, count: classes)
            for c in indices { targets[start + c] = 1 }
        }
    }

    /// Counts in how many examples each row occurs, multiplies every entry by its inverse
    /// document frequency and scales each example back to unit length: what extracting with
    /// those weights gives (an example's own scale cancels out in its unit length), without
    /// extracting again. Each row must occur at most once per example (the merged features of
    /// `FeatureScaling.logCountUnitLength`). Returns the weights by bucket (`bucketOfRow`), to
    /// extract other texts the same way; entries without a row weigh as unseen buckets do.
    mutating func weighByInverseDocumentFrequency(bucketOfRow: [UInt32], bits: Int) -> InverseDocumentFrequency {
        var frequency = [Int32](repeating: 0, count: bucketOfRow.count)
        for row in rows where row >= 0 { frequency[Int(row)] += 1 }
        let idf = InverseDocumentFrequency(bits: bits, documents: count, frequencies: zip(bucketOfRow, frequency))
        let rowWeights = bucketOfRow.map { idf[$0] }
        for index in 0..<count {
            let range = offsets[index]..<offsets[index + 1]
            var norm: Float = 0
            for i in range {
                values[i] *= rows[i] >= 0 ? rowWeights[Int(rows[i])] : idf.unseen
                norm += values[i] * values[i]
            }
            guard norm > 0 else { continue }
            let scale = 1 / norm.squareRoot()
            for i in range { values[i] *= scale }
        }
        return idf
    }

    /// The same examples without their character n-grams, each rescaled to unit length: what
    /// extracting with `charWeight` 0 would give, without extracting again. Nil when the set
    /// has no character n-grams to drop.
    func withoutCharacterGrams() -> TrainingSet? {
        guard isCharacterGram.contains(true) else { return nil }
        var copy = self
        copy.rows = []
        copy.values = []
        copy.isCharacterGram = []
        copy.offsets = [0]
        for index in 0..<count {
            let range = offsets[index]..<offsets[index + 1]
            var norm: Float = 0
            for i in range where !isCharacterGram[i] { norm += values[i] * values[i] }
            let scale = norm > 0 ? 1 / norm.squareRoot() : 0
            for i in range where !isCharacterGram[i] {
                copy.rows.append(rows[i])
                copy.values.append(values[i] * scale)
            }
            copy.offsets.append(copy.rows.count)
        }
        copy.isCharacterGram = [Bool](repeating: false, count: copy.rows.count)
        return copy
    }

    /// The examples a `DecisionMemory` keeps, their buckets given rows of `model`.
    init(memory: DecisionMemory, model: inout LinearModel) {
        classes = memory.classes
        rows.reserveCapacity(memory.entryCount)
        for bucket in memory.buckets { rows.append(model.row(adding: bucket)) }
        values = memory.values
        isCharacterGram = [Bool](repeating: false, count: memory.values.count)
        targets = memory.targets
        offsets = memory.offsets
    }

    /// Calls `body` with one example's rows, values and targets (one per class).
    func withExample<R>(
        _ index: Int,
        _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Float>, UnsafeBufferPointer<Float>) -> R
    ) -> R {
        let range = offsets[index]..<offsets[index + 1]
        let targetRange = index * classes..<(index + 1) * classes
        return rows.withUnsafeBufferPointer { b in
            values.withUnsafeBufferPointer { v in
                targets.withUnsafeBufferPointer { t in
                    body(
                        UnsafeBufferPointer(rebasing: b[range]), UnsafeBufferPointer(rebasing: v[range]),
                        UnsafeBufferPointer(rebasing: t[targetRange]))
                }
            }
        }
    }
}
