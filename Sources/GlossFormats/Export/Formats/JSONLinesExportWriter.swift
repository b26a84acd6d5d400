import GlossCore

/// The `jsonl` export: `data.jsonl`, one object per item, keys always in this order:
///
/// `id`, `text`, then `label` (classify), `labels` (multilabel) or `spans` (each `start`, `end`,
/// `label`, `text`: offsets count Unicode scalars, as Python's `str` indexes, and `text` is
/// exactly that slice), `meta` (the item's metadata object as imported, or `null`),
/// `annotators`, `agreement` (`null` when nobody labeled the item), `source` (`adjudicated`,
/// `consensus` or `prediction`), `confidence` (predictions only) and `split` (split exports only).
///
/// One record is one line: the text's line breaks are escaped, so `wc -l` counts items.
struct JSONLinesExportWriter: ExportWriter {
    static let fileName = "data.jsonl"
    let context: ExportContext
    var line: [UInt8] = []

    init(context: ExportContext) {
        self.context = context
        line.reserveCapacity(4096)
    }

    var files: [String] { [Self.fileName] }

    mutating func begin(_ sink: inout some ExportSink) throws {
        try sink.append([], to: Self.fileName)
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        line.removeAll(keepingCapacity: true)
        try Self.appendObject(record, to: &line)
        line.append(0x0A)
        try line.withUnsafeBytes { try sink.append($0, to: Self.fileName) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {}

    /// Appends the record's JSON object (no line break).
    static func appendObject(_ record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        out.appendASCII("{\"id\":")
        out.appendJSONString(record.id)
        out.appendASCII(",\"text\":")
        out.appendJSONString(record.text)
        try appendValue(record, to: &out)
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

    /// Appends `,"label":…`, `,"labels":[…]` or `,"spans":[…]`.
    static func appendValue(_ record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        switch record.value {
        case .label(let name):
            out.appendASCII(",\"label\":")
            out.appendJSONString(name)
        case .labels(let names):
            out.appendASCII(",\"labels\":")
            out.appendJSONStrings(names)
        case .spans(let spans):
            out.appendASCII(",\"spans\":")
            try appendSpans(spans, of: record, to: &out)
        }
    }

    /// Appends `[{"start":…,"end":…,"label":…,"text":…},…]`, each text the exact scalar slice.
    static func appendSpans(_ spans: [LabeledRange], of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        out.append(UInt8(ascii: "["))
        if !spans.isEmpty {
            let offsets = ScalarOffsets(record.text)
            for (index, span) in try record.checkedSpans(offsets, spans).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "{"))
                out.appendSpanMembers(span)
                out.appendASCII(",\"text\":")
                out.appendJSONString(offsets.text(span.start, span.end))
                out.append(UInt8(ascii: "}"))
            }
        }
        out.append(UInt8(ascii: "]"))
    }
}
