import GlossCore

/// The `kto` export: unpaired preference rows as TRL's `KTOTrainer` reads them,
/// `train.jsonl`, `validation.jsonl`, `test.jsonl` (the splits written), or `train.jsonl`
/// when not split; one line per judged response: `{"id", "prompt", "completion", "label"}`,
/// `label` true for a desirable response and false for an undesirable one. Strings for a
/// string prompt; for a chat, `prompt` is the list of `{"role", "content"}` messages and
/// `completion` a list of one assistant message (TRL's conversational format). Which
/// responses are desirable comes from the kind (`KTOMapping`): with `--kto-threshold N`
/// from the ratings of each response (true at or above N on every criterion rated), else
/// from pairwise judgments (the winner true, the loser false; ties and neither give none).
/// The rows of an item share its `id`.
struct KTOExportWriter: ExportWriter {
    static let scope = "preference judgments and ratings of responses (pairwise projects)"
    let context: ExportContext
    let mapping: (any KTOMapping)?
    let splitFiles: SplitFiles
    var line: [UInt8] = []

    init(context: ExportContext) {
        self.context = context
        mapping = context.mapping as? any KTOMapping
        splitFiles = SplitFiles(context: context, fileExtension: "jsonl", unsplitName: "train")
        line.reserveCapacity(8192)
    }

    static func accepts(_ mapping: any ExportMapping) -> Bool { mapping is any KTOMapping }

    static func singleFile(splits: [ExportSplit]) -> Bool { splits.isEmpty }

    var files: [String] { splitFiles.names }

    mutating func begin(_ sink: inout some ExportSink) throws {
        _ = try context.require(mapping, for: .kto)
        for file in files { try sink.append([], to: file) }
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        let verdicts = try context.require(mapping, for: .kto).desirability(of: record, threshold: context.ktoThreshold)
        guard !verdicts.isEmpty else { return }
        let parts = try record.requiredParts(for: "kto row")
        let file = try splitFiles.file(for: record)
        line.removeAll(keepingCapacity: true)
        for verdict in verdicts {
            guard let response = parts.response(of: verdict.model) else {
                throw ExportWriterError("Item \"\(record.id)\" was judged on a response of \"\(verdict.model)\", which the item "
                                            + "does not have (its models: \(parts.responses.map(\.model).joined(separator: ", "))).")
            }
            line.appendASCII("{\"id\":")
            line.appendJSONString(record.id)
            line.appendASCII(",\"prompt\":")
            switch parts.prompt {
            case .text(let text):
                line.appendJSONString(text)
                line.appendASCII(",\"completion\":")
                line.appendJSONString(response.text)
            case .chat(let turns):
                ItemParts.appendMessages(turns, to: &line)
                line.appendASCII(",\"completion\":")
                ItemParts.appendMessages([ChatTurn(role: "assistant", content: response.text)], to: &line)
            }
            line.appendASCII(verdict.desirable ? ",\"label\":true}\n" : ",\"label\":false}\n")
        }
        try line.withUnsafeBytes { try sink.append($0, to: file) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {}
}

/// What the `kto` format needs of a task kind that supports it: which responses of the
/// record are desirable and which are not, in the order to write them; with a threshold,
/// from ratings (nil: from pairwise judgments).
public protocol KTOMapping: Sendable {
    func desirability(of record: ExportRecord, threshold: Int?) throws(ExportWriterError) -> [(model: String, desirable: Bool)]
}
