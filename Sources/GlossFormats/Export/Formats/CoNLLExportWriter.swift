import GlossCore

/// The `conll` export (span projects only): `train.conll`, `validation.conll`, `test.conll` (the
/// splits written), or `data.conll` when not split. Each file starts with the two-column
/// document marker `-DOCSTART- O` and a blank line; then each item is one `TOKEN TAG` line per
/// token (IOB2 tags: `B-X`, `I-X`, `O`) followed by a blank line.
///
/// Tokens and tags come from the kind (`CoNLLMapping`; spans cut tokens at span edges and
/// reduce overlapping spans to the earlier-starting, then longer). Tokens never contain white
/// space; in labels, white space becomes `_` so that a line always has two columns. An item
/// with no token (empty or blank text) is left out: it would be an empty sentence.
struct CoNLLExportWriter: ExportWriter {
    static let scope = "span projects only (one token and its tag per line)"
    let context: ExportContext
    let mapping: (any CoNLLMapping)?
    let splitFiles: SplitFiles
    var line: [UInt8] = []

    init(context: ExportContext) {
        self.context = context
        mapping = context.mapping as? any CoNLLMapping
        splitFiles = SplitFiles(context: context, fileExtension: "conll", unsplitName: "data")
        line.reserveCapacity(4096)
    }

    static func accepts(_ mapping: any ExportMapping) -> Bool { mapping is any CoNLLMapping }

    static func singleFile(splits: [ExportSplit]) -> Bool { splits.isEmpty }

    var files: [String] { splitFiles.names }

    mutating func begin(_ sink: inout some ExportSink) throws {
        _ = try context.require(mapping, for: .conll)
        for file in files { try sink.append(Array("-DOCSTART- O\n\n".utf8), to: file) }
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        let tokens = try context.require(mapping, for: .conll).conllTokens(of: record)
        guard !tokens.isEmpty else { return }
        let file = try splitFiles.file(for: record)
        line.removeAll(keepingCapacity: true)
        for (token, tag) in tokens {
            line.appendUTF8(token)
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

/// What the `conll` format needs of a task kind that supports it: an item's tokens, each
/// with its IOB2 tag.
public protocol CoNLLMapping: Sendable {
    /// The item's tokens (without white space) and their tags, in text order; none leaves the
    /// item out.
    func conllTokens(of record: ExportRecord) throws(ExportWriterError) -> [(token: String, tag: SpanTag)]
}
