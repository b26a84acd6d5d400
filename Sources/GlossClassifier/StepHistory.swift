/// The weight and AdaGrad-sum changes of the latest online steps, each under the key of the
/// example it learned, within a byte budget (the oldest go first). Undoing an older decision
/// subtracts its changes and leaves the later steps' changes in place: the result is close to,
/// not equal to, the model that never saw it (later steps were taken from other weights).
struct StepHistory: Sendable, Equatable {
    struct Change: Sendable, Equatable {
        var key: UInt64
        var indices: [Int32]
        var weightDeltas: [Float]
        var squareDeltas: [Float]
        var bytes: Int { indices.count * 12 + 32 }
    }

    static let budget = 2_000_000
    private(set) var changes: [Change] = []
    private(set) var bytes = 0

    /// Records what the step in `journal` changed, read from `model` just after the step.
    mutating func record(_ journal: StepJournal, model: LinearModel, key: UInt64) {
        var change = Change(key: key, indices: journal.indices, weightDeltas: [], squareDeltas: [])
        change.weightDeltas.reserveCapacity(journal.indices.count)
        change.squareDeltas.reserveCapacity(journal.indices.count)
        for (i, at) in journal.indices.enumerated() {
            let (now, square) = at < 0
                ? (model.bias[Int(-1 - at)], model.biasGradientSquares[Int(-1 - at)])
                : (model.weights[Int(at)], model.gradientSquares[Int(at)])
            change.weightDeltas.append(now - journal.oldValues[i])
            change.squareDeltas.append(square - journal.oldSquares[i])
        }
        guard change.bytes <= Self.budget else { return }
        changes.append(change)
        bytes += change.bytes
        while bytes > Self.budget, !changes.isEmpty { bytes -= changes.removeFirst().bytes }
    }

    /// Appends a change as it was recorded (a state being read).
    mutating func append(_ change: Change) {
        changes.append(change)
        bytes += change.bytes
    }

    /// Removes and returns the latest change recorded under `key`.
    mutating func take(_ key: UInt64) -> Change? {
        guard let index = changes.lastIndex(where: { $0.key == key }) else { return nil }
        bytes -= changes[index].bytes
        return changes.remove(at: index)
    }

    mutating func removeAll() {
        changes.removeAll()
        bytes = 0
    }
}

extension LinearModel {
    /// Subtracts a recorded step's changes (AdaGrad sums never go below zero).
    mutating func subtract(_ change: StepHistory.Change) {
        for (i, at) in change.indices.enumerated() {
            if at < 0 {
                bias[Int(-1 - at)] -= change.weightDeltas[i]
                biasGradientSquares[Int(-1 - at)] = max(0, biasGradientSquares[Int(-1 - at)] - change.squareDeltas[i])
            } else if Int(at) < weights.count {
                weights[Int(at)] -= change.weightDeltas[i]
                gradientSquares[Int(at)] = max(0, gradientSquares[Int(at)] - change.squareDeltas[i])
            }
        }
    }
}
