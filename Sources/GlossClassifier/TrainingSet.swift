/// The features of every training example, extracted once and kept flat so the passes of
/// `train` only do arithmetic.
struct TrainingSet {
    private var buckets: [UInt32] = []
    private var values: [Float] = []
    private var targets: [Float] = []
    /// Where each example's features start in `buckets`/`values`; one more entry than examples.
    private var offsets: [Int] = [0]
    private let classes: Int

    var count: Int { offsets.count - 1 }

    /// Keeps the examples with at least one of the classifier's labels.
    init(_ examples: [TrainingExample], classifier: TextClassifier) {
        classes = classifier.labels.count
        var hasher = classifier.hasher
        for example in examples {
            let indices = classifier.targetIndices(example.labels)
            guard !indices.isEmpty else { continue }
            hasher.extract(example.text)
            buckets += hasher.buckets
            values += hasher.values
            offsets.append(buckets.count)
            let start = targets.count
            targets += repeatElement(0, count: classes)
            for c in indices { targets[start + c] = 1 }
        }
    }

    func withExample<R>(
        _ index: Int,
        _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<Float>, [Float]) -> R
    ) -> R {
        let range = offsets[index]..<offsets[index + 1]
        let target = Array(targets[index * classes..<(index + 1) * classes])
        return buckets.withUnsafeBufferPointer { b in
            values.withUnsafeBufferPointer { v in
                body(UnsafeBufferPointer(rebasing: b[range]), UnsafeBufferPointer(rebasing: v[range]), target)
            }
        }
    }
}
