import Foundation
import GlossCore
internal import GRDB

/// One pass over a project's decision rows into a `TeamStatsBuilder`: the dataset's items in
/// the order of their external ids (walking the unique index on them), each item's rows
/// through `annotations_by_item` (the builder needs no order within an item, so SQLite sorts
/// nothing), stepped with the C API. Memory holds the gold
/// answers and current adjudications (by item row id) and what the builder keeps, never the
/// rows: a million decisions cost little more than SQLite's own stepping through them.
///
/// Only visible items count; their bound is on `+i.id`, not `i.id`: SQLite would carry a
/// bound on `i.id` over to `a.item_id` and walk each item's decisions as a range of
/// `annotations_by_item` from the first item on (minutes for a million decisions) instead of
/// looking them up by item.
///
/// Ordering by external id is what lets the report's sums run in the order of
/// `TeamStats.report`, which sorts items by their ids (Swift and SQLite order valid UTF-8
/// alike, by code point, for ids in NFC).
struct StatsScan {
    private let db: Database
    private let projectID: Int64
    private let datasetID: Int64

    init(_ db: Database, projectID: Int64, datasetID: Int64) {
        self.db = db
        self.projectID = projectID
        self.datasetID = datasetID
    }

    /// Feeds every row decided at or after `since` (all rows without it) to `builder`.
    func run(since: Date?, into builder: inout TeamStatsBuilder) throws {
        let gold = try itemValues("SELECT item_id, answer FROM gold_items WHERE project_id = ?1")
        let adjudications = try itemValues("""
            SELECT item_id, value FROM adjudications
            WHERE project_id = ?1 AND superseded_by IS NULL AND undone_at IS NULL ORDER BY id
            """)
        var annotators = AnnotatorNumbers(names: try annotatorNames())
        var values = CanonicalValueCache()
        let texts = try RawStatement(db, "SELECT CAST(text AS BLOB) FROM items WHERE id = ?1")
        let rows = try RawStatement(db, """
            SELECT i.id, i.external_id, a.annotator_id, a.kind, a.value, a.decided_at, a.active_ms,
                   a.suggestion IS NOT NULL, a.suggestion_accepted, a.guide_version,
                   a.superseded_by IS NULL AND a.undone_at IS NULL, a.undone_at IS NOT NULL, a.id
            FROM item_rows i INDEXED BY items_by_external_id
            CROSS JOIN annotations a INDEXED BY annotations_by_item
            WHERE i.dataset_id = ?1 AND a.project_id = ?2 AND a.item_id = i.id
              AND +i.id <= (SELECT through_item FROM item_visibility WHERE id = 1)
              \(since == nil ? "" : "AND a.decided_at >= ?3")
            ORDER BY i.external_id
            """, [datasetID, projectID] + (since.map { [String.fromDatabaseValue($0.databaseValue)!] } ?? []))
        var item: (rowID: Int64, id: String)?
        func finish(_ item: (rowID: Int64, id: String)) throws {
            try builder.finishItem(id: item.id, gold: gold[item.rowID], adjudication: adjudications[item.rowID]) {
                texts.reset()
                texts.bind(item.rowID, at: 1)
                return try texts.step() ? texts.string(0) : ""
            }
        }
        while try rows.step() {
            let rowID = rows.int64(0)
            if rowID != item?.rowID {
                if let item { try finish(item) }
                item = (rowID, rows.string(1))
            }
            let kind = Self.kind(rows.firstByte(3))
            let isCurrent = rows.int64(10) != 0
            builder.add(StatsRow(
                id: rows.int64(12), annotator: annotators.number(rows.int64(2), in: &builder), kind: kind,
                value: isCurrent && kind == .label ? values.parse(rows.bytes(4)) : nil,
                day: try Self.day(rows.bytes(5)),
                activeMilliseconds: rows.isNull(6) ? nil : rows.int(6),
                suggestionShown: rows.int64(7) != 0,
                suggestionAccepted: rows.isNull(8) ? nil : rows.int64(8) != 0,
                guideVersion: rows.int(9), isCurrent: isCurrent, undone: rows.int64(11) != 0))
        }
        if let item { try finish(item) }
    }

    /// `[item row id: value]` from a query of (item_id, value JSON) on `?1`; later rows win.
    private func itemValues(_ sql: String) throws -> [Int64: AnnotationValue] {
        var out: [Int64: AnnotationValue] = [:]
        let rows = try RawStatement(db, sql, [projectID])
        while try rows.step() {
            if let value = CanonicalValueParser.parse(rows.bytes(1)) { out[rows.int64(0)] = value }
        }
        return out
    }

    private func annotatorNames() throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        let rows = try RawStatement(db, "SELECT id, name FROM annotators")
        while try rows.step() { names[rows.int64(0)] = rows.string(1) }
        return names
    }

    static func kind(_ letter: UInt8) -> AnnotationKind {
        switch letter {
        case UInt8(ascii: "s"): .skip
        case UInt8(ascii: "f"): .flag
        default: .label
        }
    }

    /// The UTC day of a stored decision time: read from the digits of the `YYYY-MM-DD hh:mm:ss.SSS`
    /// GRDB writes, and through GRDB's own date decoding for any other form.
    static func day(_ text: UnsafeBufferPointer<UInt8>) throws -> StatsDay {
        func digits(_ range: Range<Int>) -> Int? {
            var number = 0
            for index in range {
                let digit = Int(text[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                number = number * 10 + digit
            }
            return number
        }
        if text.count == 23, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"), text[10] == UInt8(ascii: " "),
           let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10), year >= 1000 {
            return StatsDay(year: year, month: month, day: day)
        }
        let string = String(decoding: text, as: UTF8.self)
        guard let date = Date.fromDatabaseValue(string.databaseValue) else {
            throw DatabaseError(message: "a decision's time \"\(string)\" is not a date")
        }
        return StatsDay(date)
    }
}

/// The builder's number for each annotator row id, asked for the first time a row of theirs
/// comes (so `annotatorNames` lists only those with rows). Row ids of annotators are small:
/// an array by row id.
struct AnnotatorNumbers {
    let names: [Int64: String]
    /// The builder's number by annotator row id; -1 until asked for.
    private var numbers: [Int]

    init(names: [Int64: String]) {
        self.names = names
        numbers = Array(repeating: -1, count: Int(names.keys.max() ?? 0) + 1)
    }

    mutating func number(_ id: Int64, in builder: inout TeamStatsBuilder) -> Int {
        if id >= 0, id < numbers.count, numbers[Int(id)] >= 0 { return numbers[Int(id)] }
        let number = builder.annotator(named: names[id] ?? "annotator \(id)")
        if id >= 0, id < numbers.count { numbers[Int(id)] = number }
        return number
    }
}
