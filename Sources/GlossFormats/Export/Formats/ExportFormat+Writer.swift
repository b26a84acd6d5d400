import GlossCore

/// Why a writer cannot write an export or a record, as a sentence for the user.
public struct ExportWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension ExportFormat {
    /// Whether the format can write a project of `task`: `conll` writes spans only (its lines
    /// are tokens and tags); every other format writes every task.
    public func supports(_ task: TaskType) -> Bool {
        self == .conll ? task == .spans : true
    }

    /// Whether the export is one file (so `--out -` can send it to stdout): always for `jsonl`,
    /// `csv` and `label-studio`; for `fasttext`, `spacy` and `conll` when not split; never for
    /// `hf` (its data comes with `label_names.json` and a dataset card).
    public func singleFile(splits: [ExportSplit]) -> Bool {
        switch self {
        case .jsonl, .csv, .labelStudio: true
        case .fasttext, .spacy, .conll: splits.isEmpty
        case .hf: false
        }
    }

    /// The writer of this format for an export, or an error naming the format and the task
    /// when the format cannot hold that task (`conll` for a classify or multilabel project).
    public func makeWriter(context: ExportContext) throws(ExportWriterError) -> any ExportWriter {
        guard supports(context.task) else { throw Self.unsupported(self, context) }
        switch self {
        case .jsonl: return JSONLinesExportWriter(context: context)
        case .csv: return CSVExportWriter(context: context)
        case .fasttext: return FastTextExportWriter(context: context)
        case .hf: return HuggingFaceExportWriter(context: context)
        case .spacy: return SpacyExportWriter(context: context)
        case .conll: return CoNLLExportWriter(context: context)
        case .labelStudio: return LabelStudioExportWriter(context: context)
        }
    }

    static func unsupported(_ format: ExportFormat, _ context: ExportContext) -> ExportWriterError {
        let others = ExportFormat.allCases.filter { $0.supports(context.task) }.map(\.rawValue).joined(separator: ", ")
        return ExportWriterError(
            "The \(format.rawValue) format writes span projects only (one token and its tag per line), and "
                + "project \"\(context.project)\" is a \(context.task.rawValue) project; use one of \(others).")
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

extension ExportRecord {
    /// The record's spans with their scalar offsets checked against the text, or an error
    /// naming the item and the span.
    func checkedSpans(_ offsets: ScalarOffsets, _ spans: [LabeledRange]) throws(ExportWriterError) -> [LabeledRange] {
        for span in spans where !offsets.contains(span.start, span.end) {
            throw ExportWriterError(
                "Item \"\(id)\" has a span \(span.start)..<\(span.end) labeled \"\(span.label)\" outside its text "
                    + "of \(offsets.count) characters; the export stopped rather than write a wrong slice.")
        }
        return spans
    }
}

/// Label names as class indexes: the guide's labels in guide order, then any label the guide
/// no longer lists (an older guide's), appended in order of first appearance, so every value
/// gets an index and the same records always give the same indexes.
struct ClassIndex {
    private(set) var names: [String]
    private var index: [String: Int]

    init(_ labels: [String]) {
        names = []
        index = [:]
        for label in labels where index[label] == nil {
            index[label] = names.count
            names.append(label)
        }
    }

    mutating func callAsFunction(_ label: String) -> Int {
        if let known = index[label] { return known }
        index[label] = names.count
        names.append(label)
        return names.count - 1
    }
}
