import GlossCore
internal import GRDB

extension SQLiteBackend: CheckBackend {
    /// One read transaction: SQLite's `integrity_check`, then every checksummed row in table
    /// order, then the statistics totals against a recomputation. Rows are scanned without joins (a million decisions in seconds); only a damaged
    /// row's names are looked up.
    func checkStore(limit: Int) throws -> StoreCheckReport {
        try read { db in
            var report = StoreCheckReport()
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(100)")
            report.integrityProblems = integrity == ["ok"] ? [] : integrity
            func damaged(_ row: DamagedRow) {
                if report.damagedRows.count < limit { report.damagedRows.append(row) }
            }
            report.decisionsChecked = try scanValues(db, "SELECT id, value, value_check FROM annotations ORDER BY id") {
                damaged(try Self.describe(db, .decision, $0, sql: """
                    SELECT i.external_id, p.name, n.name FROM annotations a LEFT JOIN items i ON i.id = a.item_id
                    LEFT JOIN projects p ON p.id = a.project_id LEFT JOIN annotators n ON n.id = a.annotator_id
                    WHERE a.id = ?
                    """))
            }
            report.adjudicationsChecked = try scanValues(db, "SELECT id, value, value_check FROM adjudications ORDER BY id") {
                damaged(try Self.describe(db, .adjudication, $0, sql: """
                    SELECT i.external_id, p.name, n.name FROM adjudications a LEFT JOIN items i ON i.id = a.item_id
                    LEFT JOIN projects p ON p.id = a.project_id LEFT JOIN annotators n ON n.id = a.reviewer_id
                    WHERE a.id = ?
                    """))
            }
            report.goldAnswersChecked = try scanValues(db, """
                SELECT item_id, answer, answer_check, project_id FROM gold_items ORDER BY project_id, item_id
                """) {
                damaged(try Self.describe(db, .goldAnswer, $0, sql: """
                    SELECT i.external_id, p.name, NULL FROM gold_items g LEFT JOIN items i ON i.id = g.item_id
                    LEFT JOIN projects p ON p.id = g.project_id WHERE g.item_id = ?
                    """))
            }
            report.itemsChecked = try scanValues(db, "SELECT id, text, text_check FROM items ORDER BY id") {
                damaged(try Self.describe(db, .itemText, $0, sql: """
                    SELECT i.external_id, d.name, NULL FROM items i LEFT JOIN datasets d ON d.id = i.dataset_id
                    WHERE i.id = ?
                    """))
            }
            _ = try scanValues(db, "SELECT id, parts, parts_check FROM items WHERE parts IS NOT NULL ORDER BY id") {
                damaged(try Self.describe(db, .itemParts, $0, sql: """
                    SELECT i.external_id, d.name, NULL FROM items i LEFT JOIN datasets d ON d.id = i.dataset_id
                    WHERE i.id = ?
                    """))
            }
            if hasStatsAggregates {
                report.statsTotalsProblems = try StatsTotalsCheck.mismatches(db)
                report.statsTotalsChecked = true
            }
            if try db.tableExists("item_content_keys") {
                report.contentKeyProblems = try Self.contentKeyProblems(db)
            }
            return report
        }
    }

    /// Visible items without their content key, and keys of visible items that name no item
    /// (a pending import's keys are left out: its rows are above the mark).
    private static func contentKeyProblems(_ db: Database) throws -> [String] {
        let keyless = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM items i WHERE NOT EXISTS (SELECT 1 FROM item_content_keys k
                WHERE k.dataset_id = i.dataset_id AND k.content_hash = i.content_hash AND k.item_id = i.id)
            """) ?? 0
        let stray = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM item_content_keys k
            WHERE k.item_id <= (SELECT through_item FROM item_visibility WHERE id = 1) AND NOT EXISTS (SELECT 1 FROM
                item_rows i WHERE i.id = k.item_id AND i.dataset_id = k.dataset_id AND i.content_hash = k.content_hash)
            """) ?? 0
        var problems: [String] = []
        if keyless > 0 {
            problems.append(NumberText.counted(keyless, "item") + " without a content key: an import would take "
                + (keyless == 1 ? "its text" : "their texts") + " as new")
        }
        if stray > 0 {
            problems.append(NumberText.counted(stray, "content key") + " naming no item: an import would stop at a text "
                + "with " + (stray == 1 ? "that key" : "one of those keys"))
        }
        return problems
    }

    /// Steps `sql` (row id, value, check) and calls `damaged` with the id of each row whose
    /// value does not match its check; returns how many rows it verified.
    private func scanValues(_ db: Database, _ sql: String, damaged: (Int64) throws -> Void) throws -> Int {
        let rows = try RawStatement(db, sql)
        var count = 0
        while try rows.step() {
            count += 1
            if !rows.valueMatchesCheck(1, check: 2) { try damaged(rows.int64(0)) }
        }
        return count
    }


    /// A damaged row with its item, scope and author read by `sql` (one row id argument).
    private static func describe(_ db: Database, _ kind: DamagedRow.Kind, _ rowID: Int64, sql: String) throws -> DamagedRow {
        let row = try Row.fetchOne(db, sql: sql, arguments: [rowID])
        return DamagedRow(kind: kind, rowID: rowID, item: row?[0], scope: row?[1], author: row?[2])
    }
}
