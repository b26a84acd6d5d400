import GlossCore

/// Settings of a text classifier, stored inside its model file.
public struct ClassifierOptions: Sendable, Equatable, Codable {
    /// Feature hashing: 2^hashBits buckets (20 or more by default).
    public var hashBits: Int
    /// Passes over the examples in `train` (online `learn` is always one step).
    public var epochs: Int
    /// The seed of every random choice (shuffling, tie-breaks): same seed, same model.
    public var seed: UInt64

    /// At most this many bytes of weights and AdaGrad sums (features first seen once it is
    /// reached are ignored); nil: no bound. Memory otherwise grows with the features seen.
    public var memoryLimit: Int?

    /// The labeler's online model: 2^18 buckets, at most 40 MB of weights whatever the number
    /// of labels (about 140,000 features at 35 labels; more than a session's decisions touch),
    /// and a refit on all decisions while they hold at most 300,000 feature entries (a few
    /// thousand short texts; about 2.4 MB), so the labeler stays within 64 MB. `gloss
    /// learning-curve` uses it too.
    public static func labeler(seed: UInt64 = 1) -> ClassifierOptions {
        ClassifierOptions(hashBits: 18, epochs: 10, seed: seed, memoryLimit: 40_000_000, refitLimit: 300_000)
    }

    /// First picks the labeler takes at random before `uncertain` order starts: margin
    /// sampling on a model that has seen a handful of items only asks about noise
    /// (measured with `gloss learning-curve` on rt_full).
    public static let labelerRandomStart = 30

    /// Whether `train` chooses its learning rate and number of passes (at most `epochs`) on
    /// a validation slice of the examples, rather than using the standard ones.
    public var adaptive: Bool
    /// Online learning refits the model on every example learned so far (see `DecisionMemory`)
    /// while their features number at most this many entries, then goes on with one step per
    /// example; nil: one step per example from the start.
    public var refitLimit: Int?

    public init(hashBits: Int = 20, epochs: Int = 10, seed: UInt64 = 1, memoryLimit: Int? = nil, adaptive: Bool = true,
                refitLimit: Int? = nil) {
        self.hashBits = hashBits
        self.epochs = epochs
        self.seed = seed
        self.memoryLimit = memoryLimit
        self.adaptive = adaptive
        self.refitLimit = refitLimit
    }

    private enum CodingKeys: String, CodingKey { case hashBits, epochs, seed, memoryLimit, adaptive, refitLimit }

