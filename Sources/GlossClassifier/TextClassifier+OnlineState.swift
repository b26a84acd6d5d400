extension TextClassifier {
    /// The envelope kind of a labeler's online state.
    public static let onlineStateKind = "text-online"
    static let onlineStateVersion: UInt32 = 1

    /// The whole online state, for the labeler to keep its model between sessions: what
    /// `serialized()` holds plus each weight's AdaGrad sum, the rows in the order they were
    /// added, the examples kept for refitting and the last step's journal. A classifier read
    /// back with `loadState` predicts identically, and learns, unlearns and serializes
    /// identically afterwards. Float32 little-endian, in a checksummed `ModelFile` envelope.
    /// The inverse document frequencies `train` counts are not part of it: they belong to
    /// batch-trained models (see `serialized()`), never to the labeler's online one.
    public func serializedState() -> [UInt8] {
        var out = ModelWriter()
        out.write(Self.onlineStateVersion)
        out.write(labels)
        out.write(multilabel)
        out.write(UInt32(options.hashBits))
        out.write(UInt32(clamping: options.epochs))
        out.write(options.seed)
        out.write(UInt64(bitPattern: Int64(options.memoryLimit ?? -1)))
        out.write(options.adaptive)
        out.write(UInt64(bitPattern: Int64(options.refitLimit ?? -1)))
        out.write(UInt64(examplesSeen))
        out.write(UInt64(primedCount))
        out.write(UInt32(clamping: chosenEpochs))
        out.write(temperature)
        let f = featureSettings
        for weight in [f.wordWeight, f.bigramWeight, f.charWeight] { out.write(weight) }
        for n in [f.wordCharMin, f.wordCharMax, f.hangulCharMin, f.hangulCharMax] { out.write(UInt8(clamping: n)) }
        out.write(f.scaling.rawValue)
        let l = learningSettings
        for value in [l.learningRate, l.l2, l.stepDamping, l.skipBelow] { out.write(value) }
        out.write(l.averaging)
        for c in 0..<labels.count {
            out.write(model.bias[c])
            out.write(model.biasGradientSquares[c])
        }
        let k = labels.count
        out.write(UInt32(model.rowCount))
        for (row, bucket) in model.bucketOfRow.enumerated() {
            out.write(bucket)
            for c in 0..<k { out.write(model.weights[row * k + c]) }
            for c in 0..<k { out.write(model.gradientSquares[row * k + c]) }
        }
        out.write(memory != nil)
        memory?.write(&out)
        out.write(journalKey != nil)
        if let journalKey {
            out.write(journalKey)
            out.write(UInt32(journal.rowsBefore))
            out.write(UInt32(journal.indices.count))
            for i in journal.indices.indices {
                out.write(UInt32(bitPattern: journal.indices[i]))
                out.write(journal.oldValues[i])
                out.write(journal.oldSquares[i])
            }
        }
        out.write(UInt32(history.changes.count))
        for change in history.changes {
            out.write(change.key)
            out.write(UInt32(change.indices.count))
            for i in change.indices.indices {
                out.write(UInt32(bitPattern: change.indices[i]))
                out.write(change.weightDeltas[i])
                out.write(change.squareDeltas[i])
            }
        }
        return ModelFile.encode(kind: Self.onlineStateKind, payload: out.bytes)
    }

    /// Reads what `serializedState()` wrote; damage, a foreign file or a number that is not
    /// finite throws `ModelFileError`.
    public static func loadState(_ bytes: [UInt8]) throws -> TextClassifier {
        var input = ModelReader(try ModelFile.decode(bytes, expectedKind: onlineStateKind))
        let version = try input.uint32("the state version")
        guard version == onlineStateVersion else { throw ModelFileError.unsupportedVersion(Int(version)) }
        let labels = try input.strings("the labels")
        let multilabel = try input.bool("the multilabel flag")
        let bits = Int(try input.uint32("hashBits"))
        guard (1...26).contains(bits) else { throw ModelFileError.malformed("hashBits is \(bits), not 1...26") }
        var options = ClassifierOptions(hashBits: bits, epochs: Int(try input.uint32("epochs")), seed: try input.uint64("the seed"))
        let memoryLimit = Int64(bitPattern: try input.uint64("the memory limit"))
        options.memoryLimit = memoryLimit < 0 ? nil : Int(memoryLimit)
        options.adaptive = try input.bool("the adaptive flag")
        let refitLimit = Int64(bitPattern: try input.uint64("the refit limit"))
        options.refitLimit = refitLimit < 0 ? nil : Int(refitLimit)
        let seen = Int(clamping: try input.uint64("the example count"))
        let primed = Int(clamping: try input.uint64("the primed count"))
        let chosen = Int(try input.uint32("the passes"))
        let temperature = try input.finiteFloat("the temperature")
        var f = FeatureSettings()
        f.wordWeight = try input.finiteFloat("the word weight")
        f.bigramWeight = try input.finiteFloat("the bigram weight")
        f.charWeight = try input.finiteFloat("the character n-gram weight")
        f.wordCharMin = Int(try input.uint8("the n-gram lengths"))
        f.wordCharMax = Int(try input.uint8("the n-gram lengths"))
        f.hangulCharMin = Int(try input.uint8("the n-gram lengths"))
        f.hangulCharMax = Int(try input.uint8("the n-gram lengths"))
        guard let scaling = FeatureScaling(rawValue: try input.uint8("the feature scaling")) else {
            throw ModelFileError.malformed("the feature scaling is unknown")
        }
        f.scaling = scaling
        var l = LearningSettings()
        l.learningRate = try input.finiteFloat("the learning rate")
        l.l2 = try input.finiteFloat("the L2 penalty")
        l.stepDamping = try input.finiteFloat("the step damping")
        l.skipBelow = try input.finiteFloat("the skip threshold")
        l.averaging = try input.bool("the averaging flag")
        let classifier = TextClassifier(labels: labels, multilabel: multilabel, options: options, features: f, learning: l)
        let k = labels.count
        for c in 0..<k {
            classifier.model.bias[c] = try input.finiteFloat("the biases")
            classifier.model.biasGradientSquares[c] = try input.finiteFloat("the biases' step sums")
        }
        let rows = try input.count("the rows", minimumElementBytes: 4 + 8 * k)
        var weights = [Float](repeating: 0, count: k), squares = weights
        for _ in 0..<rows {
            let bucket = try input.uint32("a row's bucket")
            guard Int(bucket) < 1 << bits, classifier.model.rowOfBucket[Int(bucket)] < 0 else {
                throw ModelFileError.malformed("row bucket \(bucket) repeats or is beyond \(1 << bits) buckets")
            }
            for c in 0..<k { weights[c] = try input.finiteFloat("the weights") }
            for c in 0..<k { squares[c] = try input.finiteFloat("the step sums") }
            classifier.model.setRow(bucket: bucket, weights: weights, squares: squares)
        }
        classifier.memory = try input.bool("the memory flag")
            ? try DecisionMemory.read(&input, classes: k, buckets: 1 << bits) : nil
        if try input.bool("the journal flag") {
            classifier.journalKey = try input.uint64("the journal's key")
            classifier.journal.rowsBefore = Int(try input.uint32("the journal's row count"))
            let count = try input.count("the journal", minimumElementBytes: 12)
            for _ in 0..<count {
                let index = Int32(bitPattern: try input.uint32("a journal index"))
                guard index < classifier.model.weights.count, index >= -Int32(k) else {
                    throw ModelFileError.malformed("journal index \(index) is out of range")
                }
                classifier.journal.indices.append(index)
                classifier.journal.oldValues.append(try input.finiteFloat("a journal value"))
                classifier.journal.oldSquares.append(try input.finiteFloat("a journal step sum"))
            }
        }
        let changes = try input.count("the step history", minimumElementBytes: 12)
        for _ in 0..<changes {
            var change = StepHistory.Change(key: try input.uint64("a step's key"), indices: [], weightDeltas: [], squareDeltas: [])
            let count = try input.count("a step's changes", minimumElementBytes: 12)
            for _ in 0..<count {
                let index = Int32(bitPattern: try input.uint32("a step's index"))
                guard index >= -Int32(k) else { throw ModelFileError.malformed("step index \(index) is out of range") }
                change.indices.append(index)
                change.weightDeltas.append(try input.finiteFloat("a step's weight change"))
                change.squareDeltas.append(try input.finiteFloat("a step's sum change"))
            }
            classifier.history.append(change)
        }
        guard input.isAtEnd else { throw ModelFileError.malformed("unexpected bytes after the online state") }
        classifier.examplesSeen = seen
        classifier.primedCount = primed
        classifier.chosenEpochs = chosen
        classifier.temperature = temperature
        return classifier
    }
}
