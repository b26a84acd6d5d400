import Foundation
import GlossCore

/// Reading one line of an annotations JSONL file (`gloss annotations import`) into an
/// `AnnotationRecord`; the fields are listed on `AnnotationRecord`. The helpers that read ids,
/// integers and flags leniently serve the decoders of other tools' exports too.
extension AnnotationRecord {
    static let fields: Set<String> = [
        "record", "id", "item", "annotator", "reviewer", "kind", "label", "labels", "spans", "decided_at", "duration_ms",
        "active_ms", "comment", "suggestion", "suggestion_accepted", "guide_version", "undone_at", "superseded_by", "session",
        // A pairwise judgment's members (`PairwiseJudgment`).
        "winner", "outcome", "side", "left", "right",
        // Answers to a guide's questions (`QuestionAnswers`).
        "pairwise", "ratings", "ranking", "shown",
        // A typed text (`TypedText`): a free answer or a correction.
        "text", "corrects", "diff",
    ]

    /// Parses one line; the error is a phrase saying what is wrong (the caller adds file:line).
    public static func parse(_ line: String) throws(AnnotationLineError) -> AnnotationRecord {
        guard let parsed = FoundationJSON.object(Data(line.utf8)),
              let object = parsed as? [String: Any]
        else { throw AnnotationLineError("the line is not a JSON object") }
        if let unknown = object.keys.filter({ !fields.contains($0) }).sorted().first {
            throw AnnotationLineError("unknown field \"\(unknown)\"; the fields are: \(fields.sorted().joined(separator: ", "))")
        }
        let record: Record
        switch object["record"] {
        case nil: record = .decision
        case let text as String:
            guard let r = Record(rawValue: text) else { throw AnnotationLineError("\"record\" is \"\(text)\"; it must be decision or adjudication") }
            record = r
        default: throw AnnotationLineError("\"record\" must be a string")
        }
        let itemKey = object["item"] != nil ? "item" : "id"
        guard let item = identifier(object[itemKey]) else {
            throw AnnotationLineError("the line has no item id; give it as \"item\" or \"id\" (a string or an integer)")
        }
        let personKey = record == .adjudication && object["reviewer"] != nil ? "reviewer" : "annotator"
        guard let annotator = object[personKey] as? String, !annotator.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AnnotationLineError("the line has no \"\(personKey)\" (a non-empty string)")
        }
        let kind: AnnotationKind
        switch object["kind"] {
        case nil: kind = .label
        case let text as String:
            guard let k = AnnotationKind(rawValue: text) else { throw AnnotationLineError("\"kind\" is \"\(text)\"; it must be label, skip or flag") }
            kind = k
        default: throw AnnotationLineError("\"kind\" must be a string")
        }
        // A correction without its diff reads as one with no edits until the importer, which
        // knows the item's responses, computes them (`diffFromOriginal`).
        let omitsDiff = object["corrects"] is String && object["text"] is String && object["diff"] == nil
        var members = object
        if omitsDiff { members["diff"] = [Any]() }
        let value = try AnnotationRecord.value(members, context: "")
        if kind == .label, value == nil {
            throw AnnotationLineError("a label decision needs \"label\", \"labels\", \"spans\", a pairwise \"winner\" or \"outcome\", \"ratings\", \"ranking\" or \"text\"")
        }
        if record == .adjudication, value == nil {
            throw AnnotationLineError("an adjudication needs \"label\", \"labels\", \"spans\", a pairwise \"winner\" or \"outcome\", \"ratings\", \"ranking\" or \"text\"")
        }
        var result = AnnotationRecord(
            record: record, item: item, annotator: annotator, kind: kind, value: value,
            decidedAt: try date(object, "decided_at"),
            durationMilliseconds: try count(object, object["duration_ms"] != nil ? "duration_ms" : "active_ms", minimum: 0),
            comment: try string(object, "comment"),
            suggestion: try suggestion(object["suggestion"]),
            suggestionAccepted: try flag(object, "suggestion_accepted"),
            guideVersion: try count(object, "guide_version", minimum: 1),
            undoneAt: try date(object, "undone_at"))
        result.diffFromOriginal = omitsDiff
        return result
    }

    static func identifier(_ raw: Any?) -> String? {
        if let text = raw as? String, !text.isEmpty { return text }
        return integer(raw).map(String.init)
    }

    /// The value in `label`, `labels` or `spans` (exactly one of them), or a pairwise judgment
    /// (`winner` or `outcome`, with `left` and `right`), or nil with none.
    static func value(_ object: [String: Any], context: String) throws(AnnotationLineError) -> AnnotationValue? {
        let present = ["label", "labels", "spans"].filter { object[$0] != nil && !(object[$0] is NSNull) }
        guard present.count <= 1 else { throw AnnotationLineError("\(context)give only one of \"label\", \"labels\" and \"spans\"") }
        let judged = ["winner", "outcome"].first { object[$0] != nil && !(object[$0] is NSNull) }
        let answered = ["pairwise", "ratings", "ranking", "text"].filter { object[$0] != nil && !(object[$0] is NSNull) }
        if let first = answered.first {
            if let other = present.first ?? judged {
                throw AnnotationLineError("\(context)give \"\(other)\" or \"\(first)\", not both (a judgment with ratings goes in \"pairwise\")")
            }
            do {
                return try QuestionAnswers.read(object).map(AnnotationValue.answers)
            } catch {
                throw AnnotationLineError("\(context)\(error.description)")
            }
        }
        if let judged {
            if let other = present.first { throw AnnotationLineError("\(context)give \"\(other)\" or \"\(judged)\", not both") }
            do {
                return try PairwiseJudgment.read(object).map(AnnotationValue.pairwise)
            } catch {
                throw AnnotationLineError("\(context)\(error.description)")
            }
        }
        switch present.first {
        case "label":
            guard let label = object["label"] as? String else { throw AnnotationLineError("\(context)\"label\" must be a string") }
            return .label(label)
        case "labels":
            guard let labels = object["labels"] as? [String] else { throw AnnotationLineError("\(context)\"labels\" must be an array of strings") }
            return .labels(labels)
        case "spans":
            guard let spans = object["spans"] as? [[String: Any]] else {
                throw AnnotationLineError("\(context)\"spans\" must be an array of {\"start\", \"end\", \"label\"} objects")
            }
            var ranges: [LabeledRange] = []
            for (n, span) in spans.enumerated() {
                guard let start = integer(span["start"]), let end = integer(span["end"]), let label = span["label"] as? String else {
                    throw AnnotationLineError("\(context)span \(n + 1) needs an integer \"start\" and \"end\" and a string \"label\"")
                }
                ranges.append(LabeledRange(start: start, end: end, label: label))
            }
            return .spans(ranges)
        default:
            return nil
        }
    }

    static func suggestion(_ raw: Any?) throws(AnnotationLineError) -> AnnotationValue? {
        switch raw {
        case nil, is NSNull: return nil
        case let label as String: return .label(label)
        case let object as [String: Any]: return try value(object, context: "in \"suggestion\": ")
        default: throw AnnotationLineError("\"suggestion\" must be a label or an object with \"label\", \"labels\" or \"spans\"")
        }
    }

    static func integer(_ raw: Any?) -> Int? {
        guard let number = raw as? NSNumber, !isBoolean(number) else { return nil }
        let value = number.doubleValue
        return value == value.rounded() && abs(value) < 1e15 ? Int(value) : nil
    }

    /// JSON true/false arrive as NSNumbers too (that also cast to Int); their type code tells them apart.
    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    static func count(_ object: [String: Any], _ key: String, minimum: Int) throws(AnnotationLineError) -> Int? {
        guard let raw = object[key], !(raw is NSNull) else { return nil }
        guard let n = integer(raw), n >= minimum else { throw AnnotationLineError("\"\(key)\" must be an integer of at least \(minimum)") }
        return n
    }

    static func string(_ object: [String: Any], _ key: String) throws(AnnotationLineError) -> String? {
        guard let raw = object[key], !(raw is NSNull) else { return nil }
        guard let text = raw as? String else { throw AnnotationLineError("\"\(key)\" must be a string") }
        return text
    }

    static func flag(_ object: [String: Any], _ key: String) throws(AnnotationLineError) -> Bool? {
        guard let raw = object[key], !(raw is NSNull) else { return nil }
        guard let number = raw as? NSNumber, isBoolean(number) else { throw AnnotationLineError("\"\(key)\" must be true or false") }
        return number.boolValue
    }

    static func date(_ object: [String: Any], _ key: String) throws(AnnotationLineError) -> Date? {
        guard let raw = object[key], !(raw is NSNull) else { return nil }
        guard let text = raw as? String, let date = ISODate.parse(text) else {
            throw AnnotationLineError("\"\(key)\" must be an ISO 8601 date and time such as 2026-01-05T14:30:00Z")
        }
        return date
    }
}
