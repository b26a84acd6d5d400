/// How the linear model learns.
struct LearningSettings: Sendable, Equatable {
    /// AdaGrad's base step.
    var learningRate: Float = 0.2
    /// L2 penalty, applied to the weights an example touches.
    var l2: Float = 1e-5
    /// Whether `train` ends with the average of its iterates (averaged SGD).
    var averaging = true

    static let standard = LearningSettings()
}

/// Weights over hashed features for `classes` outputs, laid out bucket-major
/// (`weights[bucket * classes + class]`) so one feature's weights are adjacent.
/// Softmax over the outputs for single-label, an independent sigmoid each for multilabel.
struct LinearModel: Sendable {
    let classes: Int
    let multilabel: Bool
    var weights: [Float]
    var bias: [Float]
    /// AdaGrad's sums of squared gradients, one per weight (empty until the first step).
    private var gradientSquares: [Float] = []
    private var biasGradientSquares: [Float]
    /// Averaging: the sum of step × change per weight, and the step count.
    private var weightedChanges: [Float] = []
    private var biasWeightedChanges: [Float]
    private var averagingStep: Float = 0

    init(classes: Int, multilabel: Bool, bits: Int) {
        self.classes = classes
        self.multilabel = multilabel
        weights = [Float](repeating: 0, count: classes << bits)
        bias = [Float](repeating: 0, count: classes)
        biasGradientSquares = [Float](repeating: 0, count: classes)
        biasWeightedChanges = [Float](repeating: 0, count: classes)
    }

    init(classes: Int, multilabel: Bool, weights: [Float], bias: [Float]) {
        self.classes = classes
        self.multilabel = multilabel
        self.weights = weights
        self.bias = bias
        biasGradientSquares = [Float](repeating: 0, count: classes)
        biasWeightedChanges = [Float](repeating: 0, count: classes)
    }

    /// Raw scores (logits) of one feature vector into `scores` (count `classes`).
    func score(
        _ buckets: UnsafeBufferPointer<UInt32>, _ values: UnsafeBufferPointer<Float>,
        into scores: UnsafeMutableBufferPointer<Float>
    ) {
        let k = classes
        for c in 0..<k { scores[c] = bias[c] }
        weights.withUnsafeBufferPointer { w in
            for i in 0..<buckets.count {
                let base = Int(buckets[i]) &* k
                let v = values[i]
                for c in 0..<k { scores[c] += w[base &+ c] * v }
            }
        }
    }

    /// Turns scores into probabilities in place (softmax, or sigmoid per output), dividing by `temperature`.
    func probabilities(_ scores: UnsafeMutableBufferPointer<Float>, temperature: Float) {
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

    /// Starts averaging afresh (the start of `train`).
    mutating func beginAveraging() {
        weightedChanges = [Float](repeating: 0, count: weights.count)
        for c in 0..<classes { biasWeightedChanges[c] = 0 }
        averagingStep = 1
    }

    /// Replaces the weights with the average of every iterate since `beginAveraging`.
    mutating func endAveraging() {
        guard !weightedChanges.isEmpty, averagingStep > 0 else { return }
        let inverse = 1 / averagingStep
        for i in weights.indices { weights[i] -= weightedChanges[i] * inverse }
        for c in 0..<classes { bias[c] -= biasWeightedChanges[c] * inverse }
        weightedChanges = []
        averagingStep = 0
    }

    /// One AdaGrad step of the log loss on one example; `targets` holds 1 for each true output.
    mutating func learn(
        _ buckets: UnsafeBufferPointer<UInt32>, _ values: UnsafeBufferPointer<Float>,
        targets: UnsafeBufferPointer<Float>, scratch: UnsafeMutableBufferPointer<Float>,
        settings: LearningSettings
    ) {
        if gradientSquares.isEmpty { gradientSquares = [Float](repeating: 0, count: weights.count) }
        score(buckets, values, into: scratch)
        probabilities(scratch, temperature: 1)
        let k = classes
        for c in 0..<k { scratch[c] -= targets[c] }
        let rate = settings.learningRate
        let l2 = settings.l2
        let averaging = !weightedChanges.isEmpty
        let step = averagingStep
        for c in 0..<k {
            let g = scratch[c]
            biasGradientSquares[c] += g * g
            let change = -rate * g / (biasGradientSquares[c].squareRoot() + 1e-6)
            bias[c] += change
            if averaging { biasWeightedChanges[c] += step * change }
        }
        weights.withUnsafeMutableBufferPointer { w in
            gradientSquares.withUnsafeMutableBufferPointer { squares in
                weightedChanges.withUnsafeMutableBufferPointer { changes in
                    for i in 0..<buckets.count {
                        let base = Int(buckets[i]) &* k
                        let v = values[i]
                        for c in 0..<k {
                            let at = base &+ c
                            let g = scratch[c] * v + l2 * w[at]
                            guard g != 0 else { continue }
                            squares[at] += g * g
                            let change = -rate * g / squares[at].squareRoot()
                            w[at] += change
                            if averaging { changes[at] += step * change }
                        }
                    }
                }
            }
        }
        if averaging { averagingStep += 1 }
    }
}

/// e^x computed with plain arithmetic (range reduction and a polynomial), so results are the
/// same on every platform, unlike a C library's `exp`.
@inline(__always)
func _exp(_ x: Float) -> Float {
    let clamped = Double(max(-87, min(88, x)))
    let k = (clamped * 1.4426950408889634).rounded()
    let r = clamped - k * 0.6931471805599453
    // Taylor series of e^r for |r| <= ln2/2, accurate well beyond Float precision.
    var p = 1.0 / 5040.0
    p = p * r + 1.0 / 720.0
    p = p * r + 1.0 / 120.0
    p = p * r + 1.0 / 24.0
    p = p * r + 1.0 / 6.0
    p = p * r + 0.5
    p = p * r + 1.0
    p = p * r + 1.0
    let scale = Double(sign: .plus, exponent: Int(k), significand: 1)
    return Float(p * scale)
}
