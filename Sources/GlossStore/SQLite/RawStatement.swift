import GlossCore
internal import GRDB
internal import GRDBSQLite

/// A prepared statement stepped with the SQLite C API, for scans over a million rows where
/// GRDB's `Row` costs more than the query: columns are read in place (bytes stay valid until
/// the next step), and a TEXT column read as bytes is not cut at a NUL.
final class RawStatement {
    private let connection: OpaquePointer
    private let statement: OpaquePointer

    /// A statement that binds each argument (`Int64` or `String`, in order) to `?1`, `?2`, ….
    init(_ db: Database, _ sql: String, _ arguments: [any Sendable] = []) throws {
        connection = db.sqliteConnection!
        statement = try ItemWriter.prepare(connection, sql)
        for (index, argument) in arguments.enumerated() {
            let position = Int32(index + 1)
            switch argument {
            case let number as Int64: sqlite3_bind_int64(statement, position, number)
            case let number as Int: sqlite3_bind_int64(statement, position, Int64(number))
            case let text as String: sqlite3_bind_text(statement, position, text, -1, Self.transient)
            default: preconditionFailure("RawStatement binds Int64, Int and String, not \(type(of: argument))")
            }
        }
    }

    deinit { sqlite3_finalize(statement) }

    /// SQLITE_TRANSIENT: SQLite copies the bound bytes.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Moves to the next row: true on a row, false at the end.
    func step() throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    /// Runs a statement that returns no rows, then readies it to run again.
    func execute() throws {
        defer { sqlite3_reset(statement) }
        _ = try step()
    }

    /// Readies the statement to run again with new bindings.
    func reset() { sqlite3_reset(statement) }

    func bind(_ number: Int64, at position: Int32) { sqlite3_bind_int64(statement, position, number) }

    func bind(_ text: String, at position: Int32) { sqlite3_bind_text(statement, position, text, -1, Self.transient) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }

    /// The column's bytes, valid until the next step; empty for NULL.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        // SQLite's rule: ask for the pointer first, then for the size.
        let base = sqlite3_column_blob(statement, column)
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let base else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// The column as text (invalid UTF-8 repaired); "" for NULL.
    func string(_ column: Int32) -> String { String(decoding: bytes(column), as: UTF8.self) }

    func optionalString(_ column: Int32) -> String? { isNull(column) ? nil : string(column) }

    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    /// Whether the column's bytes (nil for NULL) match the `ValueCheck` in column `check`.
    func valueMatchesCheck(_ column: Int32, check: Int32) -> Bool {
        ValueCheck.matches(isNull(column) ? nil : bytes(column), check: optionalInt64(check))
    }

    /// The first letter of the column's text, as a byte (0 for NULL or empty).
    func firstByte(_ column: Int32) -> UInt8 {
        let bytes = bytes(column)
        return bytes.isEmpty ? 0 : bytes[0]
    }
}
