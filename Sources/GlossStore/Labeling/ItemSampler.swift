import Foundation
import GlossCore

/// Reads for the labeler's model worker, safe to use from its own thread beside the
/// session: random items open to the annotator for the active-learning pool, and the
/// project's decisions to warm the model up. Every query is a bounded index walk; none
/// scans the dataset.
public struct ItemSampler: Sendable {
    let database: GlossDatabase
    let scope: LabelingScope
    private let project: String

    init(database: GlossDatabase, scope: LabelingScope, project: String) {
        self.database = database
        self.scope = scope
        self.project = project
    }

    /// Up to `count` distinct items open to this annotator (see `ClaimQueue`), none of
    /// `excluding`; fewer when few are left.
    public func sampleRows(count: Int, excluding: Set<Int64> = [],
                           using generator: inout some RandomNumberGenerator) throws -> [PoolCandidate] {
        try database.backend.sampleItems(scope, count: count, excluding: excluding, using: &generator)
    }

    /// The project's current label decisions of every annotator, oldest first (to warm
    /// the model up at launch).
    public func decisionExamples() throws -> [LabeledItem] {
        try database.decisionExamples(project: project)
    }
}
