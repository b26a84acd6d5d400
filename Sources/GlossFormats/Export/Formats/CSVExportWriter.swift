import GlossCore

/// The `csv` export: `data.csv`, RFC 4180 (CRLF between records, a field in double quotes when
/// it holds a comma, a quote or a line break, inner quotes doubled, line breaks inside quotes
/// kept as they are). Columns: `id`, `text`, then the value's columns (the kind's
/// `CSVMapping`: `label`; `labels`, the names joined with `|`; `spans`, the `jsonl` spans
/// array as JSON; one per part of a value with several), then `split` in split exports only.
struct CSVExportWriter: ExportWriter {
    static let fileName = "data.csv"
    static let scope = "projects whose values fit CSV columns"
    let context: ExportContext
    let mapping: any CSVMapping
    var row = CSVRow()

    init(context: ExportContext) {
        self.context = context
        mapping = context.mapping
    }

    static func singleFile(splits: [ExportSplit]) -> Bool { true }

    var files: [String] { [Self.fileName] }

    mutating func begin(_ sink: inout some ExportSink) throws {
        var header = (["id", "text"] + mapping.csvColumns).joined(separator: ",")
        if !context.splits.isEmpty { header += ",split" }
        header += "\r\n"
        try sink.append(Array(header.utf8), to: Self.fileName)
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        row.removeAll()
        row.append(record.id)
        row.append(record.text)
        try mapping.appendCSVFields(of: record, to: &row)
        if !context.splits.isEmpty { row.append(record.split?.rawValue ?? "") }
        row.bytes.appendASCII("\r\n")
        try row.bytes.withUnsafeBytes { try sink.append($0, to: Self.fileName) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {}
}

/// What the `csv` format needs of a task kind: its value's columns.
public protocol CSVMapping: Sendable {
    /// The names of the value's columns, after `id` and `text`.
    var csvColumns: [String] { get }
    /// Appends one field per column of `csvColumns`.
    func appendCSVFields(of record: ExportRecord, to row: inout CSVRow) throws(ExportWriterError)
}

/// One CSV record being written: fields are appended in order, separated by commas and
/// quoted as RFC 4180 asks.
public struct CSVRow: Sendable {
    /// The record's bytes so far (no line break).
    public internal(set) var bytes: [UInt8] = []
    /// Fields appended so far.
    private var count = 0
    /// Scratch for fields built as bytes (a JSON array), reused from record to record.
    private var field: [UInt8] = []

    public init() {
        bytes.reserveCapacity(4096)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        count = 0
    }

    /// Appends a field.
    public mutating func append(_ text: String) {
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        count += 1
        bytes.appendCSVField(text)
    }

    /// Appends a field that `build` writes as UTF-8 bytes (e.g. a JSON array).
    public mutating func append(building build: (inout [UInt8]) throws(ExportWriterError) -> Void)
        throws(ExportWriterError) {
        field.removeAll(keepingCapacity: true)
        try build(&field)
        append(String(decoding: field, as: UTF8.self))
    }
}
