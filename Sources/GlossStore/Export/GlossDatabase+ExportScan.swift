import GlossCore
internal import GRDB

extension GlossDatabase {
    /// Streams a project's export records in item order (ascending row id) with flat memory:
    /// the current decisions and adjudications are read with cursors in item order and
    /// combined under `query.policy` by `rule`, the project's task kind's (which also names
    /// the strata of a stratified split); items left out are counted in the summary. With
    /// `predict`, every item of the dataset with no consensus value (and no skip/flag that
    /// leaves it out) is offered to it, and a value it returns is written as a prediction.
    ///
    /// The scan runs in one read transaction, except with a stratified split: new items'
    /// splits are remembered in `split_assignments` so that they never move, which makes it
    /// one write transaction (other writers wait for it). On a store opened read-only the
    /// new splits are assigned the same way but not remembered.
    ///
    /// A value or item text that no longer matches its checksum stops the scan with
    /// `StoreDamaged` (naming the row and this store) before it reaches `body`.
    public func forEachExportRecord(project: String, query: ExportQuery, rule: any ConsensusRule,
                                    predict: ((UnlabeledItem) throws -> (AnnotationValue, Double)?)? = nil,
                                    _ body: (ExportRecord) throws -> Void) throws -> ExportScanSummary {
        func scan(_ db: Database) throws -> ExportScanSummary {
            let projectID = try SQLiteBackend.projectID(db, project)
            guard let datasetID = try Int64.fetchOne(db, sql: "SELECT dataset_id FROM projects WHERE id = ?",
                                                     arguments: [projectID])
            else { throw ProjectError.unknownProject(project, known: []) }
            var scan = try ExportScan(db, projectID: projectID, datasetID: datasetID, rule: rule, query: query,
                                      remembersSplits: !isReadOnly, predict: predict)
            return try scan.run(body)
        }
        return try namingDamage(scope: project) {
            if query.split?.stratify == true, !isReadOnly {
                return try sqlite.write { try scan($0) }
            }
            return try sqlite.read { try scan($0) }
        }
    }
}
