import GlossCore

/// The `fasttext` export: `train.txt`, `validation.txt`, `test.txt` (the splits written), or
/// `data.txt` when not split; one line per item: `__label__NAME` for each label, then the text,
/// as `fasttext supervised` reads it.
///
/// fastText separates words and labels at ASCII white space (space, tab, LF, VT, FF, CR, NUL)
/// and items at LF, so in label names those bytes become `_` (`New York` → `__label__New_York`)
/// and in the text a space (line breaks and tabs folded). Classify writes the label, multilabel
/// its labels in guide order, spans the distinct labels of its spans in guide order. An item
/// with no label at all (a multilabel "none", a spans item with no span) is left out: a line
/// without `__label__` is no training example for fastText.
struct FastTextExportWriter: ExportWriter {
    let context: ExportContext
    let splitFiles: SplitFiles
    var labelOrder: ClassIndex
    var line: [UInt8] = []

    init(context: ExportContext) {
        self.context = context
        splitFiles = SplitFiles(context: context, fileExtension: "txt", unsplitName: "data")
        labelOrder = ClassIndex(context.labels)
        line.reserveCapacity(4096)
    }

    var files: [String] { splitFiles.names }

    mutating func begin(_ sink: inout some ExportSink) throws {
        for file in files { try sink.append([], to: file) }
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        let labels = labelNames(record.value)
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

    /// The labels a line carries: as decided, or the distinct span labels in guide order.
    mutating func labelNames(_ value: AnnotationValue) -> [String] {
        switch value {
        case .label(let name): return [name]
        case .labels(let names): return names
        case .spans(let spans):
            var indexes: [Int] = []
            for span in spans {
                let index = labelOrder(span.label)
                if !indexes.contains(index) { indexes.append(index) }
            }
            return indexes.sorted().map { labelOrder.names[$0] }
        }
    }

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
