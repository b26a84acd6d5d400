import Foundation
import GlossCore
@testable import GlossStore
import GlossTasks
import GlossTestSupport
import Testing

/// The checksums kept beside stored values (migration v8): every writer fills them, the
/// migration computes them for rows written before it, and a read-only open of a store that
/// still lacks it refuses instead of migrating.
@Suite("Value checks")
struct ValueCheckTests {
    /// Every stored value and item text beside its check, by table, as the sqlite3 shell reads them.
    static func checks(_ shell: SQLiteShell) throws -> [(value: String?, check: Int64?)] {
        try ["SELECT value, value_check AS c FROM annotations", "SELECT value, value_check AS c FROM adjudications",
             "SELECT answer AS value, answer_check AS c FROM gold_items", "SELECT text AS value, text_check AS c FROM items"].flatMap { sql in
            try shell.rows(sql).map { ($0["value"].string, $0["c"].int64) }
        }
    }

    @Test func everyWriterStoresTheCheckOfWhatItWrote() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.importFiles([dir.write("r.jsonl", jsonLines(4, prefix: "r"))], into: "reviews")
        try store.createProject(name: "sent", dataset: "reviews",
                                guide: #require(GuideParser.lint(ProjectGuideTests.v1).guide), author: "lead", overlap: 2)
        try store.decide(project: "sent", itemID: "r-1", annotator: "ana", value: .label("positive"))
        try store.decide(project: "sent", itemID: "r-2", annotator: "ana", kind: .skip, value: nil)
        try store.adjudicate(project: "sent", itemRowID: store.rowID("r-1", dataset: "reviews"), reviewer: "lead",
                             value: .label("negative"))
        try store.addGold(project: "sent", answers: [(externalID: "r-3", value: .label("neutral"), source: "test")],
                          rules: TaskKinds.valueRules)
        let rows = try Self.checks(SQLiteShell(store.path))
        #expect(rows.count == 4 + 4)  // a label, a skip, an adjudication, a gold answer; 4 item texts
        for row in rows {
            #expect(row.check == ValueCheck.of(row.value), "\(row)")
        }
        #expect(try store.check().isClean)
    }

    @Test func v8ComputesTheChecksOfEarlierRowsAndAReadOnlyOpenRefusesToMigrate() throws {
        let dir = try TemporaryDirectory()
        let old = SQLiteShell(dir.path("old.db"))
        // A store as Gloss left it after v7: its migrations applied, and GRDB's record of them.
        let v7 = SQLiteBackend.migrations.prefix { $0.identifier != "v8-value-checks" }
        try old.execute("CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);"
            + v7.map { "\($0.sql);\nINSERT INTO grdb_migrations VALUES ('\($0.identifier)');" }.joined(separator: "\n"))
        try old.execute("""
            INSERT INTO datasets (id, name, created_at) VALUES (1, 'd', '2026-01-01');
            INSERT INTO imports (id, dataset_id, source, format, sha256, bytes, records, added, duplicates, skipped,
                options, gloss_version, started_at, seconds)
                VALUES (1, 1, 's', 'jsonl', 'x', 1, 1, 1, 0, 0, '{}', '0', '2026-01-01', 0);
            INSERT INTO items (id, dataset_id, import_id, external_id, text, content_hash) VALUES (1, 1, 1, 'a', 'first', 11);
            INSERT INTO projects (id, name, dataset_id, task, created_at) VALUES (1, 'p', 1, 'classify', '2026-01-01');
            INSERT INTO annotators (id, name, created_at) VALUES (1, 'ann', '2026-01-01');
            INSERT INTO annotations (id, project_id, item_id, annotator_id, kind, value, guide_version, decided_at) VALUES
                (1, 1, 1, 1, 'label', '{"label":"x"}', 1, '2026-01-01'), (2, 1, 1, 1, 'skip', NULL, 1, '2026-01-02');
            INSERT INTO adjudications (project_id, item_id, reviewer_id, value, decided_at)
                VALUES (1, 1, 1, '{"label":"y"}', '2026-01-03');
            INSERT INTO gold_items (project_id, item_id, answer, source, added_at) VALUES (1, 1, '{"label":"x"}', 't', '2026-01-03');
            """)
        let before = try FileFingerprint(old.path)
        #expect {
            try GlossDatabase.openReadOnly(path: old.path)
        } throws: { error in
            guard case StoreError.needsMigration(_, 7, Int(SQLiteBackend.schemaVersion)) = error else { return false }
            return "\(error)".contains("gloss migrate --db \(old.path)")
        }
        #expect(try FileFingerprint(old.path) == before)

        _ = try GlossDatabase.open(path: old.path)  // migrates to the newest schema
        let rows = try Self.checks(old)
        #expect(rows.map(\.value) == [#"{"label":"x"}"#, nil, #"{"label":"y"}"#, #"{"label":"x"}"#, "first"])
        for row in rows {
            #expect(row.check == ValueCheck.of(row.value), "\(row)")
        }
        #expect(try GlossDatabase.openReadOnly(path: old.path).isReadOnly)
    }

    @Test func aReadOnlyOpenWritesNothingAndRefusesWrites() throws {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.importFiles([dir.write("r.jsonl", jsonLines(3, prefix: "r"))], into: "reviews")
        let path = store.path
        let before = try FileFingerprint(path)
        let reader = try GlossDatabase.openReadOnly(path: path)
        #expect(try reader.datasets().map(\.name) == ["reviews"])
        #expect(throws: (any Error).self) {
            try reader.importFiles([dir.write("more.jsonl", jsonLines(2, prefix: "m"))], into: "more")
        }
        #expect(try FileFingerprint(path).bytes == before.bytes)
    }
}
