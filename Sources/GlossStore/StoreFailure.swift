/// What a user reads when the store fails in the middle of a command, so that no raw
/// database error ("SQLite error 11") reaches the terminal and no module but this one
/// needs to know the database library. Each backend translates its own errors.
public enum StoreFailure {
    /// A sentence for a database error, or nil when `error` is not one.
    public static func sentence(for error: any Error) -> String? {
        SQLiteBackend.failureSentence(for: error)
    }
}
