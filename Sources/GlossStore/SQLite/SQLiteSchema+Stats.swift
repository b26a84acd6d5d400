/// Migration v12: the totals `gloss stats` reads instead of the decision rows, kept by
/// triggers in the transaction of every write to `annotations` or `adjudications`, whoever
/// writes (the labeler, imports, reviews, another program's SQL), and filled here from the
/// rows already stored. Frozen with the migration: never edit this SQL; change the totals
/// with a new migration.
///
/// A decision row is *current* when neither superseded nor undone. The totals, per project:
/// - `stats_annotators`: per annotator, counters over all their rows (rows, undone, active
///   ms) and over their current rows (decisions by kind, suggestions shown and taken);
/// - `stats_durations`, `stats_versions`: current rows per annotator and active ms, per
///   annotator and guide version; `stats_days`: current rows per UTC day;
/// - `stats_items`: per item, its current decisions, its current label values (the newest
///   current label row of each annotator, as `annotator id:byte length:value` in annotator
///   id order, "" for none) and its current adjudication's value ("" for none);
/// - `stats_progress`: items per number of current decisions; `stats_units`: items per
///   (label values, adjudication), from which agreement, consensus and label uses follow.
/// Counts that fall to 0 stay as rows of 0 (readers skip them), but for `stats_units`,
/// whose keys churn as items change.
extension SQLiteBackend {
    static let statsAggregatesMigration = """
        PRAGMA user_version = 12;
        CREATE TABLE stats_annotators (
            project_id INTEGER NOT NULL REFERENCES projects(id),
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            rows INTEGER NOT NULL, undone INTEGER NOT NULL, active_ms INTEGER NOT NULL,
            decisions INTEGER NOT NULL, labels INTEGER NOT NULL, skips INTEGER NOT NULL, flags INTEGER NOT NULL,
            suggestions_shown INTEGER NOT NULL, suggestions_accepted INTEGER NOT NULL,
            PRIMARY KEY (project_id, annotator_id)
        ) WITHOUT ROWID;
        CREATE TABLE stats_durations (
            project_id INTEGER NOT NULL REFERENCES projects(id),
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            active_ms INTEGER NOT NULL,
            decisions INTEGER NOT NULL,
            PRIMARY KEY (project_id, annotator_id, active_ms)
        ) WITHOUT ROWID;
        CREATE TABLE stats_versions (
            project_id INTEGER NOT NULL REFERENCES projects(id),
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            guide_version INTEGER NOT NULL,
            decisions INTEGER NOT NULL,
            PRIMARY KEY (project_id, annotator_id, guide_version)
        ) WITHOUT ROWID;
        CREATE TABLE stats_days (
            project_id INTEGER NOT NULL REFERENCES projects(id),
            day TEXT NOT NULL,
            decisions INTEGER NOT NULL,
            PRIMARY KEY (project_id, day)
        ) WITHOUT ROWID;
        CREATE TABLE stats_items (
            project_id INTEGER NOT NULL REFERENCES projects(id),
            item_id INTEGER NOT NULL REFERENCES item_rows(id),
            decisions INTEGER NOT NULL,
            labels TEXT NOT NULL,
            adjudication TEXT NOT NULL,
            PRIMARY KEY (project_id, item_id)
        ) WITHOUT ROWID;
        CREATE TABLE stats_progress (
            project_id INTEGER NOT NULL REFERENCES projects(id),
            decisions INTEGER NOT NULL,
            items INTEGER NOT NULL,
            PRIMARY KEY (project_id, decisions)
        ) WITHOUT ROWID;
        CREATE TABLE stats_units (
            project_id INTEGER NOT NULL REFERENCES projects(id),
            labels TEXT NOT NULL,
            adjudication TEXT NOT NULL,
            items INTEGER NOT NULL,
            PRIMARY KEY (project_id, labels, adjudication)
        ) WITHOUT ROWID;

        -- The rows already stored.
        INSERT INTO stats_annotators
        SELECT project_id, annotator_id, COUNT(*), SUM(undone_at IS NOT NULL), SUM(IFNULL(active_ms, 0)),
               \(sum("1")), \(sum("kind = 'label'")), \(sum("kind = 'skip'")), \(sum("kind = 'flag'")),
               \(sum("suggestion IS NOT NULL")), \(sum("suggestion IS NOT NULL AND IFNULL(suggestion_accepted, 0) != 0"))
        FROM annotations GROUP BY project_id, annotator_id;
        INSERT INTO stats_durations
        SELECT project_id, annotator_id, active_ms, COUNT(*) FROM annotations
        WHERE \(current("annotations")) AND active_ms IS NOT NULL GROUP BY project_id, annotator_id, active_ms;
        INSERT INTO stats_versions
        SELECT project_id, annotator_id, guide_version, COUNT(*) FROM annotations
        WHERE \(current("annotations")) GROUP BY project_id, annotator_id, guide_version;
        INSERT INTO stats_days
        SELECT project_id, \(day("annotations")), COUNT(*) FROM annotations
        WHERE \(current("annotations")) GROUP BY 1, 2;
        INSERT INTO stats_items
        SELECT t.project_id, t.item_id, \(itemState(project: "t.project_id", item: "t.item_id"))
        FROM (SELECT project_id, item_id FROM annotations UNION SELECT project_id, item_id FROM adjudications) t;
        INSERT INTO stats_progress
        SELECT project_id, decisions, COUNT(*) FROM stats_items WHERE decisions > 0 GROUP BY project_id, decisions;
        INSERT INTO stats_units
        SELECT project_id, labels, adjudication, COUNT(*) FROM stats_items WHERE labels != ''
        GROUP BY project_id, labels, adjudication;

        -- Decision rows: what a row adds comes in with it, goes with it, and an update
        -- takes the old row's share out and puts the new one's in (refreshing its item's state
        -- when a column that state reads changed).
        CREATE TRIGGER stats_annotation_added AFTER INSERT ON annotations BEGIN
        \(rowShare("NEW", sign: 1))
        \(refreshItem(project: "NEW.project_id", item: "NEW.item_id"))
        END;
        CREATE TRIGGER stats_annotation_removed AFTER DELETE ON annotations BEGIN
        \(rowShare("OLD", sign: -1))
        \(refreshItem(project: "OLD.project_id", item: "OLD.item_id"))
        END;
        CREATE TRIGGER stats_annotation_changed AFTER UPDATE OF project_id, item_id, annotator_id, kind, value,
            guide_version, decided_at, active_ms, suggestion, suggestion_accepted, superseded_by, undone_at
        ON annotations BEGIN
        \(rowShare("OLD", sign: -1))
        \(rowShare("NEW", sign: 1))
        \(refreshItem(project: "OLD.project_id", item: "OLD.item_id",
                      when: "OLD.project_id != NEW.project_id OR OLD.item_id != NEW.item_id"))
        \(refreshItem(project: "NEW.project_id", item: "NEW.item_id", when: """
            OLD.project_id != NEW.project_id OR OLD.item_id != NEW.item_id OR OLD.annotator_id != NEW.annotator_id
              OR OLD.kind IS NOT NEW.kind OR OLD.value IS NOT NEW.value OR OLD.superseded_by IS NOT NEW.superseded_by
              OR OLD.undone_at IS NOT NEW.undone_at
            """))
        END;

        -- Adjudications change only their item's state.
        CREATE TRIGGER stats_adjudication_added AFTER INSERT ON adjudications BEGIN
        \(refreshItem(project: "NEW.project_id", item: "NEW.item_id"))
        END;
        CREATE TRIGGER stats_adjudication_removed AFTER DELETE ON adjudications BEGIN
        \(refreshItem(project: "OLD.project_id", item: "OLD.item_id"))
        END;
        CREATE TRIGGER stats_adjudication_changed AFTER UPDATE OF project_id, item_id, value, superseded_by, undone_at
        ON adjudications BEGIN
        \(refreshItem(project: "OLD.project_id", item: "OLD.item_id",
                      when: "OLD.project_id != NEW.project_id OR OLD.item_id != NEW.item_id"))
        \(refreshItem(project: "NEW.project_id", item: "NEW.item_id"))
        END;

        -- An item's state moves it between the counts of items.
        CREATE TRIGGER stats_item_added AFTER INSERT ON stats_items BEGIN
        \(itemShare("NEW", sign: 1))
        END;
        CREATE TRIGGER stats_item_removed AFTER DELETE ON stats_items BEGIN
        \(itemShare("OLD", sign: -1))
        END;
        CREATE TRIGGER stats_item_changed AFTER UPDATE ON stats_items BEGIN
        \(itemShare("OLD", sign: -1))
        \(itemShare("NEW", sign: 1))
        END;
        """

