import GlossCore
internal import GRDB

extension GlossDatabase {
    /// Streams a project's export records in item order (ascending row id) with flat memory:
    /// the current decisions and adjudications are read with cursors in item order and
    /// combined under `query.policy`; items left out are counted in the summary. With
    /// `predict`, every item of the dataset with no consensus value (and no skip/flag that
    /// leaves it out) is offered to it, and a value it returns is written as a prediction.
    ///
    /// The scan runs in one read transaction, except with a stratified split: new items'
    /// splits are remembered in `split_assignments` so that they never move, which makes it
    /// one write transaction (other writers wait for it).
    public func forEachExportRecord(project: String, query: ExportQuery,
                                    predict: ((UnlabeledItem) throws -> (AnnotationValue, Double)?)? = nil,
                                    _ body: (ExportRecord) throws -> Void) throws -> ExportScanSummary {
        func scan(_ db: Database) throws -> ExportScanSummary {
            let projectID = try SQLiteBackend.projectID(db, project)
            guard let row = try Row.fetchOne(db, sql: "SELECT dataset_id, task FROM projects WHERE id = ?", arguments: [projectID]),
                  let task = TaskType(rawValue: row[1])
            else { throw ProjectError.unknownProject(project, known: []) }
            let guide = try SQLiteBackend.currentGuide(db, projectID: projectID, project: project).guide
            var scan = try ExportScan(db, projectID: projectID, datasetID: row[0], task: task,
                                      labels: guide.labels.map(\.name), query: query, predict: predict)
            return try scan.run(body)
        }
        if query.split?.stratify == true {
            return try sqlite.write { try scan($0) }
        }
        return try sqlite.read { try scan($0) }
    }
}
