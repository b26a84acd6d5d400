extension TextClassifier {
    /// The envelope kind of text classifier models.
    public static let modelKind = "text"
    /// The payload layout this code writes for a model with inverse document frequency
    /// weights (every model `train` makes); without them it writes version 2, which Gloss
    /// before them reads too. Version 1 (features scaled before merging repeats, undamped
    /// AdaGrad) and version 2 (no inverse document frequencies) are still read, and predict
    /// as they did. An older Gloss refuses version 3 as a version it does not read.
    static let payloadVersion: UInt32 = 3

    /// The model as bytes (see `ModelFile`): labels, options, feature and learning settings,
    /// temperature, the inverse document frequencies of the buckets training saw and the
    /// Float32 weights of the buckets in use. AdaGrad's step sizes are not kept: `learn`
    /// after `load` starts them afresh.
    public func serialized() -> [UInt8] {
        var out = ModelWriter()
        out.write(hasher.idf == nil ? 2 : Self.payloadVersion)
        out.write(labels)
        out.write(multilabel)
        out.write(UInt32(options.hashBits))
        out.write(UInt32(clamping: options.epochs))
        out.write(options.seed)
        out.write(UInt64(examplesSeen))
        out.write(temperature)
        let f = featureSettings
        for weight in [f.wordWeight, f.bigramWeight, f.charWeight] { out.write(weight) }
        for n in [f.wordCharMin, f.wordCharMax, f.hangulCharMin, f.hangulCharMax] { out.write(UInt8(clamping: n)) }
        out.write(learningSettings.learningRate)
        out.write(learningSettings.l2)
        out.write(learningSettings.averaging)
        out.write(featureSettings.scaling.rawValue)
        out.write(learningSettings.stepDamping)
        if let idf = hasher.idf {
            // The weight of unseen buckets, then each other bucket and its weight, in bucket order.
            out.write(idf.unseen)
            let entries = idf.entries
            out.write(UInt32(entries.count))
            for entry in entries {
                out.write(entry.bucket)
                out.write(entry.weight)
            }
        }
        for b in model.bias { out.write(b) }
        writeWeights(&out)
        return ModelFile.encode(kind: Self.modelKind, payload: out.bytes)
    }

    /// Reads a model written by `serialized()`; a damaged or foreign file throws `ModelFileError`.
    public static func load(_ bytes: [UInt8]) throws -> TextClassifier {
        var input = ModelReader(try ModelFile.decode(bytes, expectedKind: modelKind))
        let version = try input.uint32("the payload version")
        guard (1...payloadVersion).contains(version) else { throw ModelFileError.unsupportedVersion(Int(version)) }
        let labels = try input.strings("the labels")
        let multilabel = try input.bool("the multilabel flag")
        let bits = Int(try input.uint32("hashBits"))
        guard (1...30).contains(bits) else { throw ModelFileError.malformed("hashBits is \(bits), not 1...30") }
        let epochs = Int(try input.uint32("epochs"))
        let seed = try input.uint64("the seed")
        let seen = try input.uint64("the example count")
        let temperature = try input.float("the temperature")
        guard temperature.isFinite, temperature > 0 else {
            throw ModelFileError.malformed("the temperature is \(temperature), not a positive number")
        }
        var f = FeatureSettings()
        f.wordWeight = try input.float("the word weight")
        f.bigramWeight = try input.float("the bigram weight")
        f.charWeight = try input.float("the character n-gram weight")
        f.wordCharMin = Int(try input.uint8("the n-gram lengths"))
        f.wordCharMax = Int(try input.uint8("the n-gram lengths"))
        f.hangulCharMin = Int(try input.uint8("the n-gram lengths"))
        f.hangulCharMax = Int(try input.uint8("the n-gram lengths"))
        var l = version == 1 ? LearningSettings.format1 : LearningSettings()
        if version == 1 { f.scaling = .entriesUnitLength }
        l.learningRate = try input.float("the learning rate")
        l.l2 = try input.float("the L2 penalty")
        l.averaging = try input.bool("the averaging flag")
        if version >= 2 {
            let scaling = try input.uint8("the feature scaling")
            guard let known = FeatureScaling(rawValue: scaling) else { throw ModelFileError.malformed("feature scaling \(scaling) is unknown") }
            f.scaling = known
            l.stepDamping = try input.float("the step damping")
        }
        for value in [f.wordWeight, f.bigramWeight, f.charWeight, l.learningRate, l.l2, l.stepDamping] where !value.isFinite {
            throw ModelFileError.malformed("a setting is \(value), not a finite number")
        }
        var idf: InverseDocumentFrequency?
        if version >= 3 { idf = try readInverseDocumentFrequency(&input, bits: bits) }
        let classifier = TextClassifier(
            labels: labels, multilabel: multilabel,
            options: ClassifierOptions(hashBits: bits, epochs: epochs, seed: seed), features: f, learning: l)
        classifier.hasher.idf = idf
        for c in 0..<labels.count { classifier.model.bias[c] = try input.finiteFloat("the biases") }
        try classifier.readWeights(&input)
        guard input.isAtEnd else { throw ModelFileError.malformed("unexpected bytes after the weights") }
        classifier.examplesSeen = Int(clamping: seen)
        classifier.temperature = temperature
        return classifier
    }

    /// What `serialized()` wrote of `InverseDocumentFrequency`: every weight positive and
    /// finite, buckets in increasing order within 2^bits.
    private static func readInverseDocumentFrequency(_ input: inout ModelReader, bits: Int) throws -> InverseDocumentFrequency {
        let unseen = try input.finiteFloat("the inverse document frequencies")
        let count = try input.count("the inverse document frequencies", minimumElementBytes: 8)
        var entries: [(bucket: UInt32, weight: Float)] = []
        entries.reserveCapacity(count)
        var previous = -1
        for _ in 0..<count {
            let bucket = Int(try input.uint32("a bucket index"))
            guard bucket > previous, bucket < 1 << bits else {
                throw ModelFileError.malformed("inverse document frequency bucket \(bucket) is out of order or beyond \(1 << bits) buckets")
            }
            previous = bucket
            entries.append((UInt32(bucket), try input.finiteFloat("the inverse document frequencies")))
        }
        if let weight = ([unseen] + entries.map(\.weight)).first(where: { $0 <= 0 }) {
            throw ModelFileError.malformed("an inverse document frequency is \(weight), not a positive number")
        }
        return InverseDocumentFrequency(bits: bits, unseen: unseen, entries: entries)
    }

    /// Buckets whose weights are all zero are left out: a count, then each bucket's index and
    /// weights, in bucket order.
    private func writeWeights(_ out: inout ModelWriter) {
        let k = labels.count
        let used = model.bucketsInOrder.filter { model.weights(ofBucket: $0).contains { $0 != 0 } }
        out.write(UInt32(used.count))
        for bucket in used {
            out.write(bucket)
            for weight in model.weights(ofBucket: bucket) { out.write(weight) }
        }
        _ = k
    }

    private func readWeights(_ input: inout ModelReader) throws {
        let k = labels.count
        let buckets = 1 << options.hashBits
        let used = try input.count("the weights", minimumElementBytes: 4 + 4 * k)
        var previous = -1
        var row = [Float](repeating: 0, count: k)
        for _ in 0..<used {
            let bucket = Int(try input.uint32("a bucket index"))
            guard bucket > previous, bucket < buckets else {
                throw ModelFileError.malformed("bucket \(bucket) is out of order or beyond \(buckets) buckets")
            }
            previous = bucket
            for c in 0..<k { row[c] = try input.finiteFloat("the weights") }
            model.setWeights(bucket: UInt32(bucket), row)
        }
    }
}

extension ModelReader {
    /// A Float32 that must be a finite number (a weight): NaN or infinity is damage.
    mutating func finiteFloat(_ field: String) throws -> Float {
        let value = try float(field)
        guard value.isFinite else { throw ModelFileError.malformed("\(field) hold \(value), not a finite number") }
        return value
    }
}