    /// Whether the row `row` (a table name, NEW or OLD) is current.
    private static func current(_ row: String) -> String {
        "(\(row).superseded_by IS NULL AND \(row).undone_at IS NULL)"
    }

    /// The sum over current rows of `condition`, for the backfill.
    private static func sum(_ condition: String) -> String {
        "SUM(\(current("annotations")) AND (\(condition)))"
    }

    /// The UTC day of `row`'s decision time (GRDB writes `YYYY-MM-DD hh:mm:ss.SSS`).
    private static func day(_ row: String) -> String {
        "IFNULL(date(\(row).decided_at), substr(\(row).decided_at, 1, 10))"
    }

    /// The statements adding `sign` times the row `row`'s share of the per-row totals.
    private static func rowShare(_ row: String, sign: Int) -> String {
        let isCurrent = current(row)
        func when(_ condition: String) -> String { "\(sign) * (\(isCurrent) AND (\(condition)))" }
        return """
            INSERT INTO stats_annotators VALUES (\(row).project_id, \(row).annotator_id, \(sign),
                \(sign) * (\(row).undone_at IS NOT NULL), \(sign) * IFNULL(\(row).active_ms, 0), \(when("1")),
                \(when("\(row).kind = 'label'")), \(when("\(row).kind = 'skip'")), \(when("\(row).kind = 'flag'")),
                \(when("\(row).suggestion IS NOT NULL")),
                \(when("\(row).suggestion IS NOT NULL AND IFNULL(\(row).suggestion_accepted, 0) != 0")))
            ON CONFLICT (project_id, annotator_id) DO UPDATE SET rows = rows + excluded.rows,
                undone = undone + excluded.undone, active_ms = active_ms + excluded.active_ms,
                decisions = decisions + excluded.decisions, labels = labels + excluded.labels,
                skips = skips + excluded.skips, flags = flags + excluded.flags,
                suggestions_shown = suggestions_shown + excluded.suggestions_shown,
                suggestions_accepted = suggestions_accepted + excluded.suggestions_accepted;
            INSERT INTO stats_durations SELECT \(row).project_id, \(row).annotator_id, \(row).active_ms, \(sign)
            WHERE \(isCurrent) AND \(row).active_ms IS NOT NULL
            ON CONFLICT (project_id, annotator_id, active_ms) DO UPDATE SET decisions = decisions + excluded.decisions;
            INSERT INTO stats_versions SELECT \(row).project_id, \(row).annotator_id, \(row).guide_version, \(sign)
            WHERE \(isCurrent)
            ON CONFLICT (project_id, annotator_id, guide_version) DO UPDATE SET decisions = decisions + excluded.decisions;
            INSERT INTO stats_days SELECT \(row).project_id, \(day(row)), \(sign) WHERE \(isCurrent)
            ON CONFLICT (project_id, day) DO UPDATE SET decisions = decisions + excluded.decisions;
            """
    }

