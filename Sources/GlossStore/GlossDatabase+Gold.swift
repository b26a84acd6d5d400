import Foundation
import GlossCore
internal import GRDB

/// A gold item: an item with a known answer, served to every annotator unannounced.
public struct GoldItem: Sendable, Equatable, Encodable {
    public var id: String
    public var answer: String
    public var source: String
}

/// What `addGold` stored.
public struct GoldOutcome: Sendable, Equatable, Encodable {
    /// Items that became gold, and gold items whose answer changed.
    public var added: Int
    public var updated: Int
    /// Gold items of the project now, and its gold rate.
    public var total: Int
    public var rate: Double
}

/// Why gold answers were refused.
public enum GoldError: Error, Equatable, CustomStringConvertible {
    case badRate(Double)
    case unknownItem(id: String, source: String)
    case unknownLabel(id: String, label: String, source: String, known: [String])
    case wrongShape(id: String, task: String, source: String)
    case noReference(project: String)

    public var description: String {
        switch self {
        case .badRate(let rate): "the gold rate must be between 0 and 1 (a share of the items served); got \(rate)"
        case let .unknownItem(id, source): "\(source): no item has the id \"\(id)\" in the project's dataset"
        case let .unknownLabel(id, label, source, known):
            "\(source): item \(id) has the label \"\(label)\", which the guide does not define (labels: \(known.joined(separator: ", ")))"
        case let .wrongShape(id, task, source): "\(source): the answer of item \(id) does not fit a \(task) project"
        case .noReference(let project): "the dataset of project \(project) has no reference labels to take gold answers from"
        }
    }
}

extension GlossDatabase {
    /// Makes items gold with these answers (all or none: any unknown item or label refuses
    /// the whole call), and sets the gold rate when `rate` is given.
    @discardableResult
    public func addGold(project: String, answers: [(externalID: String, value: AnnotationValue, source: String)], rate: Double? = nil,
                        at date: Date = Date()) throws -> GoldOutcome {
        if let rate, !(0...1).contains(rate) { throw GoldError.badRate(rate) }
        return try sqlite.writeRetrying { db in
            let projectID = try Self.projectID(db, project)
            let datasetID = try Int64.fetchOne(db, sql: "SELECT dataset_id FROM projects WHERE id = ?", arguments: [projectID]) ?? 0
            let (guide, _) = try Self.currentGuide(db, projectID: projectID, project: project)
            var added = 0, updated = 0
            for answer in answers {
                try Self.check(answer.value, id: answer.externalID, guide: guide, source: answer.source)
                guard let itemID = try Int64.fetchOne(db, sql: "SELECT id FROM items WHERE external_id = ? AND dataset_id = ?",
                                                      arguments: [answer.externalID, datasetID])
                else { throw GoldError.unknownItem(id: answer.externalID, source: answer.source) }
                let text = try DecisionWriter.itemText(db, itemID)
                let json = answer.value.json(itemText: text)
                let before = try String.fetchOne(db, sql: "SELECT answer FROM gold_items WHERE project_id = ? AND item_id = ?",
                                                 arguments: [projectID, itemID])
                if before == json { continue }
                if before == nil { added += 1 } else { updated += 1 }
                try db.execute(sql: """
                    INSERT INTO gold_items (project_id, item_id, answer, source, added_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (project_id, item_id) DO UPDATE SET answer = excluded.answer, source = excluded.source, added_at = excluded.added_at
                    """, arguments: [projectID, itemID, json, answer.source, date])
            }
            if let rate { try db.execute(sql: "UPDATE projects SET gold_rate = ? WHERE id = ?", arguments: [rate, projectID]) }
            // Gold items leave the overlap: the full frontier is walked again from the start.
            try ClaimQueue.setFullFrontier(db, projectID: projectID, 0)
            return try Self.goldOutcome(db, projectID: projectID, added: added, updated: updated)
        }
    }

