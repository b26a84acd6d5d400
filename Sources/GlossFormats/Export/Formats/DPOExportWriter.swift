import GlossCore

/// The `dpo` export: preference rows as TRL's `DPOTrainer` (and reward trainers) read them,
/// `train.jsonl`, `validation.jsonl`, `test.jsonl` (the splits written), or `train.jsonl`
/// when not split; one line per item with a preference: `{"id", "prompt", "chosen",
/// "rejected"}`. For an item whose prompt is a string they are strings; for a chat, `prompt`
/// is the list of `{"role", "content"}` messages and `chosen` and `rejected` are lists of one
/// assistant message (TRL's conversational format). The preferred and the other response
/// come from the kind (`DPOMapping`); an item whose value prefers neither (a tie, neither)
/// is left out.
struct DPOExportWriter: ExportWriter {
    static let scope = "preference judgments and corrections only (pairwise and text projects)"
    let context: ExportContext
    let mapping: (any DPOMapping)?
    let splitFiles: SplitFiles
    var line: [UInt8] = []

    init(context: ExportContext) {
        self.context = context
        mapping = context.mapping as? any DPOMapping
        splitFiles = SplitFiles(context: context, fileExtension: "jsonl", unsplitName: "train")
        line.reserveCapacity(8192)
    }

    static func accepts(_ mapping: any ExportMapping) -> Bool { mapping is any DPOMapping }

    static func singleFile(splits: [ExportSplit]) -> Bool { splits.isEmpty }

    var files: [String] { splitFiles.names }

    mutating func begin(_ sink: inout some ExportSink) throws {
        _ = try context.require(mapping, for: .dpo)
        for file in files { try sink.append([], to: file) }
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        let parts = record.partsJSON.flatMap(ItemParts.init(json:))
        guard let (chosen, rejected) = try context.require(mapping, for: .dpo).preferredTexts(of: record, parts: parts),
              let parts else { return }
        let file = try splitFiles.file(for: record)
        line.removeAll(keepingCapacity: true)
        line.appendASCII("{\"id\":")
        line.appendJSONString(record.id)
        line.appendASCII(",\"prompt\":")
        switch parts.prompt {
        case .text(let text):
            line.appendJSONString(text)
            line.appendASCII(",\"chosen\":")
            line.appendJSONString(chosen)
            line.appendASCII(",\"rejected\":")
            line.appendJSONString(rejected)
        case .chat(let turns):
            ItemParts.appendMessages(turns, to: &line)
            line.appendASCII(",\"chosen\":")
            ItemParts.appendMessages([ChatTurn(role: "assistant", content: chosen)], to: &line)
            line.appendASCII(",\"rejected\":")
            ItemParts.appendMessages([ChatTurn(role: "assistant", content: rejected)], to: &line)
        }
        line.appendASCII("}\n")
        try line.withUnsafeBytes { try sink.append($0, to: file) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {}
}

extension ExportWriterError {
    /// An item without a prompt and responses has no preference row.
    public static func noParts(_ record: ExportRecord) -> ExportWriterError {
        ExportWriterError("Item \"\(record.id)\" has no prompt and responses (it was not imported with "
                              + "\"prompt\" or \"messages\" and \"responses\"), so it has no preference row.")
    }
}

/// What the `dpo` format needs of a task kind that supports it: which model's response the
/// record's value prefers, and which it rejects; nil when it prefers none (a tie).
public protocol DPOMapping: Sendable {
    func preference(of record: ExportRecord) throws(ExportWriterError) -> (chosen: String, rejected: String)?
    /// The chosen and the rejected text of the record's row, on the item's parts (nil: the
    /// item has none); nil when the record gives no row. By default the responses of the
    /// models `preference` names; a correction gives its text over the original response.
    func preferredTexts(of record: ExportRecord, parts: ItemParts?) throws(ExportWriterError) -> (chosen: String, rejected: String)?
}

extension DPOMapping {
    public func preferredTexts(of record: ExportRecord, parts: ItemParts?) throws(ExportWriterError) -> (chosen: String, rejected: String)? {
        guard let preference = try preference(of: record) else { return nil }
        guard let parts else { throw .noParts(record) }
        guard let chosen = parts.response(of: preference.chosen), let rejected = parts.response(of: preference.rejected) else {
            let missing = parts.response(of: preference.chosen) == nil ? preference.chosen : preference.rejected
            throw ExportWriterError("Item \"\(record.id)\" was judged on a response of \"\(missing)\", which the item "
                                        + "does not have (its models: \(parts.responses.map(\.model).joined(separator: ", "))).")
        }
        return (chosen.text, rejected.text)
    }
}