    /// Fields added later (`memoryLimit`, `adaptive`) take their defaults when absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(hashBits: try c.decode(Int.self, forKey: .hashBits), epochs: try c.decode(Int.self, forKey: .epochs),
                  seed: try c.decode(UInt64.self, forKey: .seed), memoryLimit: try c.decodeIfPresent(Int.self, forKey: .memoryLimit),
                  adaptive: try c.decodeIfPresent(Bool.self, forKey: .adaptive) ?? true,
                  refitLimit: try c.decodeIfPresent(Int.self, forKey: .refitLimit))
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
    /// The passes the last `train` made over its examples (chosen by its search when adaptive).
    public internal(set) var chosenEpochs = 0
    /// The logit adjustment τ the last `train` chose (0: none; see `SettingsSearch`).
    public internal(set) var logitAdjustment: Float = 0

    /// How texts become features; `train` may drop character n-grams when its search finds
    /// them noise on the data (and starts from `initialFeatureSettings` again next time).
    var featureSettings: FeatureSettings
    let initialFeatureSettings: FeatureSettings
    /// The learning settings; `train` replaces them with the ones its search chose.
    var learningSettings: LearningSettings
    var model: LinearModel
    var hasher: FeatureHasher
    private let labelIndex: [String: Int]
    var scratch: [Float]
    var targets: [Float]
    /// The rows of the document being learned, and what its step changed (see `StepJournal`).
    var rows: [Int32] = []
    var journal = StepJournal()
    /// The key of the example the journal's step learned (see `unlearn`).
    var journalKey: UInt64?
    /// The examples kept for refitting, while within `options.refitLimit` (nil past it).
    var memory: DecisionMemory?
    /// The weight changes of the latest online steps, for undoing an older decision.
    var history = StepHistory()
    /// `options.refitLimit` scaled to the labels: a refit costs entries × labels, so with 35
    /// labels the memory holds a twelfth of what it holds with 3.
    var refitEntryLimit: Int? { options.refitLimit.map { $0 * 3 / max(3, labels.count) } }
    /// How many guide examples `prime` taught (not counted in `examplesSeen`).
    public internal(set) var primedCount = 0

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
        initialFeatureSettings = features
        learningSettings = learning
        model = Self.emptyModel(labels.count, multilabel, options)
        hasher = FeatureHasher(bits: options.hashBits, settings: features)
        var index: [String: Int] = [:]
        for (i, label) in labels.enumerated() where index[label] == nil { index[label] = i }
        labelIndex = index
        scratch = [Float](repeating: 0, count: labels.count)
        targets = [Float](repeating: 0, count: labels.count)
        if options.refitLimit != nil { memory = DecisionMemory(classes: labels.count) }
    }

    /// Learns one example online (labels not in `labels` are ignored; an example with none
    /// left is ignored; multilabel, an empty `labels` teaches that no label applies). While
    /// the examples learned fit `options.refitLimit`, the model is refit on all of them;
    /// past it, one AdaGrad step. A step that would leave a weight that is not a finite
    /// number is refused and changes nothing. Returns whether the model learned from it.
    @discardableResult
    public func learn(_ example: TrainingExample) -> Bool {
        guard learnExample(example, primed: false, refit: true) else { return false }
        examplesSeen += 1
        return true
    }

    /// Learns one example into the memory (and refits when asked) or with one journaled step.
    func learnExample(_ example: TrainingExample, primed: Bool, refit: Bool) -> Bool {
        guard setTargets(example.labels) else { return false }
        hasher.extract(example.text)
        let key = exampleKey(example)
        if var kept = memory, let limit = refitEntryLimit, kept.entryCount + hasher.buckets.count <= limit {
            memory = nil  // no copy of the arrays while appending
            kept.append(buckets: hasher.buckets, values: hasher.values, targets: targets, key: key, primed: primed)
            memory = kept
            journalKey = nil
            journal.removeAll()
            return refit ? self.refit() : true
        }
        memory = nil
        let rowsBefore = model.rowCount
        rows.removeAll(keepingCapacity: true)
        for bucket in hasher.buckets { rows.append(model.row(adding: bucket)) }
        let learned = rows.withUnsafeBufferPointer { r in
            hasher.values.withUnsafeBufferPointer { v in
                targets.withUnsafeBufferPointer { t in
                    withUnsafeMutablePointer(to: &journal) { j in step(r, v, t, journal: j) }
                }
            }
        }
        journal.rowsBefore = rowsBefore
        if learned {
            history.record(journal, model: model, key: key)
        } else {
            model.truncateRows(to: rowsBefore)
        }
        journalKey = learned ? key : nil
        return learned
    }

    /// An empty model for these options (rows bounded by `memoryLimit`).
    static func emptyModel(_ classes: Int, _ multilabel: Bool, _ options: ClassifierOptions) -> LinearModel {
        let rowBytes = max(classes, 1) * 8 + 4
        let rows = options.memoryLimit.map { max(0, ($0 - (4 << options.hashBits)) / rowBytes) } ?? .max
        return LinearModel(classes: classes, multilabel: multilabel, bits: options.hashBits, maximumRows: rows)
    }

    /// Bytes held by the model: weights, AdaGrad sums, the bucket map, the feature hasher's
    /// scratch, the examples kept for refitting and the last step's journal.
    public var modelBytes: Int {
        model.memoryBytes + journal.bytes + history.bytes + (memory?.bytes ?? 0) + hasher.scratchBytes
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
    func setTargets(_ names: [String]) -> Bool {
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

    func step(
        _ rows: UnsafeBufferPointer<Int32>, _ values: UnsafeBufferPointer<Float>,
        _ targets: UnsafeBufferPointer<Float>, journal: UnsafeMutablePointer<StepJournal>?
    ) -> Bool {
        scratch.withUnsafeMutableBufferPointer { s in
            model.learn(rows: rows, values, targets: targets, scratch: s, settings: learningSettings, journal: journal)
        }
    }

    /// Fisher-Yates with our own generator, so the order is the same on every platform and Swift version.
    static func shuffle(_ order: inout [Int], _ generator: inout SeededGenerator) {
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
