import GlossCore

/// Why a writer cannot write an export or a record, as a sentence for the user.
public struct ExportWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension ExportFormat {
    /// The writer of each format: the one place a format is registered.
    var writerType: any ExportWriter.Type {
        switch self {
        case .jsonl: JSONLinesExportWriter.self
        case .csv: CSVExportWriter.self
        case .fasttext: FastTextExportWriter.self
        case .hf: HuggingFaceExportWriter.self
        case .spacy: SpacyExportWriter.self
        case .conll: CoNLLExportWriter.self
        case .labelStudio: LabelStudioExportWriter.self
        case .dpo: DPOExportWriter.self
        case .kto: KTOExportWriter.self
        }
    }

    /// Whether the format can write a project whose task kind has `mapping` (`conll` needs
    /// tokens and tags, which only spans have; see `ExportWriter.accepts`).
    public func supports(_ mapping: any ExportMapping) -> Bool {
        writerType.accepts(mapping)
    }

    /// Whether the export is one file (so `--out -` can send it to stdout): always for `jsonl`,
    /// `csv` and `label-studio`; for `fasttext`, `spacy` and `conll` when not split; never for
    /// `hf` (its data comes with `label_names.json` and a dataset card).
    public func singleFile(splits: [ExportSplit]) -> Bool {
        writerType.singleFile(splits: splits)
    }

    /// The writer of this format for an export, or an error naming the format and the task
    /// when the format cannot hold that task (`conll` for a classify or multilabel project).
    public func makeWriter(context: ExportContext) throws(ExportWriterError) -> any ExportWriter {
        guard supports(context.mapping) else { throw Self.unsupported(self, context) }
        return writerType.init(context: context)
    }

    static func unsupported(_ format: ExportFormat, _ context: ExportContext) -> ExportWriterError {
        let others = ExportFormat.allCases.filter { $0.supports(context.mapping) }.map(\.rawValue)
        return ExportWriterError(
            "The \(format.rawValue) format writes \(format.writerType.scope), and "
                + "project \"\(context.project)\" is a \(context.task.rawValue) project; use one of "
                + others.joined(separator: ", ") + ".")
    }
}

extension ExportContext {
    /// `facet`, the kind's facet for `format` (nil when the kind has none), or the error that
    /// refuses the project: for the writers of formats only some kinds support.
    func require<Facet>(_ facet: Facet?, for format: ExportFormat) throws(ExportWriterError) -> Facet {
        guard let facet else { throw ExportFormat.unsupported(format, self) }
        return facet
    }
}

/// The data file each record goes to: one per split (`train.EXT`, `validation.EXT`,
/// `test.EXT`) in a split export, else one file (`data.EXT`, or `train.jsonl` for hf).
struct SplitFiles {
    let unsplit: String?
    let bySplit: [String]  // indexed by ExportSplit.allCases position; "" for splits not written
    let names: [String]

    init(context: ExportContext, fileExtension: String, unsplitName: String) {
        if context.splits.isEmpty {
            unsplit = unsplitName + "." + fileExtension
            bySplit = []
            names = [unsplit!]
        } else {
            unsplit = nil
            bySplit = ExportSplit.allCases.map { context.splits.contains($0) ? $0.rawValue + "." + fileExtension : "" }
            names = context.splits.map { $0.rawValue + "." + fileExtension }
        }
    }

    /// The file for a record: its split's, or the one file when the export is not split.
    func file(for record: ExportRecord) throws(ExportWriterError) -> String {
        if let unsplit { return unsplit }
        guard let split = record.split else {
            throw ExportWriterError("Item \"\(record.id)\" has no split, but this export is split (\(splitList)).")
        }
        let name = bySplit[ExportSplit.allCases.firstIndex(of: split)!]
        guard !name.isEmpty else {
            throw ExportWriterError(
                "Item \"\(record.id)\" is in the \(split.rawValue) split, which this export does not write (\(splitList)).")
        }
        return name
    }

    private var splitList: String { names.joined(separator: ", ") }
}

/// Label names as class indexes: the guide's labels in guide order, then any label the guide
/// no longer lists (an older guide's), appended in order of first appearance, so every value
/// gets an index and the same records always give the same indexes.
public struct ClassIndex: Sendable {
    public private(set) var names: [String]
    private var index: [String: Int]

    public init(_ labels: [String]) {
        names = []
        index = [:]
        for label in labels where index[label] == nil {
            index[label] = names.count
            names.append(label)
        }
    }

    /// The label's index, given to it now when it has none yet.
    public mutating func callAsFunction(_ label: String) -> Int {
        if let known = index[label] { return known }
        index[label] = names.count
        names.append(label)
        return names.count - 1
    }
}
