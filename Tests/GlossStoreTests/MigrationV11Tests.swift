import Foundation
import GlossTestSupport
import Testing
@testable import GlossStore

@Suite("Migration v11: item parts and the pairwise task")
struct MigrationV11Tests {
    /// A store as Gloss left it after v10, with a project, a guide, decisions, a session and
    /// a claim (rows that reference the project), migrated to the newest schema.
    @Test func aV10StoreKeepsItsProjectsAndEveryReferenceToThem() throws {
        let dir = try TemporaryDirectory()
        let old = SQLiteShell(dir.path("old.db"))
        let v10 = SQLiteBackend.migrations.prefix { $0.identifier != "v11-item-parts-pairwise" }
        #expect(v10.count == 10)
        // v8's UPDATEs call a function only Gloss defines; on an empty store they change nothing.
        func withoutChecks(_ sql: String) -> String {
            sql.split(separator: "\n").filter { !$0.contains("gloss_value_check") }.joined(separator: "\n")
        }
        try old.execute("CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);"
            + v10.map { "\(withoutChecks($0.sql));\nINSERT INTO grdb_migrations VALUES ('\($0.identifier)');" }
                .joined(separator: "\n"))
        try old.execute("""
            INSERT INTO dataset_rows (id, name, created_at) VALUES (1, 'd', '2026-01-01');
            INSERT INTO import_rows (id, dataset_id, source, format, sha256, bytes, records, added, duplicates, skipped,
                options, gloss_version, started_at, seconds)
                VALUES (1, 1, 's', 'jsonl', 'x', 1, 2, 2, 0, 0, '{}', '0', '2026-01-01', 0);
            INSERT INTO item_rows (id, dataset_id, import_id, external_id, text, content_hash) VALUES
                (1, 1, 1, 'a', 'first', 11), (2, 1, 1, 'b', 'second', 22);
            UPDATE item_visibility SET through_item = 2, through_import = 1, through_dataset = 1;
            INSERT INTO projects (id, name, dataset_id, task, overlap, item_order, created_at, gold_rate, full_frontier)
                VALUES (4, 'p', 1, 'spans', 2, 'random', '2026-01-01', 0.1, 2),
                       (7, 'q', 1, 'classify', 1, 'sequential', '2026-01-02', 0.05, 0);
            INSERT INTO guide_versions (project_id, version, text, sha256, author, message, created_at)
                VALUES (4, 1, 'g', 'h', 'lead', 'first', '2026-01-01');
            INSERT INTO annotators (id, name, created_at) VALUES (1, 'ann', '2026-01-01');
            INSERT INTO annotations (id, project_id, item_id, annotator_id, kind, value, guide_version, decided_at)
                VALUES (1, 4, 1, 1, 'label', '{"spans":[]}', 1, '2026-01-01'),
                       (2, 7, 2, 1, 'label', '{"label":"x"}', 1, '2026-01-02');
            """)
        _ = try GlossDatabase.open(path: old.path)  // migrates to the newest schema
        let projects = try old.rows("SELECT id, name, task, overlap, item_order, gold_rate, full_frontier FROM projects ORDER BY id")
        #expect(projects.map { $0["id"].int64 } == [4, 7])
        #expect(projects.map { $0["name"].string } == ["p", "q"])
        #expect(projects.map { $0["task"].string } == ["spans", "classify"])
        #expect(projects[0]["overlap"].int == 2)
        #expect(projects[0]["item_order"].string == "random")
        #expect(projects[0]["full_frontier"].int == 2)
        #expect(try old.int("SELECT COUNT(*) FROM annotations a JOIN projects p ON p.id = a.project_id") == 2)
        #expect(try old.int("SELECT COUNT(*) FROM guide_versions g JOIN projects p ON p.id = g.project_id") == 1)
        #expect(try old.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try old.int("PRAGMA user_version") == Int(SQLiteBackend.schemaVersion))
        // The widened CHECK takes pairwise and still refuses a task nobody knows.
        try old.execute("INSERT INTO projects (id, name, dataset_id, task, created_at) VALUES (9, 'r', 1, 'pairwise', 'now')")
        #expect(throws: SQLiteShellError.self) {
            try old.execute("INSERT INTO projects (id, name, dataset_id, task, created_at) VALUES (10, 's', 1, 'judge', 'now')")
        }
        // The items view shows the new columns; the old items have no parts.
        #expect(try old.int("SELECT COUNT(*) FROM items WHERE parts IS NULL AND parts_check IS NULL") == 2)
        // The rebuilt table still refuses a project of a dataset that does not exist.
        #expect(throws: SQLiteShellError.self) {
            try old.execute("PRAGMA foreign_keys = ON; INSERT INTO projects (id, name, dataset_id, task, created_at) VALUES (11, 't', 99, 'classify', 'now')")
        }
    }
}
