import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend: ReviewBackend {
    /// The items to review in a project, in item order: one pass over the project's current
    /// decisions (an index walk), then the text and adjudication of the chosen items only.
    /// See `ReviewScope` for which items are chosen.
    func reviewList(project: String, scope: ReviewScope) throws -> [ReviewEntry] {
        try read { db in
            let projectID = try Self.projectID(db, project)
            var chosen: [(Int64, [ReviewDecision])] = []
            var item: Int64?
            var decisions: [ReviewDecision] = []
            func close() {
                guard let item else { return }
                let picked = switch scope {
                case .disagreements: decisions.contains { $0.kind == .flag } || Self.disagree(decisions)
                case .all: decisions.contains { $0.kind == .flag } || decisions.count >= 2
                }
                if picked { chosen.append((item, decisions)) }
            }
            let rows = try Row.fetchCursor(db, sql: Self.decisionsSQL + " ORDER BY a.item_id, a.id", arguments: [projectID])
            while let row = try rows.next() {
                let itemID: Int64 = row["item_id"]
                if itemID != item {
                    close()
                    item = itemID
                    decisions.removeAll()
                }
                decisions.append(Self.reviewDecision(row))
            }
            close()
            return try chosen.compactMap { try Self.reviewEntry(db, projectID: projectID, itemRowID: $0.0, decisions: $0.1) }
        }
    }

    /// The review entries of these items (for `--suspect`), in the order given; items not in
    /// the project's dataset are left out.
    func reviewEntries(project: String, itemRowIDs: [Int64]) throws -> [ReviewEntry] {
        try read { db in
            let projectID = try Self.projectID(db, project)
            return try itemRowIDs.compactMap { id in
                let decisions = try Row.fetchAll(db, sql: Self.decisionsSQL + " AND a.item_id = ? ORDER BY a.id",
                                                 arguments: [projectID, id]).map(Self.reviewDecision)
                return try Self.reviewEntry(db, projectID: projectID, itemRowID: id, decisions: decisions)
            }
        }
    }

    /// The final label of every item of a classify project that has one: its current
    /// adjudication, else the label most of its current label decisions give (a tie gives
    /// none). In item order.
    func finalLabels(project: String) throws -> [FinalLabel] {
        try read { db in
            let projectID = try Self.projectID(db, project)
            var adjudicated: [Int64: String] = [:]
            for adjudication in try Self.adjudications(db, where: "j.project_id = ? AND j.superseded_by IS NULL AND j.undone_at IS NULL", [projectID]) {
                if case .label(let name) = adjudication.value { adjudicated[adjudication.itemRowID] = name }
            }
            var votes: [Int64: [String: Int]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT item_id, value FROM annotations
                WHERE project_id = ? AND kind = 'label' AND superseded_by IS NULL AND undone_at IS NULL
                """, arguments: [projectID])
            while let row = try rows.next() {
                if case .label(let name)? = (row[1] as String?).flatMap({ AnnotationValue(json: $0) }) {
                    votes[row[0], default: [:]][name, default: 0] += 1
                }
            }
            var labels: [(Int64, String, Bool)] = adjudicated.map { ($0.key, $0.value, true) }
            for (item, counts) in votes where adjudicated[item] == nil {
                guard let top = counts.values.max() else { continue }
                let leaders = counts.filter { $0.value == top }
                if leaders.count == 1, let label = leaders.first?.key { labels.append((item, label, false)) }
            }
            return try labels.sorted { $0.0 < $1.0 }.compactMap { item, label, byReviewer in
                guard let row = try Row.fetchOne(db, sql: "SELECT external_id, CAST(text AS BLOB) FROM items WHERE id = ?", arguments: [item])
                else { return nil }
                return FinalLabel(itemRowID: item, externalID: row[0], text: Self.text(row[1]), label: label, adjudicated: byReviewer)
            }
        }
    }

    static let decisionsSQL = """
        SELECT a.id, a.item_id, n.name, a.kind, a.value, a.comment, a.note, a.suggestion, a.decided_at
        FROM annotations a JOIN annotators n ON n.id = a.annotator_id
        WHERE a.project_id = ? AND a.superseded_by IS NULL AND a.undone_at IS NULL
        """

    static func reviewDecision(_ row: Row) -> ReviewDecision {
        ReviewDecision(annotationID: row["id"], annotator: row["name"],
                       kind: AnnotationKind(rawValue: row["kind"]) ?? .label,
                       value: (row["value"] as String?).flatMap { AnnotationValue(json: $0) },
                       comment: row["comment"], note: row["note"],
                       suggestion: (row["suggestion"] as String?).flatMap { AnnotationValue(json: $0) },
                       decidedAt: row["decided_at"])
    }

    static func disagree(_ decisions: [ReviewDecision]) -> Bool {
        ReviewEntry.disagree(decisions.map { ($0.annotator, $0.kind, $0.value) })
    }

    static func reviewEntry(_ db: Database, projectID: Int64, itemRowID: Int64, decisions: [ReviewDecision]) throws -> ReviewEntry? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT i.external_id, CAST(i.text AS BLOB), i.metadata FROM items i JOIN projects p ON p.dataset_id = i.dataset_id
            WHERE p.id = ? AND i.id = ?
            """, arguments: [projectID, itemRowID])
        else { return nil }
        let adjudication = try adjudications(db, where: """
            j.project_id = ? AND j.item_id = ? AND j.superseded_by IS NULL AND j.undone_at IS NULL
            """, [projectID, itemRowID]).first
        return ReviewEntry(itemRowID: itemRowID, externalID: row[0], text: Self.text(row[1]), metadata: row[2],
                           decisions: decisions, adjudication: adjudication)
    }
}
