import Foundation

/// One line of an annotations JSONL file (`gloss annotations import`/`export`), parsed but not
/// yet checked against a project: a decision, or a reviewer's adjudication.
///
/// Fields: `item` (else `id`) = the item's external id; `annotator` (adjudications: `reviewer`);
/// `label`, `labels` or `spans` ([{start, end, label}], Unicode scalar offsets); `kind`
/// (`label`, `skip`, `flag`; default `label`); optional `decided_at` (ISO 8601),
/// `duration_ms` (or `active_ms`), `comment`, `suggestion` (a label, or an object like the
/// value), `suggestion_accepted`, `guide_version`, `undone_at`, and `record` (`decision` or
/// `adjudication`). The export's history fields `superseded_by` and `session` are ignored:
/// the order of the lines rebuilds the history.
public struct AnnotationRecord: Sendable, Equatable {
    public enum Record: String, Sendable { case decision, adjudication }

    public var record: Record
    public var item: String
    public var annotator: String
    public var kind: AnnotationKind
    public var value: AnnotationValue?
    public var decidedAt: Date?
    public var durationMilliseconds: Int?
    public var comment: String?
    public var suggestion: AnnotationValue?
    public var suggestionAccepted: Bool?
    public var guideVersion: Int?
    public var undoneAt: Date?
    /// The value is a correction (`corrects`) whose `diff` the line left out: the importer
    /// computes it from the item's response of the model corrected, as the labeler does.
    public var diffFromOriginal = false

    public init(record: Record = .decision, item: String, annotator: String, kind: AnnotationKind,
                value: AnnotationValue?, decidedAt: Date? = nil, durationMilliseconds: Int? = nil, comment: String? = nil,
                suggestion: AnnotationValue? = nil, suggestionAccepted: Bool? = nil, guideVersion: Int? = nil,
                undoneAt: Date? = nil) {
        self.record = record
        self.item = item
        self.annotator = annotator
        self.kind = kind
        self.value = value
        self.decidedAt = decidedAt
        self.durationMilliseconds = durationMilliseconds
        self.comment = comment
        self.suggestion = suggestion
        self.suggestionAccepted = suggestionAccepted
        self.guideVersion = guideVersion
        self.undoneAt = undoneAt
    }
}

/// Why one line of an annotations file was refused, as a phrase.
public struct AnnotationLineError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
