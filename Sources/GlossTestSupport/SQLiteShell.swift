import Foundation

/// Runs SQL on a store file with the `sqlite3` command, for tests that look at rows no
/// façade method returns or that damage a file on purpose. It goes around the store as a
/// user's own `sqlite3` session would, so tests need no database library of their own.
public struct SQLiteShell: Sendable {
    /// The database file.
    public let path: String

    public init(_ path: String) {
        self.path = path
    }

    /// The rows of a query, by column name.
    public func rows(_ sql: String) throws -> [SQLiteRow] {
        let output = try run(["-json", path, sql])
        if output.allSatisfy(\.isWhitespace) { return [] }
        return try JSONDecoder().decode([[String: SQLiteValue]].self, from: Data(output.utf8)).map(SQLiteRow.init)
    }

    /// The only column of a query's rows (a query of more columns is a mistake in the test).
    public func column(_ sql: String) throws -> [SQLiteValue] {
        try rows(sql).map { row in
            precondition(row.values.count == 1, "column(_:) reads a query of one column: \(sql)")
            return row.values.first!.value
        }
    }

    /// The first value of a one-column query as an integer; 0 when there is no row or it is NULL.
    public func int(_ sql: String) throws -> Int {
        try column(sql).first?.int ?? 0
    }

    /// Runs statements that return no rows (to build or damage a file).
    public func execute(_ sql: String) throws {
        _ = try run([path, sql])
    }

    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-bail", "-cmd", ".timeout 10000"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SQLiteShellError(sql: arguments.last ?? "", message: String(decoding: message, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// What `sqlite3` said when a statement failed.
public struct SQLiteShellError: Error, CustomStringConvertible {
    public var sql: String
    public var message: String
    public var description: String {
        "sqlite3 failed (\(message.trimmingCharacters(in: .whitespacesAndNewlines))): \(sql)"
    }
}

/// One row of a query, by column name; a column the row does not have reads as NULL.
public struct SQLiteRow: Sendable, Equatable {
    public let values: [String: SQLiteValue]

    public subscript(_ column: String) -> SQLiteValue { values[column] ?? .null }
}

/// A value as `sqlite3 -json` prints it: a blob (`CAST(x AS BLOB)`) reads as text with
/// every byte kept, NUL included.
public enum SQLiteValue: Sendable, Equatable, Decodable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let real = try? container.decode(Double.self) {
            self = .real(real)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public var isNull: Bool { self == .null }

    public var string: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    public var int64: Int64? {
        if case .integer(let integer) = self { return integer }
        return nil
    }

    public var int: Int? { int64.map(Int.init) }

    public var double: Double? {
        switch self {
        case .integer(let integer): Double(integer)
        case .real(let real): real
        default: nil
        }
    }

    /// An integer column used as a boolean (SQLite has no other kind).
    public var bool: Bool? { int64.map { $0 != 0 } }

    /// A date as the store writes it ("2026-01-05 10:01:00.500", UTC).
    public var date: Date? {
        guard let string else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = string.contains(".") ? "yyyy-MM-dd HH:mm:ss.SSS" : "yyyy-MM-dd HH:mm:ss"
        return formatter.date(from: string)
    }
}
