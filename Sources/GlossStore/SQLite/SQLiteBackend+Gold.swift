import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend: GoldBackend {
    func addGold(project: String, answers: [GoldAnswer], rate: Double?, rules: ValueRulesLookup,
                 at date: Date) throws -> GoldOutcome {
        try writeRetrying { db in
            let projectID = try Self.projectID(db, project)
            let datasetID = try Int64.fetchOne(db, sql: "SELECT dataset_id FROM projects WHERE id = ?",
                                               arguments: [projectID]) ?? 0
            let (guide, _) = try Self.currentGuide(db, projectID: projectID, project: project)
            var added = 0, updated = 0
            let taskRules = rules(guide.task)
            for answer in answers {
                func check(_ text: String?) throws {
                    try GoldRules.check(answer.value, id: answer.externalID, guide: guide, rules: taskRules, itemText: text,
                                        source: answer.source)
                }
                if !taskRules.checksText { try check(nil) }
                guard let itemID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM items WHERE external_id = ? AND dataset_id = ?",
                    arguments: [answer.externalID, datasetID])
                else { throw GoldError.unknownItem(id: answer.externalID, source: answer.source) }
                let text = try DecisionWriter.itemText(db, itemID)
                if taskRules.checksText { try check(text) }
                let json = answer.value.json(itemText: text)
                let before = try String.fetchOne(
                    db, sql: "SELECT answer FROM gold_items WHERE project_id = ? AND item_id = ?",
                    arguments: [projectID, itemID])
                if before == json { continue }
                if before == nil { added += 1 } else { updated += 1 }
                try db.execute(sql: """
                    INSERT INTO gold_items (project_id, item_id, answer, answer_check, source, added_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (project_id, item_id) DO UPDATE SET answer = excluded.answer,
                        answer_check = excluded.answer_check, source = excluded.source, added_at = excluded.added_at
                    """, arguments: [projectID, itemID, json, ValueCheck.of(json), answer.source, date])
            }
            if let rate {
                try db.execute(sql: "UPDATE projects SET gold_rate = ? WHERE id = ?", arguments: [rate, projectID])
            }
            // Gold items leave the overlap: the full frontier is walked again from the start.
            try ClaimQueue.setFullFrontier(db, projectID: projectID, 0)
            return try Self.goldOutcome(db, projectID: projectID, added: added, updated: updated)
        }
    }

    func referenceLabels(project: String) throws -> (task: TaskType, items: [(externalID: String, labels: [String])]) {
        try read { db in
            let projectID = try Self.projectID(db, project)
            let (guide, _) = try Self.currentGuide(db, projectID: projectID, project: project)
            let rows = try Row.fetchAll(db, sql: """
                SELECT i.external_id, group_concat(r.label, char(31))
                FROM reference_labels r JOIN items i ON i.id = r.item_id
                WHERE i.dataset_id = (SELECT dataset_id FROM projects WHERE id = ?) GROUP BY i.id ORDER BY i.id
                """, arguments: [projectID])
            return (guide.task, rows.map { row in
                (row[0], (row[1] as String).split(separator: "\u{1F}").map(String.init))
            })
        }
    }

    func setGoldRate(project: String, rate: Double) throws -> GoldOutcome {
        try writeRetrying { db in
            let projectID = try Self.projectID(db, project)
            try db.execute(sql: "UPDATE projects SET gold_rate = ? WHERE id = ?", arguments: [rate, projectID])
            return try Self.goldOutcome(db, projectID: projectID, added: 0, updated: 0)
        }
    }

    func goldRate(project: String) throws -> Double {
        try read { db in
            try Double.fetchOne(db, sql: "SELECT gold_rate FROM projects WHERE id = ?",
                                arguments: [try Self.projectID(db, project)]) ?? 0
        }
    }

    func goldItems(project: String) throws -> [GoldItem] {
        try read { db in
            let projectID = try Self.projectID(db, project)
            return try Row.fetchAll(db, sql: """
                SELECT i.external_id, g.answer, g.source FROM gold_items g JOIN items i ON i.id = g.item_id
                WHERE g.project_id = ? ORDER BY g.item_id
                """, arguments: [projectID]).map { GoldItem(id: $0[0], answer: $0[1], source: $0[2]) }
        }
    }

    static func goldOutcome(_ db: Database, projectID: Int64, added: Int, updated: Int) throws -> GoldOutcome {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gold_items WHERE project_id = ?",
                                     arguments: [projectID]) ?? 0
        let rate = try Double.fetchOne(db, sql: "SELECT gold_rate FROM projects WHERE id = ?",
                                       arguments: [projectID]) ?? 0
        return GoldOutcome(added: added, updated: updated, total: total, rate: rate)
    }
}