    /// The state of the item `item` of project `project` (SQL expressions): its current
    /// decisions, its current label values, its current adjudication's value.
    static func itemState(project: String, item: String) -> String {
        """
        (SELECT COUNT(*) FROM annotations a INDEXED BY annotations_by_item
         WHERE a.project_id = \(project) AND a.item_id = \(item) AND \(current("a"))) AS decisions,
        (SELECT IFNULL(group_concat(l.annotator_id || ':' || length(CAST(l.value AS BLOB)) || ':' || l.value, ''), '')
         FROM (SELECT a.annotator_id, a.value, MAX(a.id) FROM annotations a INDEXED BY annotations_by_item
               WHERE a.project_id = \(project) AND a.item_id = \(item) AND \(current("a")) AND a.kind = 'label'
                 AND a.value IS NOT NULL
               GROUP BY a.annotator_id ORDER BY a.annotator_id) l) AS labels,
        IFNULL((SELECT j.value FROM adjudications j INDEXED BY adjudications_by_item
                WHERE j.project_id = \(project) AND j.item_id = \(item) AND j.superseded_by IS NULL
                  AND j.undone_at IS NULL ORDER BY j.id DESC LIMIT 1), '') AS adjudication
        """
    }

    /// Recomputes the state of an item (when `when` holds) from its rows.
    private static func refreshItem(project: String, item: String, when: String = "1") -> String {
        """
        INSERT INTO stats_items (project_id, item_id, decisions, labels, adjudication)
        SELECT \(project), \(item), \(itemState(project: project, item: item)) WHERE \(when)
        ON CONFLICT (project_id, item_id) DO UPDATE SET decisions = excluded.decisions, labels = excluded.labels,
            adjudication = excluded.adjudication
        WHERE decisions != excluded.decisions OR labels != excluded.labels OR adjudication != excluded.adjudication;
        """
    }

    /// The statements adding `sign` times the item state `row`'s share of the item counts.
    private static func itemShare(_ row: String, sign: Int) -> String {
        """
        INSERT INTO stats_progress SELECT \(row).project_id, \(row).decisions, \(sign) WHERE \(row).decisions > 0
        ON CONFLICT (project_id, decisions) DO UPDATE SET items = items + excluded.items;
        INSERT INTO stats_units SELECT \(row).project_id, \(row).labels, \(row).adjudication, \(sign)
        WHERE \(row).labels != ''
        ON CONFLICT (project_id, labels, adjudication) DO UPDATE SET items = items + excluded.items;
        \(sign < 0 ? """
            DELETE FROM stats_units WHERE project_id = \(row).project_id AND labels = \(row).labels
              AND adjudication = \(row).adjudication AND items = 0;
            """ : "")
        """
    }
}
