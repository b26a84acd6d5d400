import Foundation
import GlossClassifier
import GlossStore

/// What `gloss train` asks for: the project, where its examples come from, and how to train.
public struct TrainingRequest: Sendable, Equatable {
    public var project: String
    /// Learn from the dataset's reference labels instead of the project's decisions.
    public var reference: Bool
    public var hashBits: Int
    public var epochs: Int
    /// The seed of the split and of the training order.
    public var seed: UInt64
    /// The share of examples held out to score the model (0 scores nothing).
    public var holdout: Double

    public init(project: String, reference: Bool = false, hashBits: Int = ClassifierOptions().hashBits,
                epochs: Int = ClassifierOptions().epochs, seed: UInt64 = 1, holdout: Double = 0.2) {
        self.project = project
        self.reference = reference
        self.epochs = epochs
        self.hashBits = hashBits
        self.seed = seed
        self.holdout = holdout
    }

    /// The options as stored beside the model (JSON, snake_case keys, sorted).
    var optionsJSON: String {
        struct Stored: Codable {
            var hashBits: Int
            var epochs: Int
            var seed: UInt64
            var holdout: Double
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        let stored = Stored(hashBits: hashBits, epochs: epochs, seed: seed, holdout: holdout)
        return (try? encoder.encode(stored)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// A trained and stored model, and where its examples came from.
public struct TrainingOutcome: Sendable, Equatable {
    public var model: ModelSummary
    /// "decisions" or "reference".
    public var source: String
    /// The project's dataset.
    public var dataset: String
}
