internal import GRDB

extension SQLiteBackend {
    /// A sentence for an SQLite error met while a command ran (see `StoreFailure`), or nil
    /// when `error` is not one.
    static func failureSentence(for error: any Error) -> String? {
        if let busy = error as? StoreBusy {
            return "the store stayed locked by another process for \(Int(busy.seconds.rounded())) seconds; nothing was "
                + "written. Try again when it is free."
        }
        if error is StoreCancelled {
            return "the store was still busy when the session closed; nothing was written."
        }
        guard let error = error as? DatabaseError else { return nil }
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "the store is damaged (\(detail)). Restore it from a backup."
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "the store stayed locked by another process; nothing was written. Try again when it is free."
        case .SQLITE_INTERRUPT:
            return "the write was stopped while it waited for the store; nothing was written."
        case .SQLITE_FULL:
            return "the disk is full; nothing was written. Free some space and try again."
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return "the store cannot be written (\(detail)); check the file's permissions."
        default:
            return "the store reported an error: \(detail)."
        }
    }
}

/// A write that found the store locked through every retry, with the time it really waited.
struct StoreBusy: Error {
    var seconds: Double
}
