import Foundation
import GlossCore

/// What a model is: a text classifier (classify and multilabel) or a span suggester.
public enum ModelKind: String, Sendable, Codable, Equatable {
    case text, spans
}

/// How a model scored on the examples held out of its training, stored as JSON beside it.
public struct ModelMetrics: Sendable, Codable, Equatable {
    /// One label's precision, recall and F1 over `support` gold examples.
    public struct LabelScore: Sendable, Codable, Equatable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int

        public init(label: String, precision: Double, recall: Double, f1: Double, support: Int) {
            self.label = label
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.support = support
        }
    }

    /// Single-label: the share predicted right; multilabel: the share whose label set is exact.
    public var accuracy: Double
    public var macroF1: Double
    public var perLabel: [LabelScore]
    /// Counts, rows gold and columns predicted, in `perLabel` order (single-label only).
    public var confusion: [[Int]]?
    /// How many examples were scored.
    public var heldOut: Int

    public init(accuracy: Double, macroF1: Double, perLabel: [LabelScore], confusion: [[Int]]?, heldOut: Int) {
        self.accuracy = accuracy
        self.macroF1 = macroF1
        self.perLabel = perLabel
        self.confusion = confusion
        self.heldOut = heldOut
    }
}

/// One stored model version, without its bytes.
public struct ModelSummary: Sendable, Codable, Equatable {
    public var project: String
    public var version: Int
    public var kind: ModelKind
    /// What it learned from, e.g. "decisions" or "reference".
    public var source: String
    /// Examples it was trained on, and examples held out to score it.
    public var examples: Int
    public var heldOut: Int
    /// The guide version of the project when it was trained.
    public var guideVersion: Int
    /// The training options as JSON text.
    public var options: String
    public var metrics: ModelMetrics?
    /// Training time in seconds.
    public var seconds: Double
    /// Size of the model file in bytes, and its SHA-256.
    public var size: Int
    public var sha256: String
    public var glossVersion: String
    public var createdAt: Date
}

/// A stored model version with the bytes of its model file.
public struct StoredModel: Sendable, Equatable {
    public var summary: ModelSummary
    public var bytes: [UInt8]
}

/// Why a model could not be found or read from the store.
public enum ModelStoreError: Error, Equatable, CustomStringConvertible {
    case noModel(project: String)
    case unknownVersion(project: String, version: Int, versions: [Int])
    case damaged(project: String, version: Int)

    public var description: String {
        switch self {
        case let .noModel(project):
            TerminalText.visible("project \"\(project)\" has no model yet; train one with gloss train \(project).")
        case let .unknownVersion(project, version, versions):
            TerminalText.visible("project \"\(project)\" has no model version \(version); its versions are: \(versions.map(String.init).joined(separator: ", ")).")
        case let .damaged(project, version):
            TerminalText.visible("model version \(version) of \"\(project)\" is damaged (its bytes do not match the SHA-256 stored with it); train a new one with gloss train \(project).")
        }
    }
}

/// A suggestion kept in the store for an item of a project: another tool's model
/// prediction, imported with its source and score, which the labeler offers when its own
/// model has nothing to say.
public struct StoredSuggestion: Sendable, Equatable {
    /// Where it came from, e.g. "label-studio:bert-v2".
    public var source: String
    public var value: AnnotationValue
    public var score: Double?
    public var createdAt: Date

    public init(source: String, value: AnnotationValue, score: Double?, createdAt: Date) {
        self.source = source
        self.value = value
        self.score = score
        self.createdAt = createdAt
    }
}

/// What a backend stores and reads about trained models and the suggestions kept for items
/// (see `StoreBackend`).
protocol ModelsBackend {
    func saveModel(project: String, kind: ModelKind, source: String, examples: Int, heldOut: Int, options: String,
                   metrics: ModelMetrics?, seconds: Double, bytes: [UInt8]) throws -> ModelSummary
    func models(project: String) throws -> [ModelSummary]
    /// The version asked for (the newest when nil) with its bytes, unchecked.
    func model(project: String, version: Int?) throws -> StoredModel
    func saveSuggestion(project: String, item: String, _ suggestion: StoredSuggestion) throws -> Bool
    func suggestion(project: String, itemRowID: Int64) throws -> StoredSuggestion?
    func suggestions(project: String, itemRowID: Int64) throws -> [StoredSuggestion]
}

extension GlossDatabase {
    /// Stores a trained model as the project's next version (1 for the first), recording the
    /// guide version it was trained under, the bytes' SHA-256, the time and this Gloss version.
    @discardableResult
    public func saveModel(
        project: String, kind: ModelKind, source: String, examples: Int, heldOut: Int, options: String,
        metrics: ModelMetrics?, seconds: Double, bytes: [UInt8]
    ) throws -> ModelSummary {
        try backend.saveModel(project: project, kind: kind, source: source, examples: examples, heldOut: heldOut,
                              options: options, metrics: metrics, seconds: seconds, bytes: bytes)
    }

    /// Every model version of a project, oldest first, without the bytes.
    public func models(project: String) throws -> [ModelSummary] {
        try backend.models(project: project)
    }

    /// One model version with its bytes (the newest when `version` is nil), checked against
    /// the SHA-256 stored with it.
    public func model(project: String, version: Int? = nil) throws -> StoredModel {
        let model = try backend.model(project: project, version: version)
        guard SHA256.hex(of: model.bytes) == model.summary.sha256 else {
            throw ModelStoreError.damaged(project: project, version: model.summary.version)
        }
        return model
    }

    /// Saves a suggestion for the item with external id `item` of `project`, replacing the
    /// one from the same source. Returns false when the stored one was already the same.
    @discardableResult
    public func saveSuggestion(project: String, item: String, _ suggestion: StoredSuggestion) throws -> Bool {
        try backend.saveSuggestion(project: project, item: item, suggestion)
    }

    /// The suggestion the labeler shows for an item: the highest score, then the newest.
    public func suggestion(project: String, itemRowID: Int64) throws -> StoredSuggestion? {
        try backend.suggestion(project: project, itemRowID: itemRowID)
    }

    /// Every stored suggestion of an item, by source.
    public func suggestions(project: String, itemRowID: Int64) throws -> [StoredSuggestion] {
        try backend.suggestions(project: project, itemRowID: itemRowID)
    }
}
