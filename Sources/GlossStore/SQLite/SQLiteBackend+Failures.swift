internal import GRDB

extension SQLiteBackend {
    /// A sentence for an SQLite error met while a command ran (see `StoreFailure`), or nil
    /// when `error` is not one.
    static func failureSentence(for error: any Error) -> String? {
        guard let error = error as? DatabaseError else { return nil }
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "the store is damaged (\(detail)). Restore it from a backup."
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "the store stayed locked by another process for 30 seconds; nothing was written. "
                + "Try again when it is free."
        case .SQLITE_FULL:
            return "the disk is full; nothing was written. Free some space and try again."
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return "the store cannot be written (\(detail)); check the file's permissions."
        default:
            return "the store reported an error: \(detail)."
        }
    }
}
