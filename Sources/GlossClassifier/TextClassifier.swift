import GlossCore

/// Settings of a text classifier, stored inside its model file.
public struct ClassifierOptions: Sendable, Equatable, Codable {
    /// Feature hashing: 2^hashBits buckets (20 or more by default).
    public var hashBits: Int
    /// Passes over the examples in `train` (online `learn` is always one step).
    public var epochs: Int
    /// The seed of every random choice (shuffling, tie-breaks): same seed, same model.
    public var seed: UInt64

    /// The labeler's online model: 2^18 buckets rather than 2^20, which keeps the labeler
    /// near 50 MB (weights and AdaGrad sums take 8 bytes per bucket and label); learning a
    /// session's decisions online loses little to it. `gloss learning-curve` uses it too.
    public static func labeler(seed: UInt64 = 1) -> ClassifierOptions { ClassifierOptions(hashBits: 18, seed: seed) }

    /// First picks the labeler takes at random before `uncertain` order starts: margin
    /// sampling on a model that has seen a handful of items only asks about noise
    /// (measured with `gloss learning-curve` on rt_full).
    public static let labelerRandomStart = 30

    public init(hashBits: Int = 20, epochs: Int = 10, seed: UInt64 = 1) {
        self.hashBits = hashBits
        self.epochs = epochs
        self.seed = seed
    }
}

/// One labeled text: for single-label models `labels` has one name; multilabel, any number.
public struct TrainingExample: Sendable, Equatable {
    public var text: String
    public var labels: [String]
    public init(text: String, labels: [String]) {
        self.text = text
        self.labels = labels
    }
}

/// What the model says about one text.
public struct Prediction: Sendable, Equatable {
    /// One probability per label, in `TextClassifier.labels` order. Single-label: they sum
    /// to 1. Multilabel: each is that label's own (one-vs-rest) probability.
    public var probabilities: [Double]
    /// The index of the most probable label.
    public var best: Int
    /// Single-label: the probability of `best`. Multilabel: the mean over labels of how
    /// sure each yes/no is (max(p, 1-p)).
    public var confidence: Double
    /// Single-label: best minus second-best probability. Multilabel: the smallest |2p-1|
    /// over labels. Small margins are what `uncertain` order serves first.
    public var margin: Double
    /// The labels predicted: single-label `[best]`; multilabel every label with p ≥ 0.5.
    public var chosen: [Int]

    public init(probabilities: [Double], best: Int, confidence: Double, margin: Double, chosen: [Int]) {
        self.probabilities = probabilities
        self.best = best
        self.confidence = confidence
        self.margin = margin
        self.chosen = chosen
    }
}

/// A hashed-feature linear text classifier trained online: multinomial logistic regression
/// for single-label tasks, one-vs-rest for multilabel. Pure: no I/O, deterministic for a seed.
/// Not thread-safe: one owner at a time (the labeler's model worker, or a command).
public final class TextClassifier: @unchecked Sendable {
    public let labels: [String]
    public let multilabel: Bool
    public let options: ClassifierOptions
    /// How many examples it has learned from (online steps plus training examples).
    public internal(set) var examplesSeen: Int = 0
    /// Divides the scores before softmax (or sigmoid). 1 after `train`, which measured well
    /// calibrated on held-out data; `calibrate` fits it on examples the model did not learn from.
    public internal(set) var temperature: Float = 1

    let featureSettings: FeatureSettings
    let learningSettings: LearningSettings
    var model: LinearModel
    var hasher: FeatureHasher
    private let labelIndex: [String: Int]
    private var scratch: [Float]
    private var targets: [Float]

    public convenience init(labels: [String], multilabel: Bool, options: ClassifierOptions = ClassifierOptions()) {
        self.init(labels: labels, multilabel: multilabel, options: options, features: .standard, learning: .standard)
    }

    init(
        labels: [String], multilabel: Bool, options: ClassifierOptions,
        features: FeatureSettings, learning: LearningSettings
    ) {
        precondition((1...30).contains(options.hashBits), "hashBits must be 1...30, not \(options.hashBits)")
        self.labels = labels
        self.multilabel = multilabel
        self.options = options
        featureSettings = features
        learningSettings = learning
        model = LinearModel(classes: labels.count, multilabel: multilabel, bits: options.hashBits)
        hasher = FeatureHasher(bits: options.hashBits, settings: features)
        var index: [String: Int] = [:]
        for (i, label) in labels.enumerated() where index[label] == nil { index[label] = i }
        labelIndex = index
        scratch = [Float](repeating: 0, count: labels.count)
        targets = [Float](repeating: 0, count: labels.count)
    }

    /// One online step on one example (labels not in `labels` are ignored; an example
    /// with none left is ignored; multilabel, an empty `labels` teaches that no label
    /// applies). Must stay well under 1 ms.
    public func learn(_ example: TrainingExample) {
        guard setTargets(example.labels) else { return }
        hasher.extract(example.text)
        step(hasher.buckets, hasher.values)
        examplesSeen += 1
    }

