/// The accuracy of always answering the training set's most common label set, and the
/// warning `gloss train` prints when a model does no better: such a model has learned nothing
/// useful (as on a corpus where training diverged), and storing it silently would hide that.
public struct MajorityBaseline: Sendable, Equatable {
    /// The most common label set of the training examples (names joined by ", ").
    public let majority: String
    /// The share of held-out examples whose label set is the majority one.
    public let accuracy: Double

    /// The baseline of `training` scored on `heldOut` (each example's label names, any order).
    public init(training: [[String]], heldOut: [[String]]) {
        var counts: [[String]: Int] = [:]
        for labels in training { counts[labels.sorted(), default: 0] += 1 }
        let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key) }.first?.key ?? []
        majority = top.joined(separator: ", ")
        let hits = heldOut.filter { $0.sorted() == top }.count
        accuracy = heldOut.isEmpty ? 0 : Double(hits) / Double(heldOut.count)
    }

    /// A sentence for a model whose held-out accuracy is not above the baseline; nil otherwise.
    public func warning(heldOutAccuracy: Double) -> String? {
        guard heldOutAccuracy <= accuracy + 1e-9 else { return nil }
        let model = String(format3(heldOutAccuracy)), baseline = String(format3(accuracy))
        return "the model's held-out accuracy \(model) is not above the \(baseline) of always answering \"\(majority)\" (the most common label): it has learned nothing useful. It was stored, but check the labels and the data before using it."
    }

    private func format3(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = thousandths % 1000
        return "\(thousandths / 1000).\(fraction < 10 ? "00" : fraction < 100 ? "0" : "")\(fraction)"
    }
}
