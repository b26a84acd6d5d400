/// How the linear model learns.
struct LearningSettings: Sendable, Equatable {
    /// AdaGrad's base step.
    var learningRate: Float = 1
    /// L2 penalty, applied to the weights an example touches.
    var l2: Float = 1e-5
    /// Whether `train` ends with the average of its iterates (averaged SGD).
    var averaging = true
    /// Added to the root of a weight's summed squared gradients before dividing the step by
    /// it (McMahan's β). With 0, AdaGrad's first step on a weight is ±learningRate whatever
    /// the gradient's size, so a document with thousands of small features moves the score
    /// by learningRate × √features in one step: long documents diverged that way.
    var stepDamping: Float = 0.1
    /// Outputs whose error |p - target| is below this take no step on an example.
    var skipBelow: Float = 0.01
    /// Whether steps move the biases. `train` keeps them at the labels' log priors, unlearned,
    /// on a set too small to validate (see `TextClassifier.train`).
    var learnsBias = true

    static let standard = LearningSettings()
    /// The settings of format-1 models (no damping), kept to read them as they were.
    static let format1 = LearningSettings(learningRate: 0.2, stepDamping: 0, skipBelow: 0)
}

/// Weights over hashed features for `classes` outputs, stored only for the buckets that
/// occur: `rowOfBucket` maps a bucket to its row (or -1), and row `r`'s weights are
/// `weights[r * classes ..< (r + 1) * classes]`, adjacent as one feature's scores need them.
/// Memory grows with the features seen (plus 4 bytes a bucket for the map), not with
/// classes × buckets. Softmax over the outputs for single-label, a sigmoid each for multilabel.
struct LinearModel: Sendable {
    let classes: Int
    let multilabel: Bool
    let bits: Int
    /// The row of each bucket, -1 while the bucket has no weights (they are all zero).
    private(set) var rowOfBucket: [Int32]
    /// The bucket of each row, in the order rows were added.
    private(set) var bucketOfRow: [UInt32] = []
    var weights: [Float] = []
    var bias: [Float]
    /// AdaGrad's sums of squared gradients, aligned with `weights` and `bias`.
    var gradientSquares: [Float] = []
    var biasGradientSquares: [Float]
    /// Averaging: the sum of step × change per weight, and the step count (empty when off).
    var weightedChanges: [Float] = []
    var biasWeightedChanges: [Float]
    var averagingStep: Float = 0
    /// Rows are not added beyond this (a feature without a row is ignored), bounding memory.
    var maximumRows: Int

    init(classes: Int, multilabel: Bool, bits: Int, maximumRows: Int = .max) {
        self.classes = classes
        self.multilabel = multilabel
        self.bits = bits
        self.maximumRows = maximumRows
        rowOfBucket = [Int32](repeating: -1, count: 1 << bits)
        bias = [Float](repeating: 0, count: classes)
        biasGradientSquares = [Float](repeating: 0, count: classes)
        biasWeightedChanges = [Float](repeating: 0, count: classes)
    }

    var rowCount: Int { bucketOfRow.count }

    /// The buckets that have rows, in increasing order.
    var bucketsInOrder: [UInt32] { bucketOfRow.sorted() }

    /// Bytes held by the model's arrays (weights, AdaGrad sums, averaging, the bucket map).
    var memoryBytes: Int {
        rowOfBucket.count * 4 + bucketOfRow.count * 4
            + (weights.capacity + gradientSquares.capacity + weightedChanges.capacity) * 4 + bias.count * 12
    }

    /// The row of `bucket`, adding a zero row when it has none (-1 when `maximumRows` is reached).
    @inline(__always)
    mutating func row(adding bucket: UInt32) -> Int32 {
        let found = rowOfBucket[Int(bucket)]
        if found >= 0 || bucketOfRow.count >= maximumRows { return found }
        let row = Int32(bucketOfRow.count)
        rowOfBucket[Int(bucket)] = row
        bucketOfRow.append(bucket)
        if weights.count + classes > weights.capacity {
            // Grow by doubling, but never past `maximumRows`: the bound is on what is allocated.
            let target = min(max(weights.capacity * 2, 256 * classes), maximumRows == .max ? .max : maximumRows * classes)
            weights.reserveCapacity(target)
            gradientSquares.reserveCapacity(target)
        }
        weights.append(contentsOf: repeatElement(0, count: classes))
        gradientSquares.append(contentsOf: repeatElement(0, count: classes))
        if !weightedChanges.isEmpty || averagingStep > 0 {
            weightedChanges.append(contentsOf: repeatElement(0, count: classes))
        }
        return row
    }

    /// Drops the rows from `count` on (their buckets have no row again).
    mutating func truncateRows(to count: Int) {
        guard count < bucketOfRow.count else { return }
        for bucket in bucketOfRow[count...] { rowOfBucket[Int(bucket)] = -1 }
        bucketOfRow.removeSubrange(count...)
        weights.removeSubrange((count * classes)...)
        gradientSquares.removeSubrange((count * classes)...)
        if !weightedChanges.isEmpty { weightedChanges.removeSubrange((count * classes)...) }
    }

    /// Gives every bucket in `buckets` a row, and replaces each entry by its row (-1 when none
    /// could be added): what `train` does once, so its passes skip the map.
    mutating func assignRows(_ buckets: inout [Int32]) {
        for i in buckets.indices { buckets[i] = row(adding: UInt32(bitPattern: buckets[i])) }
    }

