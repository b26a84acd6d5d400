import GlossCore

/// The `fasttext` export: `train.txt`, `validation.txt`, `test.txt` (the splits written), or
/// `data.txt` when not split; one line per item: `__label__NAME` for each label, then the text,
/// as `fasttext supervised` reads it.
///
/// fastText separates words and labels at ASCII white space (space, tab, LF, VT, FF, CR, NUL)
/// and items at LF, so in label names those bytes become `_` (`New York` → `__label__New_York`)
/// and in the text a space (line breaks and tabs folded). The labels of a line are the kind's
/// (`FastTextMapping`: classify the label, multilabel its labels in guide order, spans the
/// distinct labels of its spans in guide order). An item with no label at all (a multilabel
/// "none", a spans item with no span) is left out: a line without `__label__` is no training
/// example for fastText.
struct FastTextExportWriter: ExportWriter {
    static let scope = "labeled text only (the labels, then the text, on one line)"
    let context: ExportContext
    let mapping: (any FastTextMapping)?
    let splitFiles: SplitFiles
    var labelOrder: ClassIndex
    var line: [UInt8] = []

    init(context: ExportContext) {
        self.context = context
        mapping = context.mapping as? any FastTextMapping
        splitFiles = SplitFiles(context: context, fileExtension: "txt", unsplitName: "data")
        labelOrder = ClassIndex(context.labels)
        line.reserveCapacity(4096)
    }

    static func accepts(_ mapping: any ExportMapping) -> Bool { mapping is any FastTextMapping }

    static func singleFile(splits: [ExportSplit]) -> Bool { splits.isEmpty }

    var files: [String] { splitFiles.names }

    mutating func begin(_ sink: inout some ExportSink) throws {
        _ = try context.require(mapping, for: .fasttext)
        for file in files { try sink.append([], to: file) }
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        let labels = try context.require(mapping, for: .fasttext).fastTextLabels(of: record, classes: &labelOrder)
        guard !labels.isEmpty else { return }
        let file = try splitFiles.file(for: record)
        line.removeAll(keepingCapacity: true)
        for label in labels {
            line.appendASCII("__label__")
            Self.appendFolded(label, replacement: UInt8(ascii: "_"), to: &line)
            line.append(0x20)
        }
        Self.appendFolded(record.text, replacement: 0x20, to: &line)
        line.append(0x0A)
        try line.withUnsafeBytes { try sink.append($0, to: file) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {}

    /// Appends `text` with fastText's separator bytes replaced.
    static func appendFolded(_ text: String, replacement: UInt8, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case 0x00, 0x09...0x0D, 0x20: out.append(replacement)
                default: out.append(byte)
                }
            }
        }
    }
}

/// What the `fasttext` format needs of a task kind that supports it: the labels of an item's
/// line.
public protocol FastTextMapping: Sendable {
    /// The labels of the item's line in order (none: the item is left out); `classes` orders
    /// labels as the guide does, then labels it no longer lists in order of appearance.
    func fastTextLabels(of record: ExportRecord, classes: inout ClassIndex) throws(ExportWriterError) -> [String]
}
