import Foundation
import GlossCore
internal import GRDB

/// Reads for the labeler's model worker, safe to use from its own thread beside the
/// session: random undecided items for the active-learning pool, and the project's
/// decisions to warm the model up. Every query is a bounded
/// index walk; none scans the dataset.
public struct ItemSampler: Sendable {
    private let database: GlossDatabase
    private let scope: DecisionWriter.Scope
    private let project: String
    /// The smallest and largest item row id of the dataset (items of a dataset are
    /// inserted together, so probes inside this range land on it).
    private let idRange: ClosedRange<Int64>?

    init(database: GlossDatabase, scope: DecisionWriter.Scope, project: String) throws {
        self.database = database
        self.scope = scope
        self.project = project
        idRange = try database.sqlite.read { db in
            let first = try Int64.fetchOne(db, sql: "SELECT id FROM items WHERE dataset_id = ? ORDER BY id LIMIT 1", arguments: [scope.datasetID])
            let last = try Int64.fetchOne(db, sql: "SELECT id FROM items WHERE dataset_id = ? ORDER BY id DESC LIMIT 1", arguments: [scope.datasetID])
            guard let first, let last else { return nil }
            return first...last
        }
    }

    /// Up to `count` distinct items open to this annotator (see `ClaimQueue`), each the
    /// first open item at or after a random row id (so items after long decided runs are
    /// a little likelier; the pool only needs variety). Fewer when few are left.
    public func sampleRows(count: Int, excluding: Set<Int64> = [], using generator: inout some RandomNumberGenerator) throws -> [PoolCandidateRow] {
        guard let idRange, count > 0 else { return [] }
        let now = Date()
        return try database.sqlite.read { db in
            let settings = try ClaimQueue.settings(db, projectID: scope.projectID)
            var found: [Int64: PoolCandidateRow] = [:]
            var probes = 0
            while found.count < count, probes < count * 4 {
                probes += 1
                let start = max(Int64.random(in: idRange, using: &generator), settings.fullFrontier)
                let id = try ClaimQueue.openHead(db, scope: scope, settings: settings, from: start, now: now)
                    ?? ClaimQueue.openHead(db, scope: scope, settings: settings, from: max(idRange.lowerBound, settings.fullFrontier), now: now)
                guard let id else { break }  // every item decided
                guard found[id] == nil, !excluding.contains(id), let text = try DecisionWriter.itemText(db, id) else { continue }
                found[id] = PoolCandidateRow(id: id, text: text)
            }
            return found.values.sorted { $0.id < $1.id }
        }
    }

    /// The project's current label decisions of every annotator, oldest first (to warm
    /// the model up at launch).
    public func decisionExamples() throws -> [LabeledItem] {
        try database.decisionExamples(project: project)
    }
}

/// An item for the pool: row id and text.
public struct PoolCandidateRow: Sendable, Equatable {
    public var id: Int64
    public var text: String
}
