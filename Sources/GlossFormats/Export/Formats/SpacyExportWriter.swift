import GlossCore

/// The `spacy` export: `train.jsonl`, `validation.jsonl`, `test.jsonl` (the splits written), or
/// `data.jsonl` when not split, one item per line, which the documented script turns into
/// `.spacy` DocBin files.
///
/// Each line: `id`, `text`, then the kind's members (`SpacyMapping`). Classify and multilabel:
/// `cats` (every guide label → 1 or 0, in guide order, then any label the guide no longer lists
/// that the item has, → 1; see `SpacyCats`). Spans: `tokens` (`text`, `start`, `end`, `ws`)
/// and `spans` (`start`, `end`, `label`); the tokens cover the whole text, so
/// `Doc(nlp.vocab, words=[t["text"]…], spaces=[t["ws"]…])` rebuilds the text exactly and every
/// span aligns with `doc.char_span(start, end, label, alignment_mode="strict")`. Offsets count
/// Unicode scalars, as Python's `str` and spaCy's character offsets do. All spans are kept,
/// overlapping ones too (a `SpanGroup` holds them); the script keeps the earlier-starting,
/// then longer, for `doc.ents`.
struct SpacyExportWriter: ExportWriter {
    static let scope = "text categories and spans only (spaCy's cats, tokens and spans)"
    let context: ExportContext
    let mapping: (any SpacyMapping)?
    let splitFiles: SplitFiles
    var line: [UInt8] = []

    init(context: ExportContext) {
        self.context = context
        mapping = context.mapping as? any SpacyMapping
        splitFiles = SplitFiles(context: context, fileExtension: "jsonl", unsplitName: "data")
        line.reserveCapacity(4096)
    }

    static func accepts(_ mapping: any ExportMapping) -> Bool { mapping is any SpacyMapping }

    static func singleFile(splits: [ExportSplit]) -> Bool { splits.isEmpty }

    var files: [String] { splitFiles.names }

    mutating func begin(_ sink: inout some ExportSink) throws {
        _ = try context.require(mapping, for: .spacy)
        for file in files { try sink.append([], to: file) }
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        let mapping = try context.require(mapping, for: .spacy)
        let file = try splitFiles.file(for: record)
        line.removeAll(keepingCapacity: true)
        line.appendASCII("{\"id\":")
        line.appendJSONString(record.id)
        line.appendASCII(",\"text\":")
        line.appendJSONString(record.text)
        try mapping.appendSpacyMembers(of: record, labels: context.labels, to: &line)
        line.appendASCII("}\n")
        try line.withUnsafeBytes { try sink.append($0, to: file) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {}
}

/// What the `spacy` format needs of a task kind that supports it: the members its value adds
/// to an item's line after `id` and `text`.
public protocol SpacyMapping: Sendable {
    /// Appends the value's members, each `,"KEY":JSON`; `labels` are the guide's, in order.
    func appendSpacyMembers(of record: ExportRecord, labels: [String], to out: inout [UInt8])
        throws(ExportWriterError)
}

/// spaCy's text categories: `,"cats":{…}` with every guide label → 1 or 0 in guide order,
/// then each chosen label the guide no longer lists → 1, for kinds that label whole texts.
public enum SpacyCats {
    public static func append(chosen: [String], labels: [String], to out: inout [UInt8]) {
        out.appendASCII(",\"cats\":{")
        var first = true
        for label in labels + chosen.filter({ !labels.contains($0) }) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.appendJSONString(label)
            out.append(UInt8(ascii: ":"))
            out.append(chosen.contains(label) ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        }
        out.append(UInt8(ascii: "}"))
    }
}