    /// Trains afresh on `examples` (what was learned before is replaced) for `options.epochs`
    /// passes in an order shuffled by the seed, averaging the weights over the passes.
    /// `progress(done, total)` is called now and then with example counts over all passes.
    public func train(_ examples: [TrainingExample], progress: ((Int, Int) -> Void)? = nil) {
        model = LinearModel(classes: labels.count, multilabel: multilabel, bits: options.hashBits)
        temperature = 1
        let set = TrainingSet(examples, classifier: self)
        examplesSeen = set.count
        let epochs = max(options.epochs, 0)
        let total = set.count * epochs
        progress?(0, total)
        guard set.count > 0, epochs > 0 else { return }
        var generator = SeededGenerator(seed: options.seed)
        var order = Array(0..<set.count)
        if learningSettings.averaging { model.beginAveraging() }
        var done = 0
        for _ in 0..<epochs {
            shuffle(&order, &generator)
            for index in order {
                set.withExample(index) { buckets, values, targets in
                    step(buckets, values, targets)
                }
                done += 1
                if done % 1024 == 0 { progress?(done, total) }
            }
        }
        if learningSettings.averaging { model.endAveraging() }
        progress?(total, total)
    }

    public func predict(_ text: String) -> Prediction {
        hasher.extract(text)
        let count = labels.count
        guard count > 0 else { return Prediction(probabilities: [], best: 0, confidence: 0, margin: 0, chosen: []) }
        hasher.buckets.withUnsafeBufferPointer { buckets in
            hasher.values.withUnsafeBufferPointer { values in
                scratch.withUnsafeMutableBufferPointer { scores in
                    model.score(buckets, values, into: scores)
                    model.probabilities(scores, temperature: temperature)
                }
            }
        }
        let probabilities = scratch.map(Double.init)
        return Prediction(of: probabilities, multilabel: multilabel)
    }

    /// Sets `targets` from label names; false when the example teaches nothing (see `isUsable`).
    private func setTargets(_ names: [String]) -> Bool {
        for c in targets.indices { targets[c] = 0 }
        let indices = targetIndices(names)
        for c in indices { targets[c] = 1 }
        return isUsable(names: names, known: indices)
    }

    /// Single-label: the example needs one known label. Multilabel: an empty label list is a
    /// negative for every label, but a list of only unknown names is ignored.
    func isUsable(names: [String], known: [Int]) -> Bool {
        !known.isEmpty || (multilabel && names.isEmpty)
    }

    /// One online step on the hasher's features, with `targets` already set.
    private func step(_ buckets: [UInt32], _ values: [Float]) {
        buckets.withUnsafeBufferPointer { b in
            values.withUnsafeBufferPointer { v in
                targets.withUnsafeBufferPointer { t in step(b, v, t) }
            }
        }
    }

    private func step(
        _ buckets: UnsafeBufferPointer<UInt32>, _ values: UnsafeBufferPointer<Float>,
        _ targets: UnsafeBufferPointer<Float>
    ) {
        scratch.withUnsafeMutableBufferPointer { s in
            model.learn(buckets, values, targets: targets, scratch: s, settings: learningSettings)
        }
    }

    /// Fisher-Yates with our own generator, so the order is the same on every platform and Swift version.
    private func shuffle(_ order: inout [Int], _ generator: inout SeededGenerator) {
        guard order.count > 1 else { return }
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let j = Int(generator.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
    }

    /// The label indices named by `names` (unknown names dropped; single-label keeps the first).
    func targetIndices(_ names: [String]) -> [Int] {
        var found: [Int] = []
        for name in names {
            guard let c = labelIndex[name], !found.contains(c) else { continue }
            found.append(c)
            if !multilabel { break }
        }
        return found
    }
}

extension Prediction {
    /// Derives best, confidence, margin and chosen labels from the probabilities.
    init(of probabilities: [Double], multilabel: Bool) {
        var best = 0
        for (i, p) in probabilities.enumerated() where p > probabilities[best] { best = i }
        if multilabel {
            let chosen = probabilities.indices.filter { probabilities[$0] >= 0.5 }
            let confidence = probabilities.reduce(0) { $0 + max($1, 1 - $1) } / Double(probabilities.count)
            let margin = probabilities.map { abs(2 * $0 - 1) }.min() ?? 0
            self.init(probabilities: probabilities, best: best, confidence: confidence, margin: margin, chosen: chosen)
        } else {
            var second = 0.0
            for (i, p) in probabilities.enumerated() where i != best { second = max(second, p) }
            self.init(
                probabilities: probabilities, best: best, confidence: probabilities[best],
                margin: probabilities[best] - second, chosen: [best])
        }
    }
}
