import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend: StatsBackend {
    /// One read transaction: the totals the writes keep (see `StatsTotals`) when the store
    /// has them and no `since` asks for part of the rows, else a pass over the decisions in
    /// item order (see `StatsScan`).
    func teamStats(project: String, filter: StatsFilter, method: StatsMethod,
                   agreement: (TaskType) -> any AgreementMeasure) throws -> TeamStatsResult {
        try read { db in
            let projectID = try Self.projectID(db, project)
            let (facts, datasetID) = try Self.statsFacts(db, projectID: projectID, project: project)
            let measure = agreement(facts.task)
            var builder = TeamStatsBuilder(project: facts, filter: filter, agreement: measure)
            if method == .totalsWhenKept, filter.since == nil, hasStatsAggregates {
                try StatsTotals(db, projectID: projectID).run(into: &builder, readsItemText: measure.readsItemText)
            } else {
                try StatsScan(db, projectID: projectID, datasetID: datasetID).run(since: filter.since, into: &builder)
            }
            return TeamStatsResult(report: builder.report(), annotators: builder.annotatorNames)
        }
    }

    /// What statistics need to know of the project, and its dataset's row id.
    static func statsFacts(_ db: Database, projectID: Int64,
                           project: String) throws -> (facts: StatsProjectFacts, datasetID: Int64) {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT p.task, p.overlap, p.dataset_id,
                   (SELECT IFNULL(SUM(m.added), 0) FROM imports m WHERE m.dataset_id = p.dataset_id) AS items
            FROM projects p WHERE p.id = ?
            """, arguments: [projectID])
        else { throw try Self.unknownProject(db, project) }
        let guide = try? Self.currentGuide(db, projectID: projectID, project: project).guide
        let facts = StatsProjectFacts(name: project, task: TaskType(rawValue: row["task"]) ?? .classify,
                                      overlap: row["overlap"], totalItems: row["items"],
                                      labels: guide?.countedLabels ?? [],
                                      criteria: guide?.askedQuestions.flatMap(\.criteria) ?? [])
        return (facts, row["dataset_id"])
    }

    /// One read transaction, with cursors.
    func statsInput(project: String, since: Date?, agreement: (TaskType) -> any AgreementMeasure) throws -> StatsInput {
        try read { db in
            let projectID = try Self.projectID(db, project)
            let facts = try Self.statsFacts(db, projectID: projectID, project: project).facts
            let task = facts.task
            var values = ValueCache()
            return StatsInput(
                project: facts,
                decisions: try Self.statsDecisions(db, projectID: projectID, since: since, values: &values),
                gold: try Self.itemValues(db, sql: """
                    SELECT i.external_id, g.answer FROM gold_items g JOIN items i ON i.id = g.item_id
                    WHERE g.project_id = ?
                    """, projectID: projectID, values: &values),
                adjudications: try Self.itemValues(db, sql: """
                    SELECT i.external_id, j.value FROM adjudications j JOIN items i ON i.id = j.item_id
                    WHERE j.project_id = ? AND j.superseded_by IS NULL AND j.undone_at IS NULL ORDER BY j.id
                    """, projectID: projectID, values: &values),
                texts: agreement(task).readsItemText ? try Self.sharedItemTexts(db, projectID: projectID) : [:])
        }
    }

    static func statsDecisions(_ db: Database, projectID: Int64, since: Date?,
                               values: inout ValueCache) throws -> [StatsDecision] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT a.id, i.external_id, n.name, a.kind, a.value, a.decided_at, a.active_ms, a.suggestion IS NOT NULL,
                   a.suggestion_accepted, a.guide_version, a.superseded_by IS NOT NULL, a.undone_at IS NOT NULL
            FROM annotations a JOIN items i ON i.id = a.item_id JOIN annotators n ON n.id = a.annotator_id
            WHERE a.project_id = ?1 AND (?2 IS NULL OR a.decided_at >= ?2)
            ORDER BY a.id
            """, arguments: [projectID, since])
        var out: [StatsDecision] = []
        while let row = try rows.next() {
            out.append(StatsDecision(
                id: row[0], item: row[1], annotator: row[2], kind: AnnotationKind(rawValue: row[3]) ?? .label,
                value: values.value(row[4]), decidedAt: row[5], activeMilliseconds: row[6], suggestionShown: row[7],
                suggestionAccepted: row[8], guideVersion: row[9], superseded: row[10], undone: row[11]))
        }
        return out
    }

    /// `[external id: value]` from a query of (external_id, value JSON); later rows win.
    static func itemValues(_ db: Database, sql: String, projectID: Int64,
                           values: inout ValueCache) throws -> [String: AnnotationValue] {
        var out: [String: AnnotationValue] = [:]
        let rows = try Row.fetchCursor(db, sql: sql, arguments: [projectID])
        while let row = try rows.next() {
            if let value = values.value(row[1]) { out[row[0]] = value }
        }
        return out
    }

    /// Texts of the items with two or more current label decisions (span agreement reads them).
    static func sharedItemTexts(_ db: Database, projectID: Int64) throws -> [String: String] {
        var out: [String: String] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT i.external_id, CAST(i.text AS BLOB) FROM items i WHERE i.id IN (
                SELECT item_id FROM annotations WHERE project_id = ? AND kind = 'label'
                  AND superseded_by IS NULL AND undone_at IS NULL GROUP BY item_id HAVING COUNT(*) >= 2)
            """, arguments: [projectID])
        while let row = try rows.next() { out[row[0]] = text(row[1]) }
        return out
    }

    /// Parses each distinct value JSON once: a classify project has a handful of them.
    struct ValueCache {
        private var parsed: [String: AnnotationValue] = [:]

        mutating func value(_ json: String?) -> AnnotationValue? {
            guard let json else { return nil }
            if let hit = parsed[json] { return hit }
            guard let value = AnnotationValue(json: json) else { return nil }
            if case .spans = value {} else { parsed[json] = value }
            return value
        }
    }

    func sessions(project: String) throws -> [SessionRecord] {
        try read { db in
            let projectID = try Self.projectID(db, project)
            return try Row.fetchAll(db, sql: """
                SELECT s.*, n.name AS annotator FROM sessions s JOIN annotators n ON n.id = s.annotator_id
                WHERE s.project_id = ? ORDER BY s.id DESC
                """, arguments: [projectID]).map { row in
                SessionRecord(
                    id: row["id"], project: project, annotator: row["annotator"], startedAt: row["started_at"],
                    endedAt: row["ended_at"], endReason: row["end_reason"], host: row["host"],
                    terminalWidth: row["terminal_width"], terminalHeight: row["terminal_height"],
                    labels: row["labels"], skips: row["skips"], flags: row["flags"], changes: row["changes"],
                    undos: row["undos"], keystrokes: row["keystrokes"], keyP50Milliseconds: row["key_p50_ms"],
                    keyP99Milliseconds: row["key_p99_ms"], keyMaxMilliseconds: row["key_max_ms"],
                    firstDrawMilliseconds: row["first_draw_ms"], peakRSSKilobytes: row["peak_rss_kb"])
            }
        }
    }

    /// The row id of the annotator named `name`, added (at `date`) when new.
    static func annotatorID(_ db: Database, _ name: String, at date: Date) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM annotators WHERE name = ?", arguments: [name]) {
            return id
        }
        try db.execute(sql: "INSERT INTO annotators (name, created_at) VALUES (?, ?)", arguments: [name, date])
        return db.lastInsertedRowID
    }
}
