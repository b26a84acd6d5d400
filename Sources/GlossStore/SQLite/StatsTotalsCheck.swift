import GlossCore
internal import GRDB

/// `gloss check`'s look at the statistics totals (migration v12): each table of totals
/// against the same totals recomputed from the decision and adjudication rows. A table that
/// differs is damage: the triggers that keep it were bypassed (a write with triggers off, a
/// tool that edited the totals) or the file changed under them. Zero counts are left out of
/// both sides: a count that fell to zero may stay as a row.
enum StatsTotalsCheck {
    /// The names of the tables whose rows differ from a recomputation, with how many rows differ.
    static func mismatches(_ db: Database) throws -> [String] {
        var out: [String] = []
        for (table, stored, recomputed) in comparisons {
            let differing = try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM (\(stored) EXCEPT \(recomputed)))
                     + (SELECT COUNT(*) FROM (\(recomputed) EXCEPT \(stored)))
                """) ?? 0
            if differing > 0 {
                out.append("\(table): \(differing) row\(differing == 1 ? "" : "s") differ from the decisions they total")
            }
        }
        return out
    }

    private static let current = "superseded_by IS NULL AND undone_at IS NULL"
    private static func sum(_ condition: String) -> String { "SUM(\(current) AND (\(condition)))" }

    /// (table, its rows, the same rows recomputed), each a SELECT of the same columns.
    private static let comparisons: [(String, String, String)] = [
        ("stats_annotators", "SELECT * FROM stats_annotators WHERE rows != 0", """
            SELECT project_id, annotator_id, COUNT(*), SUM(undone_at IS NOT NULL), SUM(IFNULL(active_ms, 0)),
                   \(sum("1")), \(sum("kind = 'label'")), \(sum("kind = 'skip'")), \(sum("kind = 'flag'")),
                   \(sum("suggestion IS NOT NULL")), \(sum("suggestion IS NOT NULL AND IFNULL(suggestion_accepted, 0) != 0"))
            FROM annotations GROUP BY project_id, annotator_id
            """),
        ("stats_durations", "SELECT * FROM stats_durations WHERE decisions != 0", """
            SELECT project_id, annotator_id, active_ms, COUNT(*) FROM annotations
            WHERE \(current) AND active_ms IS NOT NULL GROUP BY project_id, annotator_id, active_ms
            """),
        ("stats_versions", "SELECT * FROM stats_versions WHERE decisions != 0", """
            SELECT project_id, annotator_id, guide_version, COUNT(*) FROM annotations
            WHERE \(current) GROUP BY project_id, annotator_id, guide_version
            """),
        ("stats_days", "SELECT * FROM stats_days WHERE decisions != 0", """
            SELECT project_id, IFNULL(date(decided_at), substr(decided_at, 1, 10)), COUNT(*) FROM annotations
            WHERE \(current) GROUP BY 1, 2
            """),
        ("stats_items", "SELECT * FROM stats_items WHERE decisions != 0 OR labels != '' OR adjudication != ''", """
            SELECT * FROM (SELECT t.project_id, t.item_id, \(SQLiteBackend.itemState(project: "t.project_id", item: "t.item_id"))
                FROM (SELECT project_id, item_id FROM annotations UNION SELECT project_id, item_id FROM adjudications) t)
            WHERE decisions != 0 OR labels != '' OR adjudication != ''
            """),
        ("stats_progress", "SELECT * FROM stats_progress WHERE items != 0", """
            SELECT project_id, decisions, COUNT(*) FROM stats_items WHERE decisions > 0 GROUP BY project_id, decisions
            """),
        ("stats_units", "SELECT * FROM stats_units WHERE items != 0", """
            SELECT project_id, labels, adjudication, COUNT(*) FROM stats_items WHERE labels != ''
            GROUP BY project_id, labels, adjudication
            """),
    ]
}
