import Foundation
import GlossTestSupport
import GRDB
import Testing
@testable import GlossStore

@Suite("Migrations")
struct MigrationTests {
    @Test func v3ChainsV2DecisionsSoEachItemHasOneCurrentDecision() throws {
        let dir = try TemporaryDirectory()
        let queue = try DatabaseQueue(path: dir.path("old.db"))
        try SQLiteBackend.migrator.migrate(queue, upTo: "v2-projects-guides-annotations")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO datasets (id, name, created_at) VALUES (1, 'd', '2026-01-01');
                INSERT INTO imports (id, dataset_id, source, format, sha256, bytes, records, added, duplicates, skipped,
                    options, gloss_version, started_at, seconds) VALUES (1, 1, 's', 'jsonl', 'x', 1, 2, 2, 0, 0, '{}', '0', '2026-01-01', 0);
                INSERT INTO items (id, dataset_id, import_id, external_id, text, content_hash) VALUES
                    (1, 1, 1, 'a', 'first', 11), (2, 1, 1, 'b', 'second', 22);
                INSERT INTO projects (id, name, dataset_id, task, created_at) VALUES (1, 'p', 1, 'classify', '2026-01-01');
                INSERT INTO annotators (id, name, created_at) VALUES (1, 'ann', '2026-01-01');
                INSERT INTO annotations (id, project_id, item_id, annotator_id, kind, value, guide_version, decided_at) VALUES
                    (1, 1, 1, 1, 'label', '{"label":"x"}', 1, '2026-01-01'),
                    (2, 1, 1, 1, 'label', '{"label":"y"}', 1, '2026-01-02'),
                    (3, 1, 2, 1, 'label', '{"label":"x"}', 1, '2026-01-03'),
                    (4, 1, 1, 1, 'label', '{"label":"z"}', 1, '2026-01-04');
                """)
        }
        try SQLiteBackend.migrator.migrate(queue)
        try queue.read { db in
            let chain = try Row.fetchAll(db, sql: "SELECT id, superseded_by FROM annotations ORDER BY id")
                .map { [$0[0] as Int64, ($0[1] as Int64?) ?? 0] }
            #expect(chain == [[1, 2], [2, 4], [3, 0], [4, 0]])
            #expect(try Int.fetchOne(db, sql: "SELECT decided FROM annotator_progress") == 2)
        }
    }
}
