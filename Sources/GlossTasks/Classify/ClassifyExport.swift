import GlossCore
import GlossFormats

/// How exports write a classify value: the label's name (`jsonl` and `csv` column `label`),
/// its class index in guide order (`hf` `label`, a `class_label` feature), `__label__NAME`
/// (fastText), spaCy's `cats` with the label at 1, and one `choices` result (Label Studio's
/// `<Choices name="label" toName="text">`). A value counts under its label.
struct ClassifyExport: ExportMapping, FastTextMapping, SpacyMapping {
    func forEachCountedLabel(in value: AnnotationValue, _ body: (String) -> Void) {
        if case .label(let name) = value { body(name) }
    }

    func appendJSONMembers(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        let name = try label(record.value, of: record)
        out.appendASCII(",\"label\":")
        out.appendJSONString(name)
    }

    var csvColumns: [String] { ["label"] }

    func appendCSVFields(of record: ExportRecord, to row: inout CSVRow) throws(ExportWriterError) {
        row.append(try label(record.value, of: record))
    }

    func fastTextLabels(of record: ExportRecord, classes: inout ClassIndex) throws(ExportWriterError) -> [String] {
        [try label(record.value, of: record)]
    }

    func appendSpacyMembers(of record: ExportRecord, labels: [String], to out: inout [UInt8])
        throws(ExportWriterError) {
        SpacyCats.append(chosen: [try label(record.value, of: record)], labels: labels, to: &out)
    }

    func appendHuggingFaceMembers(of record: ExportRecord, classes: inout ClassIndex, to out: inout [UInt8])
        throws(ExportWriterError) {
        let name = try label(record.value, of: record)
        out.appendASCII(",\"label\":")
        out.appendInt(classes(name))
    }

    func huggingFaceFeatures(classLabel: String) -> String {
        "  - name: label\n    dtype:\n      class_label:\n" + classLabel
    }

    var huggingFaceDescription: String { "`label` is a class index into the names below." }

    func appendLabelStudioResults(_ value: AnnotationValue, of record: ExportRecord, idPrefix: String,
                                  to out: inout [UInt8]) throws(ExportWriterError) {
        LabelStudioRegion.appendChoices([try label(value, of: record)], id: idPrefix + "_1", to: &out)
    }

    /// The value's label, or the error for a value of another shape.
    private func label(_ value: AnnotationValue, of record: ExportRecord) throws(ExportWriterError) -> String {
        guard case .label(let name) = value else { throw .unexpectedValue(value, item: record.id, task: .classify) }
        return name
    }
}
