import GlossClassifier
import GlossCore
import GlossTasks
import GlossTUI
import GlossStore

/// Where the model worker gets items and decisions from (the store, or a test's list).
/// Called on the worker's thread only.
public protocol PoolFeed: Sendable {
    /// Up to `count` random items the annotator has not decided, none of `excluding`.
    func sample(count: Int, excluding: Set<Int64>, using generator: inout SeededGenerator) throws -> [PoolCandidate]
    /// The project's decisions so far, oldest first, to learn at launch.
    func warmUpExamples() throws -> [(text: String, value: AnnotationValue)]
}

extension ItemSampler: PoolFeed {
    public func sample(count: Int, excluding: Set<Int64>, using generator: inout SeededGenerator) throws -> [PoolCandidate] {
        try sampleRows(count: count, excluding: excluding, using: &generator)
    }

    public func warmUpExamples() throws -> [(text: String, value: AnnotationValue)] {
        try decisionExamples().compactMap { item in item.value.map { (item.text, $0) } }
    }
}
