extension TextClassifier {
    /// Fits `temperature` to minimize the log loss on `heldOut`, examples the model did not
    /// learn from, so its probabilities mean what they say (an overconfident model gets a
    /// temperature above 1). Returns the temperature; with no usable examples it stays as is.
    @discardableResult
    public func calibrate(on heldOut: [TrainingExample]) -> Float {
        var logits: [[Float]] = []
        var truths: [[Int]] = []
        let saved = temperature
        temperature = 1
        for example in heldOut {
            let known = targetIndices(example.labels)
            guard isUsable(names: example.labels, known: known) else { continue }
            logits.append(scores(example.text))
            truths.append(known)
        }
        guard !logits.isEmpty else {
            temperature = saved
            return saved
        }
        // The log loss is smooth and unimodal in log T: a golden-section search over [1/8, 8].
        var low = Float(-2.0794415), high = Float(2.0794415)
        let ratio: Float = 0.618034
        for _ in 0..<40 {
            let a = high - ratio * (high - low)
            let b = low + ratio * (high - low)
            if logLoss(logits, truths, temperature: _exp(a)) <= logLoss(logits, truths, temperature: _exp(b)) {
                high = b
            } else {
                low = a
            }
        }
        temperature = _exp((low + high) / 2)
        return temperature
    }

    /// The mean log loss of `logits` against `truths` at `temperature`.
    func logLoss(_ logits: [[Float]], _ truths: [[Int]], temperature: Float) -> Double {
        var total = 0.0
        var probabilities = [Float](repeating: 0, count: labels.count)
        for (scores, truth) in zip(logits, truths) {
            probabilities = scores
            probabilities.withUnsafeMutableBufferPointer { model.probabilities($0, temperature: temperature) }
            for c in 0..<labels.count {
                let p = Double(multilabel && !truth.contains(c) ? 1 - probabilities[c] : probabilities[c])
                if multilabel || truth.contains(c) { total -= Double(_log(max(p, 1e-12))) }
            }
        }
        return total / Double(logits.count)
    }

    /// The raw scores (logits) of `text`, one per label.
    func scores(_ text: String) -> [Float] {
        hasher.extract(text)
        var result = [Float](repeating: 0, count: labels.count)
        hasher.buckets.withUnsafeBufferPointer { buckets in
            hasher.values.withUnsafeBufferPointer { values in
                result.withUnsafeMutableBufferPointer { model.score(buckets, values, into: $0) }
            }
        }
        return result
    }
}

/// The natural logarithm with plain arithmetic (same on every platform): x = m·2^e, then a series in (m-1)/(m+1).
func _log(_ x: Double) -> Double {
    guard x > 0 else { return -.infinity }
    var m = x.significand
    var e = Double(x.exponent)
    if m > 1.4142135623730951 {
        m /= 2
        e += 1
    }
    let s = (m - 1) / (m + 1)
    let s2 = s * s
    var term = s
    var sum = 0.0
    var k = 1.0
    while abs(term) > 1e-17 {
        sum += term / k
        term *= s2
        k += 2
    }
    return 2 * sum + e * 0.6931471805599453
}
