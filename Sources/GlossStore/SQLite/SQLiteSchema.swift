import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend {
    /// `PRAGMA application_id` of every Gloss store ("GLSS"), telling it from other SQLite files.
    static let applicationID: Int32 = 0x474C_5353

    /// The number of migrations: each sets `PRAGMA user_version` to its ordinal, so that an
    /// older Gloss can tell a newer store from its header alone.
    static let schemaVersion: UInt32 = 13

    /// The schema, one frozen migration per change (its identifier and SQL, PRAGMAs
    /// included): never edit a migration that has shipped; add a new one.
    static let migrations: [(identifier: String, sql: String)] = [
        (
            "v1-datasets",
            """
                PRAGMA application_id = \(applicationID);
                PRAGMA user_version = 1;
                CREATE TABLE datasets (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE imports (
                    id INTEGER PRIMARY KEY,
                    dataset_id INTEGER NOT NULL REFERENCES datasets(id),
                    source TEXT NOT NULL,
                    format TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    records INTEGER NOT NULL,
                    added INTEGER NOT NULL,
                    duplicates INTEGER NOT NULL,
                    skipped INTEGER NOT NULL,
                    options TEXT NOT NULL,
                    gloss_version TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    seconds REAL NOT NULL
                );
                CREATE INDEX imports_by_dataset ON imports(dataset_id);
                CREATE TABLE items (
                    id INTEGER PRIMARY KEY,
                    dataset_id INTEGER NOT NULL REFERENCES datasets(id),
                    import_id INTEGER NOT NULL REFERENCES imports(id),
                    external_id TEXT NOT NULL,
                    text TEXT NOT NULL,
                    metadata TEXT,
                    content_hash INTEGER NOT NULL
                );
                -- The discriminating column leads each key, so SQLite's fast comparators decide
                -- on it; a dataset_id first (always equal within an import) would not.
                CREATE UNIQUE INDEX items_by_external_id ON items(external_id, dataset_id);
                CREATE UNIQUE INDEX items_by_content ON items(content_hash, dataset_id);
                CREATE TABLE reference_labels (
                    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                    label TEXT NOT NULL,
                    import_id INTEGER NOT NULL REFERENCES imports(id),
                    PRIMARY KEY (item_id, label)
                ) WITHOUT ROWID;
                """
        ),
        (
            "v2-projects-guides-annotations",
            """
                PRAGMA user_version = 2;
                CREATE TABLE projects (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    dataset_id INTEGER NOT NULL REFERENCES datasets(id),
                    task TEXT NOT NULL CHECK (task IN ('classify', 'multilabel', 'spans')),
                    overlap INTEGER NOT NULL DEFAULT 1 CHECK (overlap >= 1),
                    item_order TEXT NOT NULL DEFAULT 'sequential',
                    created_at TEXT NOT NULL
                );
                CREATE TABLE guide_versions (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects(id),
                    version INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    author TEXT NOT NULL,
                    message TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (project_id, version)
                );
                CREATE TABLE annotators (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL
                );
                -- Append-only decisions; a changed decision points at its replacement.
                CREATE TABLE annotations (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects(id),
                    item_id INTEGER NOT NULL REFERENCES items(id),
                    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
                    kind TEXT NOT NULL CHECK (kind IN ('label', 'skip', 'flag')),
                    value TEXT,
                    guide_version INTEGER NOT NULL,
                    shown_at TEXT,
                    decided_at TEXT NOT NULL,
                    active_ms INTEGER,
                    keystrokes INTEGER,
                    suggestion TEXT,
                    suggestion_accepted INTEGER,
                    note TEXT,
                    superseded_by INTEGER REFERENCES annotations(id)
                );
                CREATE INDEX annotations_by_item ON annotations(project_id, item_id);
                CREATE INDEX annotations_by_annotator ON annotations(project_id, annotator_id, decided_at);
                -- Every label an annotation uses (spans included), to find a label's uses.
                CREATE TABLE annotation_labels (
                    annotation_id INTEGER NOT NULL REFERENCES annotations(id),
                    label TEXT NOT NULL,
                    PRIMARY KEY (label, annotation_id)
                ) WITHOUT ROWID;
                """
        ),
        (
            "v3-sessions-queue",
            """
                PRAGMA user_version = 3;
                -- One run of the labeler: who, where, how big a terminal, what it did and how
                -- fast each key was handled (key read to frame flushed). Counters are kept
                -- current with every decision, so a killed session still tells its story.
                CREATE TABLE sessions (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects(id),
                    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
                    started_at TEXT NOT NULL,
                    ended_at TEXT,
                    end_reason TEXT,
                    host TEXT NOT NULL,
                    terminal_width INTEGER NOT NULL,
                    terminal_height INTEGER NOT NULL,
                    item_order TEXT NOT NULL,
                    gloss_version TEXT NOT NULL,
                    labels INTEGER NOT NULL DEFAULT 0,
                    skips INTEGER NOT NULL DEFAULT 0,
                    flags INTEGER NOT NULL DEFAULT 0,
                    changes INTEGER NOT NULL DEFAULT 0,
                    undos INTEGER NOT NULL DEFAULT 0,
                    keystrokes INTEGER NOT NULL DEFAULT 0,
                    key_p50_ms REAL,
                    key_p99_ms REAL,
                    key_max_ms REAL,
                    first_draw_ms REAL,
                    peak_rss_kb INTEGER
                );
                CREATE INDEX sessions_by_project ON sessions(project_id, annotator_id);
                ALTER TABLE annotations ADD COLUMN session_id INTEGER REFERENCES sessions(id);
                ALTER TABLE annotations ADD COLUMN comment TEXT;
                -- Set by an undo; the row stays as the audit trail.
                ALTER TABLE annotations ADD COLUMN undone_at TEXT;
                -- The queue asks "has this annotator decided this item?" per item.
                CREATE INDEX annotations_by_annotator_item ON annotations(project_id, annotator_id, item_id);
                -- History walks: every index ends with the rowid, so this orders by id. It
                -- replaces v2's (project_id, annotator_id, decided_at), which nothing queried:
                -- one index less to write on every decision.
                CREATE INDEX annotations_timeline ON annotations(project_id, annotator_id);
                DROP INDEX annotations_by_annotator;
                -- Per annotator and project: every item with a smaller id is decided
                -- (the queue starts there), and how many items are decided.
                CREATE TABLE annotator_progress (
                    project_id INTEGER NOT NULL REFERENCES projects(id),
                    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
                    frontier INTEGER NOT NULL,
                    decided INTEGER NOT NULL,
                    PRIMARY KEY (project_id, annotator_id)
                ) WITHOUT ROWID;
                -- v2 appended a second decision on an item without superseding the first:
                -- chain each annotator's decisions per item so only the newest is current.
                UPDATE annotations SET superseded_by = (
                    SELECT MIN(b.id) FROM annotations b
                    WHERE b.project_id = annotations.project_id AND b.annotator_id = annotations.annotator_id
                      AND b.item_id = annotations.item_id AND b.id > annotations.id)
                WHERE superseded_by IS NULL;
                INSERT INTO annotator_progress (project_id, annotator_id, frontier, decided)
                    SELECT project_id, annotator_id, 0, COUNT(DISTINCT item_id)
                    FROM annotations WHERE superseded_by IS NULL
                    GROUP BY project_id, annotator_id;
                """
        ),
        (
            "v4-models",
            """
                PRAGMA user_version = 4;
                -- Trained models of a project: numbered versions, each with the bytes of its
                -- model file (which carries its own checksum), what it learned from and how
                -- it scored on the held-out part.
                CREATE TABLE models (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects(id),
                    version INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('text', 'spans')),
                    source TEXT NOT NULL,
                    examples INTEGER NOT NULL,
                    held_out INTEGER NOT NULL,
                    guide_version INTEGER NOT NULL,
                    options TEXT NOT NULL,
                    metrics TEXT,
                    seconds REAL NOT NULL,
                    bytes BLOB NOT NULL,
                    sha256 TEXT NOT NULL,
                    gloss_version TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (project_id, version)
                );
                """
        ),
        (
            "v5-teams",
            """
                PRAGMA user_version = 5;
                -- An item on an annotator's screen is leased to them: it counts toward the
                -- project's overlap until it is decided, released, or `expires_at` passes
                -- (a crashed session's items come back by themselves).
                CREATE TABLE claims (
                    project_id INTEGER NOT NULL REFERENCES projects(id),
                    item_id INTEGER NOT NULL REFERENCES items(id),
                    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
                    session_id INTEGER REFERENCES sessions(id),
                    claimed_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL,
                    PRIMARY KEY (project_id, item_id, annotator_id)
                ) WITHOUT ROWID;
                CREATE INDEX claims_by_session ON claims(session_id);
                -- Items with a known answer, served to every annotator (outside the overlap)
                -- at the project's gold rate, unannounced.
                CREATE TABLE gold_items (
                    project_id INTEGER NOT NULL REFERENCES projects(id),
                    item_id INTEGER NOT NULL REFERENCES items(id),
                    answer TEXT NOT NULL,
                    source TEXT NOT NULL,
                    added_at TEXT NOT NULL,
                    PRIMARY KEY (project_id, item_id)
                ) WITHOUT ROWID;
                ALTER TABLE projects ADD COLUMN gold_rate REAL NOT NULL DEFAULT 0.05;
                -- Every item with a smaller id has `overlap` current decisions (or is gold):
                -- the queue of every annotator starts its walk here. Kept exact by saves and undos.
                ALTER TABLE projects ADD COLUMN full_frontier INTEGER NOT NULL DEFAULT 0;
                -- A reviewer's final answer on an item (append-only like annotations: a new
                -- adjudication supersedes the item's current one; undo marks it undone).
                CREATE TABLE adjudications (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects(id),
                    item_id INTEGER NOT NULL REFERENCES items(id),
                    reviewer_id INTEGER NOT NULL REFERENCES annotators(id),
                    value TEXT NOT NULL,
                    comment TEXT,
                    decided_at TEXT NOT NULL,
                    superseded_by INTEGER REFERENCES adjudications(id),
                    undone_at TEXT
                );
                CREATE INDEX adjudications_by_item ON adjudications(project_id, item_id);
                CREATE INDEX adjudications_by_reviewer ON adjudications(project_id, reviewer_id);
                """
        ),
        (
            "v6-exports",
            """
                PRAGMA user_version = 6;
                -- Every `gloss export`: its options, where it went, and its manifest (with the
                -- sha256 of each file), so a set used for training can be traced and rechecked.
                CREATE TABLE exports (
                    id INTEGER PRIMARY KEY,
                    project_id INTEGER NOT NULL REFERENCES projects(id),
                    format TEXT NOT NULL,
                    options TEXT NOT NULL,
                    destination TEXT NOT NULL,
                    items INTEGER NOT NULL,
                    manifest TEXT NOT NULL,
                    gloss_version TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE INDEX exports_by_project ON exports(project_id);
                -- Stratified splits are balanced per label as items arrive, so each item's split
                -- is remembered (per project and split scheme) and never moves.
                CREATE TABLE split_assignments (
                    project_id INTEGER NOT NULL REFERENCES projects(id),
                    scheme TEXT NOT NULL,
                    item_id INTEGER NOT NULL REFERENCES items(id),
                    split TEXT NOT NULL CHECK (split IN ('train', 'validation', 'test')),
                    PRIMARY KEY (project_id, scheme, item_id)
                ) WITHOUT ROWID;
                -- Pre-labels that came from another tool (e.g. Label Studio predictions): shown
                -- by the labeler as the suggestion until the project's own model has one.
                CREATE TABLE suggestions (
                    project_id INTEGER NOT NULL REFERENCES projects(id),
                    item_id INTEGER NOT NULL REFERENCES items(id),
                    source TEXT NOT NULL,
                    value TEXT NOT NULL,
                    score REAL,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (project_id, item_id, source)
                ) WITHOUT ROWID;
                """
        ),
        (
            "v7-labeler-models",
            """
                PRAGMA user_version = 7;
                -- The labeler's online model of a project, kept between sessions so a launch
                -- learns only what was decided since: it stands for the guide version and the
                -- labels it learned under (another version makes it stale) and for every
                -- decision up to through_annotation.
                CREATE TABLE labeler_models (
                    project_id INTEGER PRIMARY KEY REFERENCES projects(id),
                    guide_version INTEGER NOT NULL,
                    labels TEXT NOT NULL,
                    state BLOB NOT NULL,
                    through_annotation INTEGER NOT NULL,
                    saved_at TEXT NOT NULL
                );
                """
        ),
        (
            "v8-value-checks",
            """
                PRAGMA user_version = 8;
                -- The checksum of each stored decision value and item text (GlossCore's
                -- ValueCheck of its bytes; NULL for no value), written with it by every writer
                -- and verified by export, train and gloss check, so a value or text altered on
                -- disk is never used. Existing rows get theirs here, through the migration's
                -- gloss_value_check() of the stored bytes.
                ALTER TABLE annotations ADD COLUMN value_check INTEGER;
                ALTER TABLE adjudications ADD COLUMN value_check INTEGER;
                ALTER TABLE gold_items ADD COLUMN answer_check INTEGER;
                ALTER TABLE items ADD COLUMN text_check INTEGER;
                UPDATE annotations SET value_check = gloss_value_check(CAST(value AS BLOB)) WHERE value IS NOT NULL;
                UPDATE adjudications SET value_check = gloss_value_check(CAST(value AS BLOB));
                UPDATE gold_items SET answer_check = gloss_value_check(CAST(answer AS BLOB));
                UPDATE items SET text_check = gloss_value_check(CAST(text AS BLOB));
                """
        ),
        (
            "v9-item-search",
            """
                PRAGMA user_version = 9;
                -- The labeler's search: a word index of item texts (Unicode case folding and
                -- diacritics removed, words of any script). Contentless and without positions
                -- (the texts stay in items; a search asks for words, not phrases), so it costs
                -- about half the items' own size. It is filled off the import's path, in short
                -- transactions, items in id order: item_search_progress holds the last item
                -- id indexed, and items above it are searched by reading them.
                CREATE VIRTUAL TABLE item_search USING fts5(
                    text, content = '', detail = none, columnsize = 0,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                CREATE TABLE item_search_progress (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    through_item INTEGER NOT NULL
                );
                INSERT INTO item_search_progress (id, through_item) VALUES (1, 0);
                """
        ),
        (
            "v10-pending-imports",
            """
                PRAGMA user_version = 10;
                -- An item import writes its rows in chunks of short transactions, so that
                -- labelers' saves pass between them, and its items appear in one short final
                -- commit: the rows live in item_rows, import_rows and dataset_rows, and every
                -- reader reads the views items, imports and datasets, which show the rows up
                -- to item_visibility's through_ marks. One import is pending at a time
                -- (pending_import names it, pending_beat is its last chunk's time); its rows,
                -- batches and new datasets are those above the marks, removed if it fails, or
                -- by the next import if it was killed.
                ALTER TABLE items RENAME TO item_rows;
                ALTER TABLE imports RENAME TO import_rows;
                ALTER TABLE datasets RENAME TO dataset_rows;
                CREATE TABLE item_visibility (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    through_item INTEGER NOT NULL,
                    through_import INTEGER NOT NULL,
                    through_dataset INTEGER NOT NULL,
                    pending_import TEXT,
                    pending_beat TEXT
                );
                INSERT INTO item_visibility (id, through_item, through_import, through_dataset)
                SELECT 1, (SELECT COALESCE(MAX(id), 0) FROM item_rows), (SELECT COALESCE(MAX(id), 0) FROM import_rows),
                       (SELECT COALESCE(MAX(id), 0) FROM dataset_rows);
                CREATE VIEW items AS
                SELECT * FROM item_rows WHERE id <= (SELECT through_item FROM item_visibility WHERE id = 1);
                CREATE VIEW imports AS
                SELECT * FROM import_rows WHERE id <= (SELECT through_import FROM item_visibility WHERE id = 1);
                CREATE VIEW datasets AS
                SELECT * FROM dataset_rows WHERE id <= (SELECT through_dataset FROM item_visibility WHERE id = 1);
                """
        ),
        (
            "v11-item-parts-pairwise",
            """
                PRAGMA user_version = 11;
                -- Items that ask for a judgment of model outputs keep their parts (the prompt or
                -- chat, and each model's response) as canonical JSON (ItemParts.json) beside
                -- their text, which is the parts' readable flattening; parts_check is its
                -- checksum, verified where exports read it. NULL for items without parts.
                ALTER TABLE item_rows ADD COLUMN parts TEXT;
                ALTER TABLE item_rows ADD COLUMN parts_check INTEGER;
                DROP VIEW items;
                CREATE VIEW items AS
                SELECT * FROM item_rows WHERE id <= (SELECT through_item FROM item_visibility WHERE id = 1);
                -- The judging tasks (pairwise now; rating, ranking and text to come, named here so
                -- they need no second rebuild): the projects table is rebuilt to widen its CHECK on task
                -- (SQLite cannot alter a CHECK). Ids are copied, so every reference to a
                -- project stays; the migrator runs with foreign keys off and checks them after.
                CREATE TABLE projects_v11 (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    dataset_id INTEGER NOT NULL REFERENCES dataset_rows(id),
                    task TEXT NOT NULL CHECK (task IN ('classify', 'multilabel', 'spans', 'pairwise', 'rating', 'ranking', 'text')),
                    overlap INTEGER NOT NULL DEFAULT 1 CHECK (overlap >= 1),
                    item_order TEXT NOT NULL DEFAULT 'sequential',
                    created_at TEXT NOT NULL,
                    gold_rate REAL NOT NULL DEFAULT 0.05,
                    full_frontier INTEGER NOT NULL DEFAULT 0
                );
                INSERT INTO projects_v11 (id, name, dataset_id, task, overlap, item_order, created_at, gold_rate, full_frontier)
                SELECT id, name, dataset_id, task, overlap, item_order, created_at, gold_rate, full_frontier FROM projects;
                DROP TABLE projects;
                ALTER TABLE projects_v11 RENAME TO projects;
                """
        ),
        (statsAggregatesIdentifier, statsAggregatesMigration),
        (contentKeysIdentifier, contentKeysMigration),
    ]

    /// `gloss_value_check(text)`: `ValueCheck` in SQL, for the migration that fills the
    /// checks of existing rows. Only migrations see it; writers compute checks in Swift.
    static let valueCheckFunction = DatabaseFunction("gloss_value_check", argumentCount: 1, pure: true) { values in
        switch values[0].databaseValue.storage {
        case .string(let text): return ValueCheck.of(text)
        case .blob(let data): return data.withUnsafeBytes { ValueCheck.of($0) }
        default: return nil
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier) { db in
                db.add(function: valueCheckFunction)
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }
}
