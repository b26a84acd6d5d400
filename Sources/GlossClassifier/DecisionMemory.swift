/// The features of the examples an online classifier has learned, kept while they are few
/// so that each `learn` can refit the model on all of them (several averaged passes learn far
/// more from a hundred examples than one step each), and `unlearn` can refit without one:
/// the model after an undo is then exactly the model that never saw the decision.
struct DecisionMemory: Sendable, Equatable {
    /// Buckets (not rows: rows belong to one model) and values of every example, flat.
    private(set) var buckets: [UInt32] = []
    private(set) var values: [Float] = []
    /// One entry per class per example.
    private(set) var targets: [Float] = []
    /// Where each example starts in `buckets`; one more entry than examples.
    private(set) var offsets: [Int] = [0]
    /// A hash of each example's text and labels, to find it again for `unlearn`.
    private(set) var keys: [UInt64] = []
    /// Whether each example came from `prime` (a guide) rather than a decision.
    private(set) var primed: [Bool] = []
    let classes: Int

    init(classes: Int) {
        self.classes = classes
    }

    var count: Int { keys.count }
    var entryCount: Int { buckets.count }
    var bytes: Int { buckets.count * 8 + targets.count * 4 + keys.count * 17 }

    mutating func append(buckets newBuckets: [UInt32], values newValues: [Float], targets newTargets: [Float],
                         key: UInt64, primed isPrimed: Bool) {
        buckets += newBuckets
        values += newValues
        targets += newTargets
        offsets.append(buckets.count)
        keys.append(key)
        primed.append(isPrimed)
    }

    /// Removes the latest example with `key`; false when there is none.
    mutating func removeLatest(key: UInt64) -> Bool {
        guard let index = keys.lastIndex(of: key) else { return false }
        let range = offsets[index]..<offsets[index + 1]
        buckets.removeSubrange(range)
        values.removeSubrange(range)
        targets.removeSubrange(index * classes..<(index + 1) * classes)
        let width = range.count
        offsets.remove(at: index + 1)
        for i in (index + 1)..<offsets.count { offsets[i] -= width }
        keys.remove(at: index)
        primed.remove(at: index)
        return true
    }

    /// Example `index`'s buckets, values and targets.
    func example(_ index: Int) -> (buckets: ArraySlice<UInt32>, values: ArraySlice<Float>, targets: ArraySlice<Float>) {
        let range = offsets[index]..<offsets[index + 1]
        return (buckets[range], values[range], targets[index * classes..<(index + 1) * classes])
    }

    /// Writes the memory (see `TextClassifier.serializedState`).
    func write(_ out: inout ModelWriter) {
        out.write(UInt32(count))
        for index in 0..<count {
            let example = example(index)
            out.write(keys[index])
            out.write(primed[index])
            out.write(UInt32(example.buckets.count))
            for bucket in example.buckets { out.write(bucket) }
            for value in example.values { out.write(value) }
            for target in example.targets { out.write(target) }
        }
    }

    static func read(_ input: inout ModelReader, classes: Int, buckets limit: Int) throws -> DecisionMemory {
        var memory = DecisionMemory(classes: classes)
        let count = try input.count("the remembered examples", minimumElementBytes: 13 + 4 * classes)
        for _ in 0..<count {
            let key = try input.uint64("an example's key")
            let primed = try input.bool("an example's origin")
            let entries = try input.count("an example's features", minimumElementBytes: 8)
            var buckets: [UInt32] = [], values: [Float] = [], targets: [Float] = []
            for _ in 0..<entries {
                let bucket = try input.uint32("a feature's bucket")
                guard Int(bucket) < limit else { throw ModelFileError.malformed("feature bucket \(bucket) is beyond \(limit) buckets") }
                buckets.append(bucket)
            }
            for _ in 0..<entries { values.append(try input.finiteFloat("a feature's value")) }
            for _ in 0..<classes { targets.append(try input.finiteFloat("an example's targets")) }
            memory.append(buckets: buckets, values: values, targets: targets, key: key, primed: primed)
        }
        return memory
    }
}

/// FNV-1a over an example's text and sorted labels: how `unlearn` finds what `learn` kept.
func exampleKey(_ example: TrainingExample) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    for byte in example.text.utf8 { mix(byte) }
    for label in example.labels.sorted() {
        mix(0x1F)
        for byte in label.utf8 { mix(byte) }
    }
    return hash
}
