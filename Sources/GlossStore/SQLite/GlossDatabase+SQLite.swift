extension GlossDatabase {
    /// The SQLite backend, for the façade methods whose SQL still sits beside them (the
    /// labeling, review, import and export folders) until they move behind a backend
    /// protocol like the others (see `StoreBackend`); new code goes through `backend`.
    var sqlite: SQLiteBackend {
        guard let sqlite = backend as? SQLiteBackend else {
            preconditionFailure("this method has no implementation for \(type(of: backend)) yet")
        }
        return sqlite
    }
}
