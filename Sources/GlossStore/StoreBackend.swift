/// The seam between the façade and a database: everything `GlossDatabase` asks of storage,
/// as internal protocols, one per concern, each declared beside the public methods it
/// serves (`GlossDatabase+Datasets.swift` declares `DatasetsBackend`). A backend conforms
/// to all of them. `SQLiteBackend` (in `SQLite/`, one `SQLiteBackend+Concern.swift` per
/// concern, with the SQL and query helpers of that concern) is the first. A second one
/// (PostgreSQL) is another folder of conformances, one more branch in `GlossDatabase.open`
/// (a `postgresql://` path) and its errors in `StoreFailure`, with no change to the public
/// API or to its callers.
///
/// To add a façade method:
/// 1. Declare the requirement in the concern's protocol, with values in and out: names,
///    row ids, `GlossCore` values and this module's records, never a database type.
/// 2. Add the public method to the concern's `GlossDatabase` extension: its doc comment
///    (what and why), any check that needs no database, then `try backend.method(...)`.
/// 3. Implement it in each backend's concern file as exactly one transaction (on SQLite:
///    `read`, `write` or `writeRetrying`), using that backend's helpers for the concern.
/// A new concern is a new protocol added to the list below.
///
/// Rules every backend must apply alike (what a guide change refuses, how an answer is
/// checked) are plain functions over values that each backend calls (`GuideRules`,
/// `GoldRules`, `AnnotationRules`), and output whose bytes matter (the annotations
/// export) is written by the façade from rows the backend reads.
protocol StoreBackend: DatasetsBackend, ProjectsBackend, ModelsBackend, GoldBackend, StatsBackend, LabelingBackend, LabelerModelBackend, ReviewBackend,
    AnnotationTransferBackend, ImportBackend, ExportBackend, SearchBackend, CheckBackend, Sendable {
    /// Opened for reading only: every write fails, and nothing was migrated.
    var isReadOnly: Bool { get }
}
