/// Verifying a whole store: the `gloss check` command.
protocol CheckBackend {
    func checkStore(limit: Int) throws -> StoreCheckReport
}

extension GlossDatabase {
    /// Checks the whole store without writing to it: SQLite's `integrity_check` (pages, free
    /// lists, every index against its table) and every row Gloss keeps a checksum for (each
    /// decision, adjudication and gold answer value, and each item's text). Lists at most `limit` damaged rows; counts are of every row verified.
    public func check(limit: Int = 1000) throws -> StoreCheckReport {
        try backend.checkStore(limit: limit)
    }
}
