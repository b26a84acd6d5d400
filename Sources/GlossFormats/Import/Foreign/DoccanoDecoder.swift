import Foundation
import GlossCore

/// Reads the lines of a doccano JSONL export.
///
/// - Item: `text`; the id is `id` (else derived from the text); members other than the
///   text, the id and the labels become the item's metadata.
/// - `label` (older exports: `labels`): a list of names (text classification) or of
///   `[start, end, label]` (sequence labeling; doccano's server is Python and counts code
///   points); newer exports' `entities` (`start_offset`, `end_offset`, `label`) too. An
///   empty list is an item nobody labeled.
/// - The annotator: --annotator, else "doccano" (doccano's JSONL names no annotator).
struct DoccanoDecoder: ForeignLineDecoder {
    let fields: ImportFields
    private var normalizer = TextNormalizer()

    init(fields: ImportFields) { self.fields = fields }

    static let labelKeys = ["label", "labels", "entities"]

    mutating func decode(_ object: [String: Any], line: Int) throws(InvalidRecord) -> ImportRecord? {
        let metadata = object.filter { $0.key != fields.text && $0.key != fields.id && !Self.labelKeys.contains($0.key) }
        var record = try ForeignJSON.record(line: line, id: ForeignJSON.identifier(object[fields.id]), text: object[fields.text],
                                            textField: fields.text, metadata: metadata, foreign: nil, normalizer: &normalizer)
        do throws(AnnotationLineError) {
            if let value = try value(object, text: record.text) {
                record.foreign = ForeignTask(annotations: [ForeignAnnotation(annotator: fields.annotator ?? "doccano", kind: .label, value: value)])
            } else {
                record.foreign = ForeignTask()
            }
        } catch {
            throw InvalidRecord(line: line, message: error.message)
        }
        return record
    }

    private func value(_ object: [String: Any], text: String) throws(AnnotationLineError) -> ForeignValue? {
        let present = Self.labelKeys.filter { object[$0] != nil && !(object[$0] is NSNull) }
        guard present.count <= 1 else {
            throw AnnotationLineError("give only one of \(present.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        guard let key = present.first else { return nil }
        guard let list = object[key] as? [Any] else { throw AnnotationLineError("\"\(key)\" must be a list") }
        if list.isEmpty { return nil }
        if key == "entities" {
            return .spans(try ProdigyDecoder.spans(list, text: text, labelKey: "label", startKey: "start_offset", endKey: "end_offset"))
        }
        if let names = ForeignJSON.names(list) { return .choices(names) }
        var offsets = ForeignSpanOffsets(text: text)
        var spans: [LabeledRange] = []
        for (n, element) in list.enumerated() {
            guard let triple = element as? [Any], triple.count == 3, let start = ForeignJSON.integer(triple[0]),
                  let end = ForeignJSON.integer(triple[1]), let label = ForeignJSON.identifier(triple[2]) else {
                throw AnnotationLineError("\"\(key)\" item \(n + 1) must be a label name or [start, end, label]")
            }
            spans.append(try offsets.convert(start: start, end: end, label: label, expected: nil, utf16Fallback: false))
        }
        return .spans(spans)
    }
}
