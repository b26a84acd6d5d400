import Foundation
import GlossCore
internal import GRDB
internal import GRDBSQLite

/// Inserts items and their reference labels through prepared statements bound with the
/// SQLite C API: a million rows a few seconds, inside the caller's transaction.
///
/// The content key is the first 64 bits of the content hash, looked up in `ContentKeys`; an
/// item holding it is confirmed a duplicate by comparing normalized texts, so a hash
/// collision is reported, never taken for a duplicate.
final class ItemWriter {
    enum Outcome { case added, duplicate }

    private let connection: OpaquePointer
    private let insertItem: OpaquePointer
    private let insertLabel: OpaquePointer
    private let textOfItem: OpaquePointer
    private let itemByExternalID: OpaquePointer
    private let keys: ContentKeys
    private var normalizer = TextNormalizer()
    private let datasetID: Int64
    private let datasetName: String
    var importID: Int64 = 0
    /// The row of the item the last `insert` stored or found as a duplicate.
    private(set) var lastItemRowID: Int64 = 0

    /// SQLITE_TRANSIENT: SQLite copies the bound bytes.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, datasetID: Int64, datasetName: String, newDataset: Bool,
         keyRunLength: Int, inChunks: Bool) throws {
        connection = db.sqliteConnection!
        self.datasetID = datasetID
        self.datasetName = datasetName
        keys = try ContentKeys(connection, datasetID: datasetID, newDataset: newDataset, runLength: keyRunLength,
                               cutsBetweenChunks: inChunks)
        insertItem = try Self.prepare(connection, """
            INSERT INTO item_rows (dataset_id, import_id, external_id, text, metadata, content_hash, text_check, parts,
                parts_check)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """)
        textOfItem = try Self.prepare(connection, "SELECT external_id, text FROM item_rows WHERE id = ?1")
        itemByExternalID = try Self.prepare(connection, "SELECT id, text FROM item_rows WHERE external_id = ?1 AND dataset_id = ?2")
        insertLabel = try Self.prepare(connection, "INSERT OR IGNORE INTO reference_labels (item_id, label, import_id) VALUES (?1, ?2, ?3)")
    }

    deinit {
        sqlite3_finalize(insertItem)
        sqlite3_finalize(insertLabel)
        sqlite3_finalize(textOfItem)
        sqlite3_finalize(itemByExternalID)
    }

    static func prepare(_ connection: OpaquePointer, _ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        return statement
    }

    /// Stores one record; a duplicate text is left out, an id taken by another text refused.
    func insert(_ record: ImportRecord) throws -> Outcome {
        let key = Self.key(record.contentHash)
        if keys.mightHold(key) {
            // An item under the record's own id with the same bytes is the record imported
            // before: found through the id index, whose pages a re-imported file reads in
            // order, instead of a content key lookup (a page read per record at 10M items).
            if let id = record.externalID, let item = try itemWithSameBytes(id: id, text: record.text) {
                lastItemRowID = item
                return .duplicate
            }
            if let holder = try keys.holder(of: key) { return try confirmDuplicate(record, holder: holder) }
        }
        let code = Self.withText(record.effectiveID) { id in
            Self.withText(record.text) { text in
                Self.withText(record.metadataJSON) { metadata in
                    Self.withText(record.partsJSON) { parts in
                        step(record, id: id, text: text, metadata: metadata, parts: parts)
                    }
                }
            }
        }
        switch code {  // GRDB turns on extended result codes
        case SQLITE_DONE:
            break
        case SQLITE_CONSTRAINT | (8 << 8):  // SQLITE_CONSTRAINT_UNIQUE: the external id index
            throw InvalidRecord(line: record.line, message: "the id \"\(record.effectiveID)\" is already used by a different item of dataset \"\(datasetName)\"; ids must be unique within a dataset")
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
        lastItemRowID = sqlite3_last_insert_rowid(connection)
        try keys.add(key, item: lastItemRowID)
        if !record.labels.isEmpty { try insertLabels(record.labels) }
        return .added
    }

    /// Binds without copying (SQLITE_STATIC): the bytes outlive the step that reads them.
    private func step(_ record: ImportRecord, id: UnsafeBufferPointer<UInt8>?, text: UnsafeBufferPointer<UInt8>?,
                      metadata: UnsafeBufferPointer<UInt8>?, parts: UnsafeBufferPointer<UInt8>?) -> Int32 {
        let s = insertItem
        sqlite3_bind_int64(s, 1, datasetID)
        sqlite3_bind_int64(s, 2, importID)
        Self.bind(s, 3, id)
        Self.bind(s, 4, text)
        Self.bind(s, 5, metadata)
        sqlite3_bind_int64(s, 6, Self.key(record.contentHash))
        // The checksum of the stored bytes, verified by export, train and gloss check.
        sqlite3_bind_int64(s, 7, ValueCheck.of(UnsafeRawBufferPointer(text ?? UnsafeBufferPointer(start: nil, count: 0))))
        Self.bind(s, 8, parts)
        if let parts { sqlite3_bind_int64(s, 9, ValueCheck.of(UnsafeRawBufferPointer(parts))) } else { sqlite3_bind_null(s, 9) }
        let code = sqlite3_step(s)
        sqlite3_reset(s)
        return code
    }

    static func key(_ hash: ContentHash) -> Int64 { Int64(bitPattern: hash.h1) }

    /// The item of the dataset with this external id, if its text has exactly these bytes.
    private func itemWithSameBytes(id: String, text: String) throws -> Int64? {
        let s = itemByExternalID
        defer { sqlite3_reset(s) }
        let code = Self.withText(id) { bytes -> Int32 in
            Self.bind(s, 1, bytes)
            sqlite3_bind_int64(s, 2, datasetID)
            return sqlite3_step(s)
        }
        switch code {
        case SQLITE_ROW: return Self.columnBytesEqual(s, 1, text) ? sqlite3_column_int64(s, 0) : nil
        case SQLITE_DONE: return nil
        default: throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    /// Between two chunks of an import (no transaction open).
    func betweenChunks() throws { try keys.betweenChunks() }

    /// Writes the content keys still in memory (see `ContentKeys.finish`).
    func finishKeys(chunk: Int, between: () throws -> Void) throws {
        try keys.finish(chunk: chunk, between: between)
    }

    /// The item that holds this text's key: a duplicate if its normalized text is the same.
    private func confirmDuplicate(_ record: ImportRecord, holder: Int64) throws -> Outcome {
        sqlite3_bind_int64(textOfItem, 1, holder)
        defer { sqlite3_reset(textOfItem) }
        guard sqlite3_step(textOfItem) == SQLITE_ROW else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "a content key of item \(holder), which is not stored")
        }
        lastItemRowID = holder
        // The same bytes (a file imported again): a duplicate without normalizing either text.
        if Self.columnBytesEqual(textOfItem, 1, record.text) { return .duplicate }
        let existingID = Self.columnText(textOfItem, 0)
        let existing = Self.columnText(textOfItem, 1)
        if normalizer.normalized(existing) == normalizer.normalized(record.text) { return .duplicate }
        throw InvalidRecord(line: record.line, message: "the text has the same 64-bit content hash as item \"\(existingID)\" but differs from it (a hash collision); please report it")
    }

    private func insertLabels(_ labels: [String]) throws {
        let itemID = lastItemRowID
        for label in labels {
            let code = Self.withText(label) { bytes in
                sqlite3_bind_int64(insertLabel, 1, itemID)
                Self.bind(insertLabel, 2, bytes)
                sqlite3_bind_int64(insertLabel, 3, importID)
                defer { sqlite3_reset(insertLabel) }
                return sqlite3_step(insertLabel)
            }
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
            }
        }
    }

    /// Whether a text column holds exactly the UTF-8 bytes of `text`.
    static func columnBytesEqual(_ statement: OpaquePointer, _ index: Int32, _ text: String) -> Bool {
        let count = Int(sqlite3_column_bytes(statement, index))
        guard let bytes = sqlite3_column_text(statement, index) else { return text.isEmpty }
        var text = text
        return text.withUTF8 { mine in
            mine.count == count && (count == 0 || memcmp(mine.baseAddress!, bytes, count) == 0)
        }
    }

    /// A text column with its byte length (texts may hold NUL characters).
    static func columnText(_ statement: OpaquePointer, _ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, index) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
    }

    @inline(__always) private static func withText<T>(_ value: String?, _ body: (UnsafeBufferPointer<UInt8>?) -> T) -> T {
        guard var value else { return body(nil) }
        return value.withUTF8 { body($0) }
    }

    /// Binds UTF-8 text, or NULL for nil. An empty buffer may have no address: bind "".
    @inline(__always) private static func bind(_ statement: OpaquePointer, _ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>?) {
        guard let bytes else { sqlite3_bind_null(statement, index); return }
        guard let base = bytes.baseAddress else { sqlite3_bind_text(statement, index, "", 0, transient); return }
        sqlite3_bind_text(statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }
}
