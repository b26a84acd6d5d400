/// What one learning step changed (each weight's and AdaGrad sum's value before it), so the
/// step can be taken back exactly: a refused step is rolled back, and the labeler's undo of
/// its latest decisions restores the model as it was before them.
struct StepJournal: Sendable, Equatable {
    /// Weight index (row × classes + class), or -1 - c for the bias of class c.
    var indices: [Int32] = []
    var oldValues: [Float] = []
    var oldSquares: [Float] = []
    /// The model's row count before the step: rows the step added are dropped on undo.
    var rowsBefore = 0

    mutating func removeAll() {
        indices.removeAll(keepingCapacity: true)
        oldValues.removeAll(keepingCapacity: true)
        oldSquares.removeAll(keepingCapacity: true)
        rowsBefore = 0
    }

    var bytes: Int { indices.capacity * 4 + (oldValues.capacity + oldSquares.capacity) * 4 }
}

extension LinearModel {
    /// One AdaGrad step of the log loss on one document given as rows (see `assignRows`);
    /// `targets` holds 1 for each true output. A step that would leave a weight, bias or
    /// AdaGrad sum that is not a finite number is refused: with a `journal` it is rolled
    /// back and nothing changes; without one (batch training) the caller must stop.
    /// Returns whether the step was taken.
    mutating func learn(
        rows: UnsafeBufferPointer<Int32>, _ values: UnsafeBufferPointer<Float>,
        targets: UnsafeBufferPointer<Float>, scratch: UnsafeMutableBufferPointer<Float>,
        settings: LearningSettings, journal: UnsafeMutablePointer<StepJournal>?
    ) -> Bool {
        score(rows: rows, values, into: scratch)
        let k = classes
        for c in 0..<k where !scratch[c].isFinite { return false }
        probabilities(scratch, temperature: 1)
        // Outputs already within `skipBelow` of their target are left as they are: on data the
        // model has learned, most outputs of most examples are, and long documents cost little.
        var active = 0
        for c in 0..<k {
            scratch[c] -= targets[c]
            if abs(scratch[c]) < settings.skipBelow { scratch[c] = 0 } else { active += 1 }
        }
        guard active > 0 else {
            advanceAveraging()
            return true
        }
        let rate = settings.learningRate
        let l2 = settings.l2
        let damping = settings.stepDamping
        let averaging = isAveraging
        var finite = true
        journal?.pointee.removeAll()
        for c in 0..<k where settings.learnsBias {
            let g = scratch[c]
            guard g != 0 else { continue }
            journal?.pointee.indices.append(Int32(-1 - c))
            journal?.pointee.oldValues.append(bias[c])
            journal?.pointee.oldSquares.append(biasGradientSquares[c])
            biasGradientSquares[c] += g * g
            let change = -rate * g / (biasGradientSquares[c].squareRoot() + max(damping, 1e-6))
            bias[c] += change
            if averaging { biasWeightedChanges[c] += averagingStep * change }
            if !bias[c].isFinite || !biasGradientSquares[c].isFinite { finite = false }
        }
        let step = averagingStep
        weights.withUnsafeMutableBufferPointer { w in
            gradientSquares.withUnsafeMutableBufferPointer { squares in
              weightedChanges.withUnsafeMutableBufferPointer { averaged in
                for i in 0..<rows.count {
                    let r = Int(rows[i])
                    guard r >= 0 else { continue }
                    let base = r &* k
                    let v = values[i]
                    for c in 0..<k where scratch[c] != 0 {
                        let at = base &+ c
                        let g = scratch[c] * v + l2 * w[at]
                        if let journal {
                            journal.pointee.indices.append(Int32(at))
                            journal.pointee.oldValues.append(w[at])
                            journal.pointee.oldSquares.append(squares[at])
                        }
                        let square = squares[at] + g * g
                        let change = -rate * g / (square.squareRoot() + damping)
                        squares[at] = square
                        w[at] += change
                        if !w[at].isFinite || !square.isFinite { finite = false }
                        if averaging { averaged[at] += step * change }
                    }
                }
              }
            }
        }
        advanceAveraging()
        if !finite, let journal { undo(journal.pointee) }
        return finite
    }

    /// Puts back every value `journal` recorded, latest first, and drops the rows added since.
    mutating func undo(_ journal: StepJournal) {
        defer { truncateRows(to: journal.rowsBefore) }
        for i in stride(from: journal.indices.count - 1, through: 0, by: -1) {
            let at = Int(journal.indices[i])
            if at < 0 {
                bias[-1 - at] = journal.oldValues[i]
                biasGradientSquares[-1 - at] = journal.oldSquares[i]
            } else {
                weights[at] = journal.oldValues[i]
                gradientSquares[at] = journal.oldSquares[i]
            }
        }
    }
}
