import GlossCore
import GRDB

extension GlossDatabase {
    /// Streams a project's export records in item order (ascending row id) from one read
    /// transaction, with flat memory: the current decisions and adjudications are read with
    /// cursors in item order and combined under `query.policy`; items left out are counted in
    /// the summary. With `predict`, items with no consensus value (and no skip/flag that
    /// leaves them out) are offered to it, and a value it returns is written as a prediction.
    /// A stratified split remembers new assignments in `split_assignments`.
    public func forEachExportRecord(project: String, query: ExportQuery,
                                    predict: ((UnlabeledItem) throws -> (AnnotationValue, Double)?)? = nil,
                                    _ body: (ExportRecord) throws -> Void) throws -> ExportScanSummary {
        throw ExportScanPending()  // contract stub: replaced by the scan (issue 7)
    }
}
struct ExportScanPending: Error {}
