import GlossCore

/// The `hf` export: a directory that `datasets.load_dataset(DIR)` reads with the right
/// features: `train.jsonl`, `validation.jsonl`, `test.jsonl` (the splits written; `train.jsonl`
/// alone when not split), `label_names.json` and a dataset card `README.md` whose YAML front
/// matter declares the data files per split and the features.
///
/// Each line: `id`, `text`, then the kind's members (`HuggingFaceMapping`): `label` (the class
/// index in guide order), `labels` (class indexes, multilabel) or `tokens` and `ner_tags`
/// (spans: IOB2 tag indexes into `O`, `B-X`, `I-X`, … in guide order). `label_names.json` lists
/// the names the integers index: the labels, or the tags for spans; the card declares the
/// kind's features.
/// Every split's file is written, but the card declares only the splits that got an item.
/// Labels the current guide no longer lists get the next indexes, in order of appearance.
struct HuggingFaceExportWriter: ExportWriter {
    static let labelNamesFile = "label_names.json"
    static let cardFile = "README.md"
    static let scope = "projects whose values have Hugging Face features"
    let context: ExportContext
    let mapping: any HuggingFaceMapping
    let splitFiles: SplitFiles
    var classes: ClassIndex
    var line: [UInt8] = []
    /// Records written per data file, so the card declares only splits with data.
    var written: [String: Int] = [:]

    init(context: ExportContext) {
        self.context = context
        mapping = context.mapping
        splitFiles = SplitFiles(context: context, fileExtension: "jsonl", unsplitName: "train")
        classes = ClassIndex(context.labels)
        line.reserveCapacity(4096)
    }

    static func singleFile(splits: [ExportSplit]) -> Bool { false }

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
        try mapping.appendHuggingFaceMembers(of: record, classes: &classes, to: &line)
        line.appendASCII("}\n")
        try line.withUnsafeBytes { try sink.append($0, to: file) }
    }

    /// The names the exported integers index (the kind's: labels, or `O`, `B-X`, `I-X`, …).
    var classNames: [String] { mapping.huggingFaceClassNames(classes.names) }

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
        yaml += mapping.huggingFaceFeatures(classLabel: classLabelYAML())
        yaml += "---\n\n"
        var body = "# \(context.project)\n\n"
        body += "Exported by Gloss \(GlossVersion.current) from project `\(context.project)` "
        body += "(\(context.task.rawValue), guide version \(context.guideVersion)).\n\n"
        body += "Each line of \(splits.map { "`\($0.rawValue).jsonl`" }.joined(separator: ", ")) "
        body += "holds an item's `id` and `text`; \(mapping.huggingFaceDescription) "
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

/// What the `hf` format needs of a task kind: the members its value adds to a row, the names
/// its class indexes stand for, and its features and one sentence for the dataset card.
public protocol HuggingFaceMapping: Sendable {
    /// Appends the value's members, each `,"KEY":JSON`, class labels as their indexes in
    /// `classes` (which gives a label the guide no longer lists the next index).
    func appendHuggingFaceMembers(of record: ExportRecord, classes: inout ClassIndex, to out: inout [UInt8])
        throws(ExportWriterError)
    /// The names the row's integers index (`label_names.json`, every `class_label`), given
    /// the classes in index order; by default the classes themselves.
    func huggingFaceClassNames(_ classes: [String]) -> [String]
    /// The card's feature entries of the value (YAML list items under `features:`, after `id`
    /// and `text`); `classLabel` is the body of a `class_label:` key indented by six spaces.
    func huggingFaceFeatures(classLabel: String) -> String
    /// One sentence of the card: what the value's members hold.
    var huggingFaceDescription: String { get }
}

extension HuggingFaceMapping {
    /// Class indexes stand for the labels (a kind whose integers index something else, such
    /// as spans' IOB2 tags, says so).
    public func huggingFaceClassNames(_ classes: [String]) -> [String] { classes }
}
