import Foundation
import GlossClassifier
import GlossCore
import GlossStore
import GlossTasks
import GlossTUI

/// Where the model worker gets items and decisions from and keeps its state (the store,
/// or a test's lists). Called on the worker's thread only.
public protocol PoolFeed: Sendable {
    /// Up to `count` random items the annotator has not decided, none of `excluding`.
    func sample(count: Int, excluding: Set<Int64>, using generator: inout SeededGenerator) throws -> [PoolCandidate]
    /// The project's current label decisions after `after` (all with nil), oldest first.
    func examples(after: Int64?) throws -> [LabelerExample]
    /// The model saved for this guide version and these labels, if any.
    func savedModel(guideVersion: Int, labels: [String]) throws -> SavedLabelerModel?
    /// Keeps the model for the next session.
    func save(model: SavedLabelerModel, guideVersion: Int, labels: [String]) throws
}

extension ItemSampler: PoolFeed {
    public func sample(count: Int, excluding: Set<Int64>, using generator: inout SeededGenerator) throws -> [PoolCandidate] {
        try sampleRows(count: count, excluding: excluding, using: &generator)
    }

    public func save(model: SavedLabelerModel, guideVersion: Int, labels: [String]) throws {
        try save(model: model, guideVersion: guideVersion, labels: labels, at: Date())
    }
}
