import GlossCore

/// The `dpo` export: preference rows as TRL's `DPOTrainer` (and reward trainers) read them,
/// `train.jsonl`, `validation.jsonl`, `test.jsonl` (the splits written), or `train.jsonl`
/// when not split; one line per item with a preference: `{"id", "prompt", "chosen",
/// "rejected"}`. For an item whose prompt is a string they are strings; for a chat, `prompt`
/// is the list of `{"role", "content"}` messages and `chosen` and `rejected` are lists of one
/// assistant message (TRL's conversational format). The preferred and the other response
/// come from the kind (`DPOMapping`); an item whose value prefers neither (a tie, neither)
/// is left out, and one whose value orders several pairs (a ranking) gives a row per pair,
/// each with the item's id.
struct DPOExportWriter: ExportWriter {
    static let scope = "preference judgments and corrections only (pairwise, ranking and text projects)"
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
        let rows = try context.require(mapping, for: .dpo).preferredTexts(of: record, parts: parts)
        guard !rows.isEmpty, let parts else { return }
        let file = try splitFiles.file(for: record)
        for row in rows { try write(record, parts: parts, row, to: file, &sink) }
    }

    /// One row: the prompt, the chosen text and the rejected one.
    mutating func write(_ record: ExportRecord, parts: ItemParts, _ texts: (chosen: String, rejected: String),
                        to file: String, _ sink: inout some ExportSink) throws {
        line.removeAll(keepingCapacity: true)
        line.appendASCII("{\"id\":")
        line.appendJSONString(record.id)
        line.appendASCII(",\"prompt\":")
        switch parts.prompt {
        case .text(let text):
            line.appendJSONString(text)
            line.appendASCII(",\"chosen\":")
            line.appendJSONString(texts.chosen)
            line.appendASCII(",\"rejected\":")
            line.appendJSONString(texts.rejected)
        case .chat(let turns):
            ItemParts.appendMessages(turns, to: &line)
            line.appendASCII(",\"chosen\":")
            ItemParts.appendMessages([ChatTurn(role: "assistant", content: texts.chosen)], to: &line)
            line.appendASCII(",\"rejected\":")
            ItemParts.appendMessages([ChatTurn(role: "assistant", content: texts.rejected)], to: &line)
        }
        line.appendASCII("}\n")
        try line.withUnsafeBytes { try sink.append($0, to: file) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {}
}

extension ExportWriterError {
    /// An item without a prompt and responses has no `row` (a preference row, a Label Studio task…).
    public static func noParts(_ record: ExportRecord, row: String = "preference row") -> ExportWriterError {
        ExportWriterError("Item \"\(record.id)\" has no prompt and responses (it was not imported with "
                              + "\"prompt\" or \"messages\" and \"responses\"), so it has no \(row).")
    }
}

extension ExportRecord {
    /// The item's prompt and responses, which a `row` of a judging format needs.
    public func requiredParts(for row: String) throws(ExportWriterError) -> ItemParts {
        guard let parts = partsJSON.flatMap(ItemParts.init(json:)) else { throw .noParts(self, row: row) }
        return parts
    }
}

/// What the `dpo` format needs of a task kind that supports it: which model's response the
/// record's value prefers, and which it rejects; nil when it prefers none (a tie).
public protocol DPOMapping: Sendable {
    func preference(of record: ExportRecord) throws(ExportWriterError) -> (chosen: String, rejected: String)?
    /// Every preference the value holds, one row each (a ranking's ordered pairs); by
    /// default the one `preference`.
    func preferences(of record: ExportRecord) throws(ExportWriterError) -> [(chosen: String, rejected: String)]
    /// The chosen and the rejected text of each row, on the item's parts (nil: the item has
    /// none). By default the responses of the models `preferences` names; a correction gives
    /// its text over the original response.
    func preferredTexts(of record: ExportRecord, parts: ItemParts?) throws(ExportWriterError) -> [(chosen: String, rejected: String)]
}

extension DPOMapping {
    public func preferences(of record: ExportRecord) throws(ExportWriterError) -> [(chosen: String, rejected: String)] {
        try preference(of: record).map { [$0] } ?? []
    }

    public func preferredTexts(of record: ExportRecord, parts: ItemParts?) throws(ExportWriterError) -> [(chosen: String, rejected: String)] {
        let preferences = try preferences(of: record)
        guard !preferences.isEmpty else { return [] }
        guard let parts else { throw .noParts(record) }
        var rows: [(chosen: String, rejected: String)] = []
        for preference in preferences {
            guard let chosen = parts.response(of: preference.chosen), let rejected = parts.response(of: preference.rejected) else {
                let missing = parts.response(of: preference.chosen) == nil ? preference.chosen : preference.rejected
                throw ExportWriterError("Item \"\(record.id)\" was judged on a response of \"\(missing)\", which the item "
                                            + "does not have (its models: \(parts.responses.map(\.model).joined(separator: ", "))).")
            }
            rows.append((chosen.text, rejected.text))
        }
        return rows
    }
}
