import Foundation
import GlossCore

/// What `exportAnnotations` wrote.
public struct AnnotationExportSummary: Sendable, Equatable, Codable {
    public var decisions: Int
    public var adjudications: Int

    public init(decisions: Int, adjudications: Int) {
        self.decisions = decisions
        self.adjudications = adjudications
    }
}

/// One stored decision with its history fields, as a backend reads it for the export.
struct DecisionHistoryRow {
    var id: Int64
    var item: String
    var annotator: String
    var kind: String
    /// The value's stored JSON object.
    var value: String?
    var decidedAt: Date
    var activeMilliseconds: Int64?
    var guideVersion: Int
    /// The suggestion's stored JSON object.
    var suggestion: String?
    var suggestionAccepted: Bool?
    var comment: String?
    var supersededBy: Int64?
    var undoneAt: Date?
    var session: Int64?
}

/// One stored adjudication with its history fields, as a backend reads it for the export.
struct AdjudicationHistoryRow {
    var id: Int64
    var item: String
    var reviewer: String
    /// The value's stored JSON object.
    var value: String
    var comment: String?
    var decidedAt: Date
    var supersededBy: Int64?
    var undoneAt: Date?
}

/// What `importAnnotations` stored.
public struct AnnotationImportReport: Sendable, Equatable, Codable {
    /// Non-blank lines read.
    public var lines: Int
    /// Decision rows written (each through the decision writer), and how many of them came undone.
    public var decisions: Int
    public var undone: Int
    public var adjudications: Int
    /// Distinct annotators (and reviewers) and items the lines name.
    public var annotators: Int
    public var items: Int

    public init(lines: Int, decisions: Int, undone: Int, adjudications: Int, annotators: Int, items: Int) {
        self.lines = lines
        self.decisions = decisions
        self.undone = undone
        self.adjudications = adjudications
        self.annotators = annotators
        self.items = items
    }
}

/// An annotations file with bad lines: each problem names file:line; nothing was written.
public struct AnnotationImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public var source: String
    /// The first problems found (at most `AnnotationTransfer.maxProblems`).
    public var problems: [Problem]
    /// All bad lines, listed or not.
    public var total: Int

    public init(source: String, problems: [Problem], total: Int) {
        self.source = source
        self.problems = problems
        self.total = total
    }

    public var description: String {
        var lines = problems.map { "\(source):\($0.line): \($0.message)." }
        if total > problems.count { lines.append("… and \(total - problems.count) more bad line\(total - problems.count == 1 ? "" : "s").") }
        lines.append("Nothing was imported; fix the line\(total == 1 ? "" : "s") and run the import again.")
        return TerminalText.visible(lines.joined(separator: "\n"))
    }
}



/// How an imported value is checked against a project, the same on every backend: the
/// task's `ValueRules`, with the problem said as a phrase.
enum AnnotationRules {
    /// The value fits the task, uses the guide's labels and (spans) lies inside the text
    /// without overlaps; `what` prefixes the message ("the suggestion: ").
    static func check(_ value: AnnotationValue, task: TaskType, rules: any ValueRules, labels: Set<String>, guide: Guide? = nil,
                      project: String, itemText: String?, what: String) throws(AnnotationLineError) {
        let problem = guide.map { rules.problem(with: value, guide: $0, itemText: itemText) }
            ?? rules.problem(with: value, labels: labels, itemText: itemText)
        switch problem {
        case nil:
            return
        case .wrongShape:
            throw AnnotationLineError("\(what)project \"\(project)\" is a \(task.rawValue) task; give \"\(rules.field)\"")
        case .unknownLabel(let unknown):
            throw AnnotationLineError("\(what)\"\(unknown)\" is not a label of the current guide of \"\(project)\"; "
                + "the labels are: \(labels.sorted().joined(separator: ", "))")
        case .spanOutside(let span, let length):
            throw AnnotationLineError(
                "\(what)span \(span.start)-\(span.end) (\(span.label)) does not fit the item's text"
                + " of \(NumberText.counted(length, "character")) (offsets count Unicode scalars; start < end)")
        case .overlap(let offset):
            throw AnnotationLineError("\(what)spans overlap at offset \(offset)")
        case .answers(let phrase):
            throw AnnotationLineError("\(what)\(phrase)")
        }
    }
}

/// One line of an annotations file, decoded outside the store: its number and the record,
/// or why it is not one.
public struct AnnotationLine: Sendable {
    public var number: Int
    public var record: Result<AnnotationRecord, AnnotationLineError>

