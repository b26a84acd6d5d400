import Foundation
import GlossCore

/// Reads the lines of a Prodigy JSONL export (`prodigy db-out`).
///
/// - Item: `text`; the id is `meta.id`, else `id`, else derived from the text; the `meta`
///   members become the item's metadata.
/// - `answer`: `accept` is a decision, `ignore` a skip, `reject` is left out and counted
///   (a rejected binary label says only what the text is not); a line without an answer
///   is an unannotated task.
/// - The accepted value: `accept` (choice view: the chosen option ids) as labels; else
///   `label` (binary classification: that label); else `spans` (`start`, `end`, `label`,
///   code point offsets, checked against `text` when a span has it).
/// - The annotator: `_annotator_id`, else `_session_id`, else --annotator, else "prodigy";
///   `_timestamp` (Unix seconds) is the decision time.
struct ProdigyDecoder: ForeignLineDecoder {
    let fields: ImportFields
    private var normalizer = TextNormalizer()

    init(fields: ImportFields) { self.fields = fields }

    mutating func decode(_ object: [String: Any], line: Int) throws(InvalidRecord) -> ImportRecord? {
        let meta = object["meta"] as? [String: Any] ?? [:]
        let id = ForeignJSON.identifier(meta["id"]) ?? ForeignJSON.identifier(object[fields.id])
        var record = try ForeignJSON.record(line: line, id: id, text: object[fields.text], textField: fields.text,
                                            metadata: meta.filter { $0.key != "id" }, foreign: nil, normalizer: &normalizer)
        do throws(AnnotationLineError) {
            record.foreign = try answer(object, text: record.text)
        } catch {
            throw InvalidRecord(line: line, message: error.message)
        }
        return record
    }

    private func answer(_ object: [String: Any], text: String) throws(AnnotationLineError) -> ForeignTask {
        guard let raw = object["answer"], !(raw is NSNull) else { return ForeignTask() }
        guard let answer = raw as? String else { throw AnnotationLineError("\"answer\" must be accept, reject or ignore") }
        let annotator = (object["_annotator_id"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            ?? (object["_session_id"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            ?? fields.annotator ?? "prodigy"
        let decidedAt = ForeignJSON.date(object["_timestamp"])
        switch answer {
        case "reject":
            return ForeignTask(rejected: 1)
        case "ignore":
            return ForeignTask(annotations: [ForeignAnnotation(annotator: annotator, kind: .skip, value: nil, decidedAt: decidedAt)])
        case "accept":
            let value = try acceptedValue(object, text: text)
            return ForeignTask(annotations: [ForeignAnnotation(annotator: annotator, kind: .label, value: value, decidedAt: decidedAt)])
        default:
            throw AnnotationLineError("\"answer\" is \"\(answer)\"; Prodigy answers are accept, reject and ignore")
        }
    }

    private func acceptedValue(_ object: [String: Any], text: String) throws(AnnotationLineError) -> ForeignValue {
        if let raw = object["accept"], !(raw is NSNull) {
            guard let ids = ForeignJSON.names(raw) else { throw AnnotationLineError("\"accept\" must be a list of option ids") }
            return .choices(ids)
        }
        let spans = object["spans"] as? [Any]
        if let label = object["label"] as? String, !label.isEmpty, spans?.isEmpty ?? true {
            return .accepted(label)
        }
        guard let spans else {
            throw AnnotationLineError("an accepted answer needs \"accept\" (choices), \"label\" (a binary label) or \"spans\"")
        }
        return .spans(try Self.spans(spans, text: text, labelKey: "label"))
    }

    /// Spans given as objects with `start`, `end` and a label, in code points.
    static func spans(_ list: [Any], text: String, labelKey: String, startKey: String = "start", endKey: String = "end") throws(AnnotationLineError) -> [LabeledRange] {
        var offsets = ForeignSpanOffsets(text: text)
        var ranges: [LabeledRange] = []
        for (n, element) in list.enumerated() {
            guard let span = element as? [String: Any], let start = ForeignJSON.integer(span[startKey]),
                  let end = ForeignJSON.integer(span[endKey]), let label = ForeignJSON.identifier(span[labelKey]) else {
                throw AnnotationLineError("span \(n + 1) needs integer \"\(startKey)\" and \"\(endKey)\" and a \"\(labelKey)\"")
            }
            ranges.append(try offsets.convert(start: start, end: end, label: label, expected: span["text"] as? String, utf16Fallback: false))
        }
        return ranges
    }
}
