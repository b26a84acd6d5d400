import GlossCore

/// The `conll` export (span projects only): `train.conll`, `validation.conll`, `test.conll` (the
/// splits written), or `data.conll` when not split. Each file starts with the two-column
/// document marker `-DOCSTART- O` and a blank line; then each item is one `TOKEN TAG` line per
/// token (IOB2 tags: `B-X`, `I-X`, `O`) followed by a blank line.
///
/// Tokens and tags come from ``SpanTagging`` (tokens cut at span edges, overlapping spans
/// reduced to the earlier-starting, then longer). Tokens never contain white space; in labels,
/// white space becomes `_` so that a line always has two columns. An item with no token (empty
/// or blank text) is left out: it would be an empty sentence.
struct CoNLLExportWriter: ExportWriter {
    let context: ExportContext
    let splitFiles: SplitFiles
    var line: [UInt8] = []

    init(context: ExportContext) {
        self.context = context
        splitFiles = SplitFiles(context: context, fileExtension: "conll", unsplitName: "data")
        line.reserveCapacity(4096)
    }

    var files: [String] { splitFiles.names }

    mutating func begin(_ sink: inout some ExportSink) throws {
        guard context.task == .spans else { throw ExportFormat.unsupported(.conll, context) }
        for file in files { try sink.append(Array("-DOCSTART- O\n\n".utf8), to: file) }
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        guard case .spans(let spans) = record.value else {
            throw ExportWriterError("Item \"\(record.id)\" has no spans, and the conll format writes spans only.")
        }
        _ = try record.checkedSpans(ScalarOffsets(record.text), spans)
        let kept = SpanTagging.nonOverlapping(spans)
        let tokens = SpanTagging.tokens(record.text, cutAt: kept)
        guard !tokens.isEmpty else { return }
        let tags = SpanTagging.tags(tokens: tokens, spans: kept)
        let file = try splitFiles.file(for: record)
        line.removeAll(keepingCapacity: true)
        for (token, tag) in zip(tokens, tags) {
            line.appendUTF8(token.text)
            line.append(0x20)
            switch tag {
            case .outside: line.append(UInt8(ascii: "O"))
            case .begin(let label): line.appendASCII("B-"); Self.appendLabel(label, to: &line)
            case .inside(let label): line.appendASCII("I-"); Self.appendLabel(label, to: &line)
            }
            line.append(0x0A)
        }
        line.append(0x0A)
        try line.withUnsafeBytes { try sink.append($0, to: file) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {}

    /// Appends a label with white space replaced by `_`.
    static func appendLabel(_ label: String, to out: inout [UInt8]) {
        for scalar in label.unicodeScalars {
            if scalar.properties.isWhitespace {
                out.append(UInt8(ascii: "_"))
            } else {
                UTF8.encode(scalar) { out.append($0) }
            }
        }
    }
}
