import GlossCore

/// The `jsonl` export: `data.jsonl`, one object per item, keys always in this order:
///
/// `id`, `text`, then the value's members (the kind's `JSONLinesMapping`: `label`, `labels` or
/// `spans`, or one per part of a value with several), `meta` (the item's metadata object as
/// imported, or `null`), `annotators`, `agreement` (`null` when nobody labeled the item),
/// `source` (`adjudicated`, `consensus` or `prediction`), `confidence` (predictions only) and
/// `split` (split exports only).
///
/// One record is one line: the text's line breaks are escaped, so `wc -l` counts items.
struct JSONLinesExportWriter: ExportWriter {
    static let fileName = "data.jsonl"
    static let scope = "projects whose values have a JSON form"
    let context: ExportContext
    let mapping: any JSONLinesMapping
    var line: [UInt8] = []

    init(context: ExportContext) {
        self.context = context
        mapping = context.mapping
        line.reserveCapacity(4096)
    }

    static func singleFile(splits: [ExportSplit]) -> Bool { true }

    var files: [String] { [Self.fileName] }

    mutating func begin(_ sink: inout some ExportSink) throws {
        try sink.append([], to: Self.fileName)
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        line.removeAll(keepingCapacity: true)
        try appendObject(record, to: &line)
        line.append(0x0A)
        try line.withUnsafeBytes { try sink.append($0, to: Self.fileName) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {}

    /// Appends the record's JSON object (no line break).
    func appendObject(_ record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        out.appendASCII("{\"id\":")
        out.appendJSONString(record.id)
        out.appendASCII(",\"text\":")
        out.appendJSONString(record.text)
        try mapping.appendJSONMembers(of: record, to: &out)
        out.appendASCII(",\"meta\":")
        if let meta = record.metadataJSON { out.appendRawJSON(meta) } else { out.appendASCII("null") }
        out.appendASCII(",\"annotators\":")
        out.appendJSONStrings(record.annotators)
        out.appendASCII(",\"agreement\":")
        if let agreement = record.agreement { out.appendNumber(agreement) } else { out.appendASCII("null") }
        out.appendASCII(",\"source\":")
        out.appendJSONString(record.source.rawValue)
        if record.source == .prediction {
            out.appendASCII(",\"confidence\":")
            if let confidence = record.confidence { out.appendNumber(confidence) } else { out.appendASCII("null") }
        }
        if let split = record.split {
            out.appendASCII(",\"split\":")
            out.appendJSONString(split.rawValue)
        }
        out.append(UInt8(ascii: "}"))
    }
}

/// What the `jsonl` format needs of a task kind: the members its value adds to an item's
/// object, between `text` and `meta`.
public protocol JSONLinesMapping: Sendable {
    /// Appends the value's members, each `,"KEY":JSON` (`,"label":"positive"`); a value
    /// with several parts appends one member per part.
    func appendJSONMembers(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError)
}
