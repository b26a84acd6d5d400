import GlossCore
import GlossFormats

/// Spans in the token formats. Tokens come from `SpanTagging`: word tokens cut at every span
/// edge, so tags agree exactly with the spans. `conll` and `hf` cannot hold overlapping spans
/// (possible under the `any` policy): the earlier-starting one is kept, then the longer.
/// - `conll`: each token with its IOB2 tag.
/// - `hf`: `tokens` and `ner_tags`, tag indexes into `O`, `B-X`, `I-X`, … in class order.
/// - `spacy`: `tokens` (`text`, `start`, `end`, `ws`) covering the whole text, and every span
///   (`start`, `end`, `label`), overlapping ones too.
extension SpansExport {
    func conllTokens(of record: ExportRecord) throws(ExportWriterError) -> [(token: String, tag: SpanTag)] {
        guard case .spans(let spans) = record.value else {
            throw ExportWriterError("Item \"\(record.id)\" has no spans, and the conll format writes spans only.")
        }
        let (tokens, tags) = try tagged(spans, of: record)
        return zip(tokens, tags).map { ($0.text, $1) }
    }

    func appendHuggingFaceMembers(of record: ExportRecord, classes: inout ClassIndex, to out: inout [UInt8])
        throws(ExportWriterError) {
        let (tokens, tags) = try tagged(try spans(record.value, of: record), of: record)
        out.appendASCII(",\"tokens\":")
        out.appendJSONStrings(tokens.map(\.text))
        out.appendASCII(",\"ner_tags\":")
        out.appendJSONInts(tags.map { Self.tagIndex($0, &classes) })
    }

    /// The tags, in index order: `O`, then `B-` and `I-` of each class.
    func huggingFaceClassNames(_ classes: [String]) -> [String] {
        ["O"] + classes.flatMap { ["B-" + $0, "I-" + $0] }
    }

    func huggingFaceFeatures(classLabel: String) -> String {
        "  - name: tokens\n    sequence: string\n"
            + "  - name: ner_tags\n    sequence:\n      class_label:\n" + classLabel
    }

    var huggingFaceDescription: String {
        "`tokens` and `ner_tags` give each token and its IOB2 tag, an index into the names below."
    }

    func appendSpacyMembers(of record: ExportRecord, labels: [String], to out: inout [UInt8])
        throws(ExportWriterError) {
        let spans = try spans(record.value, of: record)
        let valid = try record.checkedSpans(ScalarOffsets(record.text), spans).filter { $0.start < $0.end }
        out.appendASCII(",\"tokens\":[")
        for (index, covering) in SpanTagging.coveringTokens(record.text, spans: valid).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.appendASCII("{\"text\":")
            out.appendJSONString(covering.token.text)
            out.appendASCII(",\"start\":")
            out.appendInt(covering.token.start)
            out.appendASCII(",\"end\":")
            out.appendInt(covering.token.end)
            out.appendASCII(covering.spaceAfter ? ",\"ws\":true}" : ",\"ws\":false}")
        }
        out.appendASCII("],\"spans\":[")
        for (index, span) in valid.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            out.appendSpanMembers(span)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
    }

    /// The item's tokens cut at the kept spans' edges and their IOB2 tags, the spans' offsets
    /// checked against the text first.
    private func tagged(_ spans: [LabeledRange], of record: ExportRecord) throws(ExportWriterError)
        -> (tokens: [TextToken], tags: [SpanTag]) {
        _ = try record.checkedSpans(ScalarOffsets(record.text), spans)
        let kept = SpanTagging.nonOverlapping(spans)
        let tokens = SpanTagging.tokens(record.text, cutAt: kept)
        return (tokens, SpanTagging.tags(tokens: tokens, spans: kept))
    }

    /// `O` is 0; label `i` (in class order) has `B` at `2i+1` and `I` at `2i+2`.
    private static func tagIndex(_ tag: SpanTag, _ classes: inout ClassIndex) -> Int {
        switch tag {
        case .outside: 0
        case .begin(let label): 2 * classes(label) + 1
        case .inside(let label): 2 * classes(label) + 2
        }
    }
}
