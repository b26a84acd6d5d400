import GlossCore
import GlossFormats

/// How exports write a spans value (sorted by start, end and label, as consensus leaves it):
/// `jsonl` `spans` and `csv` `spans` (that array as JSON): each `start`, `end`, `label`, `text`,
/// offsets counting Unicode scalars as Python's `str` indexes and `text` exactly that slice;
/// the distinct span labels in guide order (fastText); one `labels` result per span (Label
/// Studio's `<Labels name="label" toName="text">`); and tokens with their tags or spans in the
/// token formats (SpansExport+Tokens.swift). A value counts under each span's label, once
/// per span.
///
/// Label Studio's offsets are Unicode code points, as Gloss stores them: its `Text` tag counts
/// code points too, not JavaScript's UTF-16 units (its editor's e2e test `ner/emoji.cy.ts`
/// expects `start` 21 for "test" after a leading 🐱), so no conversion is needed.
struct SpansExport: ExportMapping, FastTextMapping, SpacyMapping, CoNLLMapping {
    func forEachCountedLabel(in value: AnnotationValue, _ body: (String) -> Void) {
        if case .spans(let spans) = value { for span in spans { body(span.label) } }
    }

    func appendJSONMembers(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        let spans = try spans(record.value, of: record)
        out.appendASCII(",\"spans\":")
        try Self.appendSpans(spans, of: record, to: &out)
    }

    var csvColumns: [String] { ["spans"] }

    func appendCSVFields(of record: ExportRecord, to row: inout CSVRow) throws(ExportWriterError) {
        let spans = try spans(record.value, of: record)
        try row.append { (json: inout [UInt8]) throws(ExportWriterError) in
            try Self.appendSpans(spans, of: record, to: &json)
        }
    }

    /// The distinct labels of the spans in class order (guide order, then first appearance).
    func fastTextLabels(of record: ExportRecord, classes: inout ClassIndex) throws(ExportWriterError) -> [String] {
        var indexes: [Int] = []
        for span in try spans(record.value, of: record) {
            let index = classes(span.label)
            if !indexes.contains(index) { indexes.append(index) }
        }
        return indexes.sorted().map { classes.names[$0] }
    }

    func appendLabelStudioResults(_ value: AnnotationValue, of record: ExportRecord, idPrefix: String,
                                  to out: inout [UInt8]) throws(ExportWriterError) {
        let spans = try spans(value, of: record)
        let offsets = ScalarOffsets(record.text)
        for (index, span) in try record.checkedSpans(offsets, spans).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            LabelStudioRegion.appendStart(id: idPrefix + "_\(index + 1)", type: "labels", to: &out)
            out.appendASCII("{\"start\":")
            out.appendInt(span.start)
            out.appendASCII(",\"end\":")
            out.appendInt(span.end)
            out.appendASCII(",\"text\":")
            out.appendJSONString(offsets.text(span.start, span.end))
            out.appendASCII(",\"labels\":")
            out.appendJSONStrings([span.label])
            out.appendASCII("}}")
        }
    }

    /// The value's spans, or the error for a value of another shape.
    func spans(_ value: AnnotationValue, of record: ExportRecord) throws(ExportWriterError) -> [LabeledRange] {
        guard case .spans(let spans) = value else { throw .unexpectedValue(value, item: record.id, task: .spans) }
        return spans
    }

    /// Appends `[{"start":…,"end":…,"label":…,"text":…},…]`, each text the exact scalar slice.
    static func appendSpans(_ spans: [LabeledRange], of record: ExportRecord, to out: inout [UInt8])
        throws(ExportWriterError) {
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
