import GlossCore

/// The `csv` export: `data.csv`, RFC 4180 (CRLF between records, a field in double quotes when
/// it holds a comma, a quote or a line break, inner quotes doubled, line breaks inside quotes
/// kept as they are). Columns: `id`, `text`, then `label` (classify), `labels` (multilabel:
/// the names joined with `|`) or `spans` (the `jsonl` spans array as JSON), then `split` in
/// split exports only.
struct CSVExportWriter: ExportWriter {
    static let fileName = "data.csv"
    let context: ExportContext
    var line: [UInt8] = []
    var json: [UInt8] = []

    init(context: ExportContext) {
        self.context = context
        line.reserveCapacity(4096)
    }

    var files: [String] { [Self.fileName] }

    /// The name of the value column for the project's task.
    var valueColumn: String {
        switch context.task {
        case .classify: "label"
        case .multilabel: "labels"
        case .spans: "spans"
        }
    }

    mutating func begin(_ sink: inout some ExportSink) throws {
        var header = "id,text," + valueColumn
        if !context.splits.isEmpty { header += ",split" }
        header += "\r\n"
        try sink.append(Array(header.utf8), to: Self.fileName)
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        line.removeAll(keepingCapacity: true)
        line.appendCSVField(record.id)
        line.append(UInt8(ascii: ","))
        line.appendCSVField(record.text)
        line.append(UInt8(ascii: ","))
        switch record.value {
        case .label(let name):
            line.appendCSVField(name)
        case .labels(let names):
            line.appendCSVField(names.joined(separator: "|"))
        case .spans(let spans):
            json.removeAll(keepingCapacity: true)
            try JSONLinesExportWriter.appendSpans(spans, of: record, to: &json)
            line.appendCSVField(String(decoding: json, as: UTF8.self))
        }
        if !context.splits.isEmpty {
            line.append(UInt8(ascii: ","))
            line.appendUTF8(record.split?.rawValue ?? "")
        }
        line.appendASCII("\r\n")
        try line.withUnsafeBytes { try sink.append($0, to: Self.fileName) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {}
}
