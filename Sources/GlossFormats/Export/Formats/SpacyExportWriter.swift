import GlossCore

/// The `spacy` export: `train.jsonl`, `validation.jsonl`, `test.jsonl` (the splits written), or
/// `data.jsonl` when not split, one item per line, which the documented script turns into
/// `.spacy` DocBin files.
///
/// Classify and multilabel: `id`, `text`, `cats` (every guide label → 1 or 0, in guide order,
/// then any label the guide no longer lists that the item has, → 1). Spans: `id`, `text`,
/// `tokens` (`text`, `start`, `end`, `ws`) and `spans` (`start`, `end`, `label`). The tokens
/// cover the whole text (see ``SpanTagging/coveringTokens(_:spans:)``), so
/// `Doc(nlp.vocab, words=[t["text"]…], spaces=[t["ws"]…])` rebuilds the text exactly and every
/// span aligns with `doc.char_span(start, end, label, alignment_mode="strict")`. Offsets count
/// Unicode scalars, as Python's `str` and spaCy's character offsets do. All spans are kept,
/// overlapping ones too (a `SpanGroup` holds them); the script keeps the earlier-starting,
/// then longer, for `doc.ents`.
struct SpacyExportWriter: ExportWriter {
    let context: ExportContext
    let splitFiles: SplitFiles
    var line: [UInt8] = []

    init(context: ExportContext) {
        self.context = context
        splitFiles = SplitFiles(context: context, fileExtension: "jsonl", unsplitName: "data")
        line.reserveCapacity(4096)
    }

    var files: [String] { splitFiles.names }

    mutating func begin(_ sink: inout some ExportSink) throws {
        for file in files { try sink.append([], to: file) }
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        let file = try splitFiles.file(for: record)
        line.removeAll(keepingCapacity: true)
        line.appendASCII("{\"id\":")
        line.appendJSONString(record.id)
        line.appendASCII(",\"text\":")
        line.appendJSONString(record.text)
        switch record.value {
        case .label(let name): appendCats([name])
        case .labels(let names): appendCats(names)
        case .spans(let spans): try appendSpans(spans, of: record)
        }
        line.appendASCII("}\n")
        try line.withUnsafeBytes { try sink.append($0, to: file) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {}

    mutating func appendCats(_ chosen: [String]) {
        line.appendASCII(",\"cats\":{")
        var first = true
        for label in context.labels + chosen.filter({ !context.labels.contains($0) }) {
            if !first { line.append(UInt8(ascii: ",")) }
            first = false
            line.appendJSONString(label)
            line.append(UInt8(ascii: ":"))
            line.append(chosen.contains(label) ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        }
        line.append(UInt8(ascii: "}"))
    }

    mutating func appendSpans(_ spans: [LabeledRange], of record: ExportRecord) throws(ExportWriterError) {
        let valid = try record.checkedSpans(ScalarOffsets(record.text), spans).filter { $0.start < $0.end }
        line.appendASCII(",\"tokens\":[")
        for (index, covering) in SpanTagging.coveringTokens(record.text, spans: valid).enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.appendASCII("{\"text\":")
            line.appendJSONString(covering.token.text)
            line.appendASCII(",\"start\":")
            line.appendInt(covering.token.start)
            line.appendASCII(",\"end\":")
            line.appendInt(covering.token.end)
            line.appendASCII(covering.spaceAfter ? ",\"ws\":true}" : ",\"ws\":false}")
        }
        line.appendASCII("],\"spans\":[")
        for (index, span) in valid.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.append(UInt8(ascii: "{"))
            line.appendSpanMembers(span)
            line.append(UInt8(ascii: "}"))
        }
        line.append(UInt8(ascii: "]"))
    }
}
