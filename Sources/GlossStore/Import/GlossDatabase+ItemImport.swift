import Foundation
import GlossCore

/// What a backend does for an item import (see `StoreBackend`).
protocol ImportBackend {
    /// Stores every source's records into the dataset of `settings` in one transaction,
    /// appending each source's report to `report` as it finishes.
    func importItems(_ settings: ItemImportSettings, from sources: [any ItemRecordSource], at started: Date,
                     into report: inout ImportReport) throws
}

extension GlossDatabase {
    /// Imports every source's records into the dataset of `settings` in one transaction:
    /// either all valid records are stored, or (on the first invalid record, unless
    /// skipping) nothing. The sources are pulled one after the other inside the transaction.
    ///
    /// Duplicates (same normalized text already in the dataset) are counted and left out,
    /// so importing the same file twice adds nothing. A source that adds nothing leaves no
    /// import batch behind: batches are the dataset's versions.
    public func importItems(_ settings: ItemImportSettings, from sources: [any ItemRecordSource]) throws
        -> ImportReport {
        let started = Date()
        var report = ImportReport(dataset: settings.dataset)
        try backend.importItems(settings, from: sources, at: started, into: &report)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