    /// The answers the dataset's reference labels give, for `addGold` (classify: the item's
    /// one label; multilabel: its labels). `count` picks that many items at random (seeded).
    public func referenceGold(project: String, count: Int?, seed: UInt64) throws -> [(externalID: String, value: AnnotationValue, source: String)] {
        try sqlite.read { db in
            let projectID = try Self.projectID(db, project)
            let (guide, _) = try Self.currentGuide(db, projectID: projectID, project: project)
            let rows = try Row.fetchAll(db, sql: """
                SELECT i.external_id, group_concat(r.label, char(31)) FROM reference_labels r JOIN items i ON i.id = r.item_id
                WHERE i.dataset_id = (SELECT dataset_id FROM projects WHERE id = ?) GROUP BY i.id ORDER BY i.id
                """, arguments: [projectID])
            var answers: [(externalID: String, value: AnnotationValue, source: String)] = []
            for row in rows {
                let labels = (row[1] as String).split(separator: "\u{1F}").map(String.init).sorted()
                switch guide.task {
                case .classify where labels.count == 1: answers.append((row[0], .label(labels[0]), "reference"))
                case .multilabel: answers.append((row[0], .labels(labels), "reference"))
                default: continue
                }
            }
            if answers.isEmpty { throw GoldError.noReference(project: project) }
            guard let count, count < answers.count else { return answers }
            var generator = SeededGenerator(seed: seed)
            return Array(answers.shuffled(using: &generator).prefix(max(0, count))).sorted { $0.externalID < $1.externalID }
        }
    }

    /// Sets the share of served items that are gold (0 stops serving them).
    @discardableResult
    public func setGoldRate(project: String, rate: Double) throws -> GoldOutcome {
        guard (0...1).contains(rate) else { throw GoldError.badRate(rate) }
        return try sqlite.writeRetrying { db in
            let projectID = try Self.projectID(db, project)
            try db.execute(sql: "UPDATE projects SET gold_rate = ? WHERE id = ?", arguments: [rate, projectID])
            return try Self.goldOutcome(db, projectID: projectID, added: 0, updated: 0)
        }
    }

    /// The share of served items that are gold.
    public func goldRate(project: String) throws -> Double {
        try sqlite.read { db in
            try Double.fetchOne(db, sql: "SELECT gold_rate FROM projects WHERE id = ?", arguments: [try Self.projectID(db, project)]) ?? 0
        }
    }

    /// The project's gold items, in item order.
    public func goldItems(project: String) throws -> [GoldItem] {
        try sqlite.read { db in
            let projectID = try Self.projectID(db, project)
            return try Row.fetchAll(db, sql: """
                SELECT i.external_id, g.answer, g.source FROM gold_items g JOIN items i ON i.id = g.item_id
                WHERE g.project_id = ? ORDER BY g.item_id
                """, arguments: [projectID]).map { GoldItem(id: $0[0], answer: $0[1], source: $0[2]) }
        }
    }

    static func goldOutcome(_ db: Database, projectID: Int64, added: Int, updated: Int) throws -> GoldOutcome {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gold_items WHERE project_id = ?", arguments: [projectID]) ?? 0
        let rate = try Double.fetchOne(db, sql: "SELECT gold_rate FROM projects WHERE id = ?", arguments: [projectID]) ?? 0
        return GoldOutcome(added: added, updated: updated, total: total, rate: rate)
    }

    static func check(_ value: AnnotationValue, id: String, guide: Guide, source: String) throws {
        switch (guide.task, value) {
        case (.classify, .label), (.multilabel, .labels), (.spans, .spans): break
        default: throw GoldError.wrongShape(id: id, task: guide.task.rawValue, source: source)
        }
        for label in value.labelNames where guide.label(named: label) == nil {
            throw GoldError.unknownLabel(id: id, label: label, source: source, known: guide.labels.map(\.name))
        }
    }
}
