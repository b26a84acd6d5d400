import GlossCore

/// The `label-studio` export: `tasks.json`, one JSON array of Label Studio tasks, for a project
/// whose labeling config has `<Text name="text" value="$text"/>` and the kind's control (its
/// `LabelStudioMapping`: `<Choices name="label" toName="text">`, with `choice="multiple"` for
/// multilabel, or `<Labels name="label" toName="text">` for spans).
///
/// A task: `id` (the item's row id), `data` (`text`, the item's `id`, `split` when split, `meta`
/// when the item has metadata), `annotations` and, for a model's prediction, `predictions`.
/// - Each current label decision is an annotation: `result` (the kind's regions: one `choices`
///   result, or one `labels` result per span), `completed_by` as `{"email": ANNOTATOR}` (the form Label Studio
///   resolves to a member on import; names that are no member's email need the server's
///   `ALLOW_IMPORT_TASKS_WITH_UNKNOWN_EMAILS=true`), `lead_time` in seconds when measured, and
///   `created_at` in ISO 8601 UTC. A skip is an annotation with an empty result and
///   `was_cancelled: true`; flags have no Label Studio form and are left out, as are values
///   the task cannot show (`labelStudioShows`).
/// - An adjudicated item adds its final value as an annotation with `ground_truth: true`, no
///   `completed_by` (Label Studio gives it to the importing user) and the latest decision's time.
/// - A prediction (`--include-predictions`) is `predictions: [{result, score}]` with the model's
///   confidence as the score. Suggestions shown to annotators are not written: Label Studio's
///   predictions belong to the task, not to one annotator's decision.
struct LabelStudioExportWriter: ExportWriter {
    static func accepts(_ mapping: any ExportMapping) -> Bool { mapping.writesLabelStudio }

    static let fileName = "tasks.json"
    static let scope = "projects whose values have Label Studio results"
    let context: ExportContext
    let mapping: any LabelStudioMapping
    var line: [UInt8] = []
    var count = 0
    /// The item whose task is being gathered (see `write`).
    private var pending: ExportRecord?

    init(context: ExportContext) {
        self.context = context
        mapping = context.mapping
        line.reserveCapacity(4096)
    }

    static func singleFile(splits: [ExportSplit]) -> Bool { true }

    var files: [String] { [Self.fileName] }

    mutating func begin(_ sink: inout some ExportSink) throws {
        try sink.append([UInt8(ascii: "[")], to: Self.fileName)
    }

    /// Records of one item come one after another; under `--policy all` a judged item comes
    /// as a record per annotator, which Label Studio holds as one task with an annotation
    /// each: they are gathered here and written when the next item begins.
    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws {
        if var gathered = pending, gathered.rowID == record.rowID {
            gathered.decisions += record.decisions
            gathered.annotators = Array(Set(gathered.annotators + record.annotators)).sorted()
            pending = gathered
            return
        }
        try flush(&sink)
        pending = record
    }

    private mutating func flush(_ sink: inout some ExportSink) throws {
        guard let record = pending else { return }
        pending = nil
        line.removeAll(keepingCapacity: true)
        line.appendASCII(count == 0 ? "\n" : ",\n")
        count += 1
        try appendTask(record)
        try line.withUnsafeBytes { try sink.append($0, to: Self.fileName) }
    }

    mutating func end(_ sink: inout some ExportSink) throws {
        try flush(&sink)
        try sink.append(Array((count == 0 ? "]\n" : "\n]\n").utf8), to: Self.fileName)
    }

    mutating func appendTask(_ record: ExportRecord) throws(ExportWriterError) {
        line.appendASCII("{\"id\":")
        line.appendInt(Int(record.rowID))
        line.appendASCII(",\"data\":{\"text\":")
        line.appendJSONString(record.text)
        line.appendASCII(",\"id\":")
        line.appendJSONString(record.id)
        if let split = record.split {
            line.appendASCII(",\"split\":")
            line.appendJSONString(split.rawValue)
        }
        if let meta = record.metadataJSON {
            line.appendASCII(",\"meta\":")
            line.appendRawJSON(meta)
        }
        try mapping.appendLabelStudioData(of: record, to: &line)
        line.appendASCII("},\"annotations\":[")
        var annotation = 0
        for decision in record.decisions where decision.kind != .flag && decision.value.map({ mapping.labelStudioShows($0, of: record) }) != false {
            if annotation > 0 { line.append(UInt8(ascii: ",")) }
            annotation += 1
            line.appendASCII("{\"result\":")
            if decision.kind == .label, let value = decision.value {
                try appendResult(value, record, prefix: "\(record.rowID)_\(annotation)")
                line.appendASCII(",\"was_cancelled\":false")
            } else {
                line.appendASCII("[],\"was_cancelled\":true")
            }
            line.appendASCII(",\"completed_by\":{\"email\":")
            line.appendJSONString(decision.annotator)
            line.append(UInt8(ascii: "}"))
            if let milliseconds = decision.activeMilliseconds {
                line.appendASCII(",\"lead_time\":")
                Self.appendSeconds(milliseconds, to: &line)
            }
            line.appendASCII(",\"created_at\":")
            line.appendJSONString(Self.isoDate(decision.decidedAt))
            line.append(UInt8(ascii: "}"))
        }
        if record.source == .adjudicated {
            if annotation > 0 { line.append(UInt8(ascii: ",")) }
            line.appendASCII("{\"result\":")
            try appendResult(record.value, record, prefix: "\(record.rowID)_final")
            line.appendASCII(",\"was_cancelled\":false,\"ground_truth\":true")
            // The record has no adjudication time; the latest decision's keeps annotations
            // sortable by `created_at` (Label Studio's converter sorts them so).
            if let latest = record.decisions.map(\.decidedAt).max() {
                line.appendASCII(",\"created_at\":")
                line.appendJSONString(Self.isoDate(latest))
            }
            line.append(UInt8(ascii: "}"))
        }
        line.append(UInt8(ascii: "]"))
        if record.source == .prediction {
            line.appendASCII(",\"predictions\":[{\"result\":")
            try appendResult(record.value, record, prefix: "\(record.rowID)_prediction")
            if let confidence = record.confidence {
                line.appendASCII(",\"score\":")
                line.appendNumber(confidence)
            }
            line.appendASCII("}]")
        }
        line.append(UInt8(ascii: "}"))
    }