    public init(number: Int, record: Result<AnnotationRecord, AnnotationLineError>) {
        self.number = number
        self.record = record
    }
}

/// What a backend does to export and import a project's annotations (see `StoreBackend`).
protocol AnnotationTransferBackend {
    /// In one read transaction: the project's decisions in id order, then its adjudications
    /// in id order; with `currentOnly`, only the rows that stand (not superseded or undone).
    func forEachHistoryRow(project: String, currentOnly: Bool, decision: (DecisionHistoryRow) throws -> Void,
                           adjudication: (AdjudicationHistoryRow) throws -> Void) throws
    /// In one write transaction: calls `lines` with a function that checks and applies one
    /// decoded line; any bad line (reported to that function, or thrown by `lines` as an
    /// `InvalidRecord`) or unreadable source (an `ImportFailure`) throws an
    /// `AnnotationImportError` naming `sourceName` and rolls everything back.
    func importAnnotations(
        project: String, sourceName: String, rules: ValueRulesLookup,
        lines: (_ apply: (AnnotationLine) throws -> Void) throws -> Void
    ) throws -> AnnotationImportReport
}

extension GlossDatabase {
    /// Streams a project's decisions as JSONL lines, one per row in id order with its
    /// history (`superseded_by`, `undone_at`, `session`), then its adjudications marked
    /// `"record":"adjudication"`; with `currentOnly`, only the rows that stand. The lines
    /// re-import with `importAnnotations` (the order of the lines rebuilds the history).
    /// The lines are written here, so every backend exports the same bytes.
    @discardableResult
    public func exportAnnotations(project: String, currentOnly: Bool = false,
                                  _ line: (String) throws -> Void) throws -> AnnotationExportSummary {
        var summary = AnnotationExportSummary(decisions: 0, adjudications: 0)
        try backend.forEachHistoryRow(project: project, currentOnly: currentOnly, decision: { row in
            var out = JSONObjectWriter()
            out.add("record", string: "decision")
            out.add("id", raw: String(row.id))
            out.add("item", string: row.item)
            out.add("annotator", string: row.annotator)
            out.add("kind", string: row.kind)
            out.addMembers(of: row.value)
            out.add("decided_at", string: ISODate.string(row.decidedAt))
            out.add("duration_ms", raw: row.activeMilliseconds.map(String.init))
            out.add("guide_version", raw: String(row.guideVersion))
            out.add("suggestion", raw: row.suggestion)
            out.add("suggestion_accepted", bool: row.suggestionAccepted)
            out.add("comment", string: row.comment)
            out.add("superseded_by", raw: row.supersededBy.map(String.init))
            out.add("undone_at", string: row.undoneAt.map(ISODate.string))
            out.add("session", raw: row.session.map(String.init))
            try line(out.finished())
            summary.decisions += 1
        }, adjudication: { row in
            var out = JSONObjectWriter()
            out.add("record", string: "adjudication")
            out.add("id", raw: String(row.id))
            out.add("item", string: row.item)
            out.add("reviewer", string: row.reviewer)
            out.addMembers(of: row.value)
            out.add("comment", string: row.comment)
            out.add("decided_at", string: ISODate.string(row.decidedAt))
            out.add("superseded_by", raw: row.supersededBy.map(String.init))
            out.add("undone_at", string: row.undoneAt.map(ISODate.string))
            try line(out.finished())
            summary.adjudications += 1
        })
        return summary
    }

    /// Imports decisions (and adjudications) into a project in one transaction: `lines` is
    /// called inside it and hands over each line of `source` in file order (decoded outside
    /// the store); it may throw an `InvalidRecord` (a line that cannot be read) or an
    /// `ImportFailure` (an unreadable source). Every line is checked (item in the project's
    /// dataset, labels of the current guide, span offsets, guide version) and any bad line
    /// leaves the store unchanged. Lines are applied through the decision writer, so a later
    /// decision of an annotator on an item supersedes the earlier one, and a line with
    /// `undone_at` is undone as the labeler would. `rules` gives each task's value rules.
    public func importAnnotations(
        project: String, source: String, rules: ValueRulesLookup,
        lines: (_ take: (AnnotationLine) throws -> Void) throws -> Void
    ) throws -> AnnotationImportReport {
        try backend.importAnnotations(project: project, sourceName: source, rules: rules, lines: lines)
    }
}
