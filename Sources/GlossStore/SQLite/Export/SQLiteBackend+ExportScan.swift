import GlossCore
internal import GRDB

extension SQLiteBackend: ExportBackend {
    func forEachExportRecord(project: String, query: ExportQuery, rule: any ConsensusRule,
                             predict: ((UnlabeledItem) throws -> (AnnotationValue, Double)?)?,
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
        if query.split?.stratify == true, !isReadOnly {
            return try write { try scan($0) }
        }
        return try read { try scan($0) }
    }
}
