import GlossCore
import GlossFormats

/// How exports write a multilabel value (its labels in guide order, as consensus leaves them):
/// `jsonl` `labels` (names), `csv` `labels` (names joined with `|`), `hf` `labels` (class
/// indexes, a sequence of `class_label`), one `__label__` per label (fastText), spaCy's `cats`,
/// and one `choices` result unless the set is empty (Label Studio's `<Choices name="label"
/// toName="text" choice="multiple">`). A value counts under each of its labels.
struct MultilabelExport: ExportMapping, FastTextMapping, SpacyMapping {
    func forEachCountedLabel(in value: AnnotationValue, _ body: (String) -> Void) {
        if case .labels(let names) = value { for name in names { body(name) } }
    }

    func appendJSONMembers(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        let names = try labels(record.value, of: record)
        out.appendASCII(",\"labels\":")
        out.appendJSONStrings(names)
    }

    var csvColumns: [String] { ["labels"] }

    func appendCSVFields(of record: ExportRecord, to row: inout CSVRow) throws(ExportWriterError) {
        row.append(try labels(record.value, of: record).joined(separator: "|"))
    }

    func fastTextLabels(of record: ExportRecord, classes: inout ClassIndex) throws(ExportWriterError) -> [String] {
        try labels(record.value, of: record)
    }

    func appendSpacyMembers(of record: ExportRecord, labels guideLabels: [String], to out: inout [UInt8])
        throws(ExportWriterError) {
        SpacyCats.append(chosen: try labels(record.value, of: record), labels: guideLabels, to: &out)
    }

    func appendHuggingFaceMembers(of record: ExportRecord, classes: inout ClassIndex, to out: inout [UInt8])
        throws(ExportWriterError) {
        let names = try labels(record.value, of: record)
        out.appendASCII(",\"labels\":")
        out.appendJSONInts(names.map { classes($0) })
    }

    func huggingFaceFeatures(classLabel: String) -> String {
        "  - name: labels\n    sequence:\n      class_label:\n" + classLabel
    }

    var huggingFaceDescription: String { "`labels` is a list of class indexes into the names below." }

    func appendLabelStudioResults(_ value: AnnotationValue, of record: ExportRecord, idPrefix: String,
                                  to out: inout [UInt8]) throws(ExportWriterError) {
        let names = try labels(value, of: record)
        if !names.isEmpty { LabelStudioRegion.appendChoices(names, id: idPrefix + "_1", to: &out) }
    }

    /// The value's labels, or the error for a value of another shape.
    private func labels(_ value: AnnotationValue, of record: ExportRecord) throws(ExportWriterError) -> [String] {
        guard case .labels(let names) = value else {
            throw .unexpectedValue(value, item: record.id, task: .multilabel)
        }
        return names
    }
}
