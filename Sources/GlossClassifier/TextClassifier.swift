import GlossCore

/// Settings of a text classifier, stored inside its model file.
public struct ClassifierOptions: Sendable, Equatable, Codable {
    /// Feature hashing: 2^hashBits buckets (20 or more by default).
    public var hashBits: Int
    /// Passes over the examples in `train` (online `learn` is always one step).
    public var epochs: Int
    /// The seed of every random choice (shuffling, tie-breaks): same seed, same model.
    public var seed: UInt64

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
    public private(set) var examplesSeen: Int = 0

    public init(labels: [String], multilabel: Bool, options: ClassifierOptions = ClassifierOptions()) {
        self.labels = labels
        self.multilabel = multilabel
        self.options = options
    }

    /// One online step on one example (labels not in `labels` are ignored; an example
    /// with none left is ignored). Must stay well under 1 ms.
    public func learn(_ example: TrainingExample) {
        fatalError("not built yet")
    }

    /// Trains on `examples` for `options.epochs` passes in an order shuffled by the seed.
    /// `progress(done, total)` is called now and then with example counts over all passes.
    public func train(_ examples: [TrainingExample], progress: ((Int, Int) -> Void)? = nil) {
        fatalError("not built yet")
    }

    public func predict(_ text: String) -> Prediction {
        fatalError("not built yet")
    }

    /// The model as bytes (see `ModelFile`).
    public func serialized() -> [UInt8] {
        fatalError("not built yet")
    }

    /// Reads a model written by `serialized()`; a damaged or foreign file throws `ModelFileError`.
    public static func load(_ bytes: [UInt8]) throws -> TextClassifier {
        fatalError("not built yet")
    }
}
