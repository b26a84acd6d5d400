/// What a backend reads about datasets (see `StoreBackend`).
protocol DatasetsBackend {
    func datasets() throws -> [DatasetSummary]
    func importLog(dataset: String) throws -> [ImportBatch]
}

extension GlossDatabase {
    /// Every dataset with its item count, number of import batches and last import time.
    public func datasets() throws -> [DatasetSummary] {
        try backend.datasets()
    }

    /// The import batches of a dataset, oldest first: its version history.
    public func importLog(dataset: String) throws -> [ImportBatch] {
        try backend.importLog(dataset: dataset)
    }
}
