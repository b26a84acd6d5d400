import GlossCore

/// The `hf` export: a directory that `datasets.load_dataset(DIR)` reads with the right
/// features: `train.jsonl`, `validation.jsonl`, `test.jsonl` (the splits written; `train.jsonl`
/// alone when not split), `label_names.json` and a dataset card `README.md` whose YAML front
/// matter declares the data files per split and the features.
///
/// Each line: `id`, `text`, then `label` (the class index in guide order), `labels` (class
/// indexes, multilabel) or `tokens` and `ner_tags` (spans: IOB2 tag indexes into `O`, `B-X`,
/// `I-X`, … in guide order; see ``SpanTagging`` for tokens and overlapping spans).
/// `label_names.json` lists the names the integers index: the labels, or the tags for spans.
/// Every split's file is written, but the card declares only the splits that got an item.
/// Labels the current guide no longer lists get the next indexes, in order of appearance.
struct HuggingFaceExportWriter: ExportWriter {
    static let labelNamesFile = "label_names.json"
    static let cardFile = "README.md"
    let context: ExportContext
    let splitFiles: SplitFiles
    var classes: ClassIndex
    var line: [UInt8] = []
    /// Records written per data file, so the card declares only splits with data.
    var written: [String: Int] = [:]

    init(context: ExportContext) {
        self.context = context
        splitFiles = SplitFiles(context: context, fileExtension: "jsonl", unsplitName: "train")
        classes = ClassIndex(context.labels)
        line.reserveCapacity(4096)
    }

    var files: [String] { splitFiles.names + [Self.labelNamesFile, Self.cardFile] }

    /// The splits the card declares, in order: those with at least one item (`datasets`
    /// refuses a declared split with no data), or the first when the export is empty.
    var splits: [ExportSplit] {
        let all = context.splits.isEmpty ? [ExportSplit.train] : context.splits
        let filled = all.filter { written[$0.rawValue + ".jsonl", default: 0] > 0 }
        return filled.isEmpty ? Array(all.prefix(1)) : filled
    }

    mutating func begin(_ sink: inout some ExportSink) throws {
        for file in splitFiles.names { try sink.append([], to: file) }
    }

    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        let file = try splitFiles.file(for: record)
        written[file, default: 0] += 1
        line.removeAll(keepingCapacity: true)
        line.appendASCII("{\"id\":")
        line.appendJSONString(record.id)
        line.appendASCII(",\"text\":")
        line.appendJSONString(record.text)
        switch record.value {
        case .label(let name):
            line.appendASCII(",\"label\":")
            line.appendInt(classes(name))
        case .labels(let names):
            line.appendASCII(",\"labels\":")
            line.appendJSONInts(names.map { classes($0) })
        case .spans(let spans):
            _ = try record.checkedSpans(ScalarOffsets(record.text), spans)
            let kept = SpanTagging.nonOverlapping(spans)
            let tokens = SpanTagging.tokens(record.text, cutAt: kept)
            let tags = SpanTagging.tags(tokens: tokens, spans: kept)
            line.appendASCII(",\"tokens\":")
            line.appendJSONStrings(tokens.map(\.text))
            line.appendASCII(",\"ner_tags\":")
            line.appendJSONInts(tags.map { tagIndex($0) })
        }
        line.appendASCII("}\n")
        try line.withUnsafeBytes { try sink.append($0, to: file) }
    }

    /// `O` is 0; label `i` (in class order) has `B` at `2i+1` and `I` at `2i+2`.
    mutating func tagIndex(_ tag: SpanTag) -> Int {
        switch tag {
        case .outside: 0
        case .begin(let label): 2 * classes(label) + 1
        case .inside(let label): 2 * classes(label) + 2
        }
    }

    /// The names the exported integers index: labels, or `O`, `B-X`, `I-X`, … for spans.
    var classNames: [String] {
        guard context.task == .spans else { return classes.names }
        return ["O"] + classes.names.flatMap { ["B-" + $0, "I-" + $0] }
    }

    mutating func end(_ sink: inout some ExportSink) throws {
        var names: [UInt8] = []
        names.appendJSONStrings(classNames)
        names.append(0x0A)
        try sink.append(names, to: Self.labelNamesFile)
        try sink.append(Array(card().utf8), to: Self.cardFile)
    }

    /// The dataset card: YAML front matter (`configs` with the data files per split,
    /// `dataset_info.features`) and a short description. Names are written as YAML
    /// double-quoted scalars, which accept JSON string escapes.
    func card() -> String {
        var yaml = "---\nconfigs:\n- config_name: default\n  data_files:\n"
        for split in splits {
            yaml += "  - split: \(split.rawValue)\n    path: \(split.rawValue).jsonl\n"
        }
        yaml += "dataset_info:\n  features:\n  - name: id\n    dtype: string\n  - name: text\n    dtype: string\n"
        let classLabel = classLabelYAML()
        switch context.task {
        case .classify:
            yaml += "  - name: label\n    dtype:\n      class_label:\n" + classLabel
        case .multilabel:
            yaml += "  - name: labels\n    sequence:\n      class_label:\n" + classLabel
        case .spans:
            yaml += "  - name: tokens\n    sequence: string\n"
            yaml += "  - name: ner_tags\n    sequence:\n      class_label:\n" + classLabel
        }
        yaml += "---\n\n"
        let values = switch context.task {
        case .classify: "`label` is a class index into the names below."
        case .multilabel: "`labels` is a list of class indexes into the names below."
        case .spans: "`tokens` and `ner_tags` give each token and its IOB2 tag, an index into the names below."
        }
        var body = "# \(context.project)\n\n"
        body += "Exported by Gloss \(GlossVersion.current) from project `\(context.project)` "
        body += "(\(context.task.rawValue), guide version \(context.guideVersion)).\n\n"
        body += "Each line of \(splits.map { "`\($0.rawValue).jsonl`" }.joined(separator: ", ")) "
        body += "holds an item's `id` and `text`; \(values) "
        body += "`label_names.json` lists the same names.\n\n"
        body += "```python\nfrom datasets import load_dataset\ndataset = load_dataset(\"path/to/this/directory\")\n```\n\n"
        body += "Names: " + classNames.map { "`\($0)`" }.joined(separator: ", ") + "\n"
        return yaml + body
    }

    /// `class_label.names` as a YAML mapping from index to name, under a `class_label:` key
    /// indented by six spaces.
    func classLabelYAML() -> String {
        var yaml = "        names:\n"
        for (index, name) in classNames.enumerated() {
            yaml += "          '\(index)': " + JSONString.literal(name) + "\n"
        }
        return yaml
    }
}
