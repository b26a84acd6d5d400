import GlossCore
import GlossFormats

/// How exports write a typed text (`text` is the item's text in every format, so the typed
/// one is `answer`): in `jsonl`, `answer`, and for a correction `corrects` and `diff` as
/// stored, with `ratings` when the guide asked them too; the CSV columns `answer`,
/// `corrects` and `diff` (the edits as a JSON string); in `hf` `answer`, `corrects` (null for
/// a free text) and `diff` (a JSON string, null for a free text). `dpo` writes each
/// correction as a preference: `chosen` is the corrected text and `rejected` the original
/// response, under the item's prompt (string or chat, as pairwise rows); a correction that
/// changed nothing gives no row, and a free text or a correction of an item without
/// responses stops the export with a sentence. `label-studio` and `kto` do not take text
/// projects. The manifest counts values as `text`, `edited` or `unchanged`.
struct TextExport: ExportMapping, DPOMapping {
    func forEachCountedLabel(in value: AnnotationValue, _ body: (String) -> Void) {
        guard case .answers(let answers) = value, let text = answers.text else { return }
        body(text.correction.map { $0.diff.isEmpty ? "unchanged" : "edited" } ?? "text")
    }

    func appendJSONMembers(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        let answers = try self.answers(record)
        Self.appendAnswer(answers.text, to: &out)
        if let ratings = answers.ratings {
            out.appendASCII(",\"ratings\":")
            out += Array(AnnotationValue.answers(QuestionAnswers(ratings: ratings)).json().utf8.dropFirst(11).dropLast())
        }
    }

    var csvColumns: [String] { ["answer", "corrects", "diff"] }

    func appendCSVFields(of record: ExportRecord, to row: inout CSVRow) throws(ExportWriterError) {
        let text = try self.text(record)
        row.append(text.text)
        row.append(text.correction?.model ?? "")
        row.append(text.correction.map { Self.diffJSON($0.diff) } ?? "")
    }

    func appendHuggingFaceMembers(of record: ExportRecord, classes: inout ClassIndex, to out: inout [UInt8])
        throws(ExportWriterError) {
        let text = try self.text(record)
        out.appendASCII(",\"answer\":")
        out.appendJSONString(text.text)
        out.appendASCII(",\"corrects\":")
        if let model = text.correction?.model { out.appendJSONString(model) } else { out.appendASCII("null") }
        out.appendASCII(",\"diff\":")
        if let correction = text.correction { out.appendJSONString(Self.diffJSON(correction.diff)) } else { out.appendASCII("null") }
    }

    func huggingFaceFeatures(classLabel: String) -> String {
        "  - name: answer\n    dtype: string\n  - name: corrects\n    dtype: string\n  - name: diff\n    dtype: string\n"
    }

    var huggingFaceDescription: String {
        "`answer` is the text typed (a correction: the corrected text); `corrects` the model whose response was "
            + "corrected (null for a free text); `diff` the edits from the original as a JSON string."
    }

    var writesLabelStudio: Bool { false }

    func appendLabelStudioResults(_ value: AnnotationValue, of record: ExportRecord, idPrefix: String,
                                  to out: inout [UInt8]) throws(ExportWriterError) {
        throw ExportWriterError("The label-studio export does not write typed texts (item \"\(record.id)\").")
    }

    /// Not used: a correction's row is its texts (`preferredTexts`).
    func preference(of record: ExportRecord) throws(ExportWriterError) -> (chosen: String, rejected: String)? { nil }

    func preferredTexts(of record: ExportRecord, parts: ItemParts?) throws(ExportWriterError) -> [(chosen: String, rejected: String)] {
        let text = try self.text(record)
        guard let correction = text.correction else {
            throw ExportWriterError("Item \"\(record.id)\" has a free text, not a correction: the dpo format writes "
                                        + "corrections (chosen: the corrected text, rejected: the original response). "
                                        + "Export this project as jsonl.")
        }
        guard let model = correction.model else { throw .noParts(record) }
        guard let parts else { throw .noParts(record) }
        guard let original = parts.response(of: model) else {
            throw ExportWriterError("Item \"\(record.id)\" was corrected from a response of \"\(model)\", which the item "
                                        + "does not have (its models: \(parts.responses.map(\.model).joined(separator: ", "))).")
        }
        guard !correction.diff.isEmpty, original.text != text.text else { return [] }
        return [(text.text, original.text)]
    }

    /// `,"answer":"…"` and a correction's `,"corrects":…,"diff":[…]`: the stored members, the
    /// text renamed (`text` is the item's in every export). Nothing without a text (a note
    /// skipped), so pairwise and rating exports add a guide's note with it.
    static func appendAnswer(_ text: TypedText?, to out: inout [UInt8]) {
        guard let text else { return }
        let stored = AnnotationValue.answers(QuestionAnswers(text: text)).json()
        out.appendASCII(",\"answer\"")
        out += Array(stored.utf8.dropFirst(7).dropLast())
    }

    static func diffJSON(_ diff: [TextEdit]) -> String {
        let members = AnnotationValue.answers(QuestionAnswers(text: TypedText("", correction: .init(model: nil, diff: diff)))).json()
        // {"text":"","diff":[…]} → […]
        return String(members.dropFirst(18).dropLast())
    }

    private func answers(_ record: ExportRecord) throws(ExportWriterError) -> QuestionAnswers {
        guard case .answers(let answers) = record.value, answers.text != nil else {
            throw .unexpectedValue(record.value, item: record.id, task: .text)
        }
        return answers
    }

    private func text(_ record: ExportRecord) throws(ExportWriterError) -> TypedText {
        try answers(record).text!
    }
}