    /// Appends a `result` array for a value; result ids are `PREFIX_N`, unique in the task.
    mutating func appendResult(_ value: AnnotationValue, _ record: ExportRecord, prefix: String)
        throws(ExportWriterError) {
        line.append(UInt8(ascii: "["))
        try mapping.appendLabelStudioResults(value, of: record, idPrefix: prefix, to: &line)
        line.append(UInt8(ascii: "]"))
    }

    /// Milliseconds as seconds with three decimals: 8416 → `8.416`.
    static func appendSeconds(_ milliseconds: Int, to out: inout [UInt8]) {
        let value = max(0, milliseconds)
        out.appendInt(value / 1000)
        out.append(UInt8(ascii: "."))
        let rest = value % 1000
        if rest < 100 { out.append(UInt8(ascii: "0")) }
        if rest < 10 { out.append(UInt8(ascii: "0")) }
        out.appendInt(rest)
    }

    /// `2024-05-01 12:30:00.250` (as stored, UTC) → `2024-05-01T12:30:00.250Z`.
    static func isoDate(_ stored: String) -> String {
        var date = stored.replacingOccurrences(of: " ", with: "T")
        if !date.hasSuffix("Z") { date += "Z" }
        return date
    }
}

/// What the `label-studio` format needs of a task kind: the results (regions) of a value.
public protocol LabelStudioMapping: Sendable {
    /// Appends the value's results on the item, separated by commas, inside a `result` array
    /// the writer opens and closes; result ids are `idPrefix_1`, `idPrefix_2`, … (see
    /// `LabelStudioRegion`). A decision, an adjudication and a prediction each come here.
    func appendLabelStudioResults(_ value: AnnotationValue, of record: ExportRecord, idPrefix: String,
                                  to out: inout [UInt8]) throws(ExportWriterError)
    /// Whether the kind's values have Label Studio results yet; false refuses the format.
    var writesLabelStudio: Bool { get }
    /// Appends the kind's own members of the task's `data` after `text` and `id` (each
    /// starting with a comma): the prompt and the two responses of a pairwise task.
    func appendLabelStudioData(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError)
    /// Whether the task can show a decision's value (a judgment of another pair of the item's
    /// responses cannot: the task shows one pair); false leaves the decision out.
    func labelStudioShows(_ value: AnnotationValue, of record: ExportRecord) -> Bool
}

extension LabelStudioMapping {
    public var writesLabelStudio: Bool { true }
    public func labelStudioShows(_ value: AnnotationValue, of record: ExportRecord) -> Bool { true }
    public func appendLabelStudioData(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {}
}

/// The results of Label Studio tasks, as kinds write them: a region of the control named
/// `label` over the `text` object.
public enum LabelStudioRegion {
    /// Appends `{"id":…,"from_name":"label","to_name":"text","type":…,"value":` (the caller
    /// closes the value and the region).
    public static func appendStart(id: String, type: StaticString, to out: inout [UInt8]) {
        appendStart(id: id, from: "label", to: "text", type: type, to: &out)
    }

    /// Appends `{"id":…,"from_name":FROM,"to_name":TO,"type":…,"value":` for a control
    /// other than `label` (a `Pairwise` or a `Rating`).
    public static func appendStart(id: String, from: String, to: String, type: StaticString, to out: inout [UInt8]) {
        out.appendASCII("{\"id\":")
        out.appendJSONString(id)
        out.appendASCII(",\"from_name\":")
        out.appendJSONString(from)
        out.appendASCII(",\"to_name\":")
        out.appendJSONString(to)
        out.appendASCII(",\"type\":\"")
        out.appendASCII(type)
        out.appendASCII("\",\"value\":")
    }

    /// Appends one `rating` region: `{"rating": POINT}` of the `Rating` control `from`.
    public static func appendRating(_ point: Int, id: String, from: String, to: String, out: inout [UInt8]) {
        appendStart(id: id, from: from, to: to, type: "rating", to: &out)
        out.appendASCII("{\"rating\":")
        out.appendInt(point)
        out.appendASCII("}}")
    }

    /// Appends one `choices` region holding `names` (a `<Choices>` control).
    public static func appendChoices(_ names: [String], id: String, to out: inout [UInt8]) {
        appendStart(id: id, type: "choices", to: &out)
        out.appendASCII("{\"choices\":")
        out.appendJSONStrings(names)
        out.appendASCII("}}")
    }
}
