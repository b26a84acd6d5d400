import Foundation
import GlossTestSupport
import Testing
@testable import GlossStore

@Suite("Migrations")
struct MigrationTests {
    @Test func v3ChainsV2DecisionsSoEachItemHasOneCurrentDecision() throws {
        let dir = try TemporaryDirectory()
        let old = SQLiteShell(dir.path("old.db"))
        // A store as Gloss left it after v2: its migrations applied, and GRDB's record of them.
        let v2 = SQLiteBackend.migrations.prefix { $0.identifier != "v3-sessions-queue" }
        try old.execute("CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);"
            + v2.map { "\($0.sql);\nINSERT INTO grdb_migrations VALUES ('\($0.identifier)');" }.joined(separator: "\n"))
        #expect(v2.map(\.identifier) == ["v1-datasets", "v2-projects-guides-annotations"])
        try old.execute("""
            INSERT INTO datasets (id, name, created_at) VALUES (1, 'd', '2026-01-01');
            INSERT INTO imports (id, dataset_id, source, format, sha256, bytes, records, added, duplicates, skipped,
                options, gloss_version, started_at, seconds)
                VALUES (1, 1, 's', 'jsonl', 'x', 1, 2, 2, 0, 0, '{}', '0', '2026-01-01', 0);
            INSERT INTO items (id, dataset_id, import_id, external_id, text, content_hash) VALUES
                (1, 1, 1, 'a', 'first', 11), (2, 1, 1, 'b', 'second', 22);
            INSERT INTO projects (id, name, dataset_id, task, created_at) VALUES (1, 'p', 1, 'classify', '2026-01-01');
            INSERT INTO annotators (id, name, created_at) VALUES (1, 'ann', '2026-01-01');
            INSERT INTO annotations (id, project_id, item_id, annotator_id, kind, value, guide_version, decided_at)
            VALUES
                (1, 1, 1, 1, 'label', '{"label":"x"}', 1, '2026-01-01'),
                (2, 1, 1, 1, 'label', '{"label":"y"}', 1, '2026-01-02'),
                (3, 1, 2, 1, 'label', '{"label":"x"}', 1, '2026-01-03'),
                (4, 1, 1, 1, 'label', '{"label":"z"}', 1, '2026-01-04');
            """)
        _ = try GlossDatabase.open(path: old.path)  // migrates to the newest schema
        let chain = try old.rows("SELECT id, superseded_by FROM annotations ORDER BY id")
            .map { [$0["id"].int64 ?? -1, $0["superseded_by"].int64 ?? 0] }
        #expect(chain == [[1, 2], [2, 4], [3, 0], [4, 0]])
        #expect(try old.int("SELECT decided FROM annotator_progress") == 2)
    }
}