    /// Sets the weights of `bucket` (a model file being read); the bucket gets a row.
    mutating func setWeights(bucket: UInt32, _ values: [Float]) {
        let r = Int(row(adding: bucket))
        guard r >= 0 else { return }
        for c in 0..<classes { weights[r * classes + c] = values[c] }
    }

    /// Gives `bucket` the next row with these weights and AdaGrad sums (a state being read).
    mutating func setRow(bucket: UInt32, weights rowWeights: [Float], squares: [Float]) {
        let r = Int(row(adding: bucket))
        guard r >= 0 else { return }
        for c in 0..<classes {
            weights[r * classes + c] = rowWeights[c]
            gradientSquares[r * classes + c] = squares[c]
        }
    }

    /// The weights of `bucket` (zeros when it has none).
    func weights(ofBucket bucket: UInt32) -> ArraySlice<Float> {
        let r = Int(rowOfBucket[Int(bucket)])
        guard r >= 0 else { return ArraySlice(repeatElement(0, count: classes)) }
        return weights[r * classes..<(r + 1) * classes]
    }

    /// Whether every weight, bias and AdaGrad sum is a finite number.
    var isFinite: Bool {
        weights.allSatisfy(\.isFinite) && bias.allSatisfy(\.isFinite)
            && gradientSquares.allSatisfy(\.isFinite) && biasGradientSquares.allSatisfy(\.isFinite)
    }

    /// Raw scores (logits) of one document given by buckets into `scores` (count `classes`).
    func score(
        _ buckets: UnsafeBufferPointer<UInt32>, _ values: UnsafeBufferPointer<Float>,
        into scores: UnsafeMutableBufferPointer<Float>
    ) {
        rowOfBucket.withUnsafeBufferPointer { map in
            scoreRows(count: buckets.count, row: { map[Int(buckets[$0])] }, values, into: scores)
        }
    }

    /// Raw scores of one document whose features are already rows (see `assignRows`).
    func score(rows: UnsafeBufferPointer<Int32>, _ values: UnsafeBufferPointer<Float>, into scores: UnsafeMutableBufferPointer<Float>) {
        scoreRows(count: rows.count, row: { rows[$0] }, values, into: scores)
    }

    @inline(__always)
    private func scoreRows(
        count: Int, row: (Int) -> Int32, _ values: UnsafeBufferPointer<Float>, into scores: UnsafeMutableBufferPointer<Float>
    ) {
        let k = classes
        for c in 0..<k { scores[c] = bias[c] }
        weights.withUnsafeBufferPointer { w in
            if k == 2 || k == 3 {
                // The common small cases keep their sums in registers while the loads overlap.
                var s0: Float = 0, s1: Float = 0, s2: Float = 0
                for i in 0..<count {
                    let r = Int(row(i))
                    guard r >= 0 else { continue }
                    let base = r &* k
                    let v = values[i]
                    s0 += w[base] * v
                    s1 += w[base &+ 1] * v
                    if k == 3 { s2 += w[base &+ 2] * v }
                }
                scores[0] += s0
                scores[1] += s1
                if k == 3 { scores[2] += s2 }
                return
            }
            for i in 0..<count {
                let r = Int(row(i))
                guard r >= 0 else { continue }
                let base = r &* k
                let v = values[i]
                for c in 0..<k { scores[c] += w[base &+ c] * v }
            }
        }
    }

    /// Turns scores into probabilities in place (softmax, or sigmoid per output), dividing by
    /// `temperature`. Non-finite scores give uniform probabilities rather than NaN.
    func probabilities(_ scores: UnsafeMutableBufferPointer<Float>, temperature: Float) {
        for c in 0..<classes where !scores[c].isFinite {
            for d in 0..<classes { scores[d] = multilabel ? 0.5 : 1 / Float(classes) }
            return
        }
        if multilabel {
            for c in 0..<classes { scores[c] = 1 / (1 + _exp(-scores[c] / temperature)) }
            return
        }
        var top = -Float.infinity
        for c in 0..<classes { top = max(top, scores[c]) }
        var sum: Float = 0
        for c in 0..<classes {
            scores[c] = _exp((scores[c] - top) / temperature)
            sum += scores[c]
        }
        for c in 0..<classes { scores[c] /= sum }
    }

    /// Zeroes every weight, bias and AdaGrad sum; the rows stay (a refit from scratch).
    mutating func resetWeights() {
        for i in weights.indices { weights[i] = 0 }
        for i in gradientSquares.indices { gradientSquares[i] = 0 }
        for c in 0..<classes {
            bias[c] = 0
            biasGradientSquares[c] = 0
            biasWeightedChanges[c] = 0
        }
        weightedChanges = []
        averagingStep = 0
    }

    /// Starts averaging afresh (the start of `train`).
    mutating func beginAveraging() {
        weightedChanges = [Float](repeating: 0, count: weights.count)
        for c in 0..<classes { biasWeightedChanges[c] = 0 }
        averagingStep = 1
    }

    /// Replaces the weights with the average of every iterate since `beginAveraging`.
    mutating func endAveraging() {
        guard averagingStep > 0 else { return }
        let inverse = 1 / averagingStep
        for i in weights.indices { weights[i] -= weightedChanges[i] * inverse }
        for c in 0..<classes { bias[c] -= biasWeightedChanges[c] * inverse }
        weightedChanges = []
        averagingStep = 0
    }

    var isAveraging: Bool { averagingStep > 0 }
    mutating func advanceAveraging() { if averagingStep > 0 { averagingStep += 1 } }
}
