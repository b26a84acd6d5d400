import Foundation
import GlossCore
internal import GRDB

/// What `exportAnnotations` wrote.
public struct AnnotationExportSummary: Sendable, Equatable, Codable {
    public var decisions: Int
    public var adjudications: Int

    public init(decisions: Int, adjudications: Int) {
        self.decisions = decisions
        self.adjudications = adjudications
    }
}

extension GlossDatabase {
    /// Streams a project's decisions as JSONL lines, one per row in id order with its
    /// history (`superseded_by`, `undone_at`, `session`), then its adjudications marked
    /// `"record":"adjudication"`; with `currentOnly`, only the rows that stand. The lines
    /// re-import with `importAnnotations` (the order of the lines rebuilds the history).
    @discardableResult
    public func exportAnnotations(project: String, currentOnly: Bool = false,
                                  _ line: (String) throws -> Void) throws -> AnnotationExportSummary {
        try sqlite.read { db in
            let projectID = try Self.projectID(db, project)
            let standing = currentOnly ? "AND a.superseded_by IS NULL AND a.undone_at IS NULL" : ""
            var summary = AnnotationExportSummary(decisions: 0, adjudications: 0)
            let decisions = try Row.fetchCursor(db, sql: """
                SELECT a.id, i.external_id, n.name, a.kind, a.value, a.decided_at, a.active_ms, a.guide_version,
                       a.suggestion, a.suggestion_accepted, a.comment, a.superseded_by, a.undone_at, a.session_id
                FROM annotations a JOIN items i ON i.id = a.item_id JOIN annotators n ON n.id = a.annotator_id
                WHERE a.project_id = ? \(standing) ORDER BY a.id
                """, arguments: [projectID])
            while let row = try decisions.next() {
                var out = JSONLine()
                out.add("record", string: "decision")
                out.add("id", raw: String(row[0] as Int64))
                out.add("item", string: row[1])
                out.add("annotator", string: row[2])
                out.add("kind", string: row[3])
                out.addMembers(of: row[4])
                out.add("decided_at", string: ISODate.string(row[5]))
                out.add("duration_ms", raw: (row[6] as Int64?).map(String.init))
                out.add("guide_version", raw: String(row[7] as Int))
                out.add("suggestion", raw: row[8] as String?)
                out.add("suggestion_accepted", raw: (row[9] as Bool?).map { $0 ? "true" : "false" })
                out.add("comment", string: row[10] as String?)
                out.add("superseded_by", raw: (row[11] as Int64?).map(String.init))
                out.add("undone_at", string: (row[12] as Date?).map(ISODate.string))
                out.add("session", raw: (row[13] as Int64?).map(String.init))
                try line(out.finished())
                summary.decisions += 1
            }
            let adjudications = try Row.fetchCursor(db, sql: """
                SELECT j.id, i.external_id, n.name, j.value, j.comment, j.decided_at, j.superseded_by, j.undone_at
                FROM adjudications j JOIN items i ON i.id = j.item_id JOIN annotators n ON n.id = j.reviewer_id
                WHERE j.project_id = ? \(standing.replacingOccurrences(of: "a.", with: "j.")) ORDER BY j.id
                """, arguments: [projectID])
            while let row = try adjudications.next() {
                var out = JSONLine()
                out.add("record", string: "adjudication")
                out.add("id", raw: String(row[0] as Int64))
                out.add("item", string: row[1])
                out.add("reviewer", string: row[2])
                out.addMembers(of: row[3])
                out.add("comment", string: row[4] as String?)
                out.add("decided_at", string: ISODate.string(row[5]))
                out.add("superseded_by", raw: (row[6] as Int64?).map(String.init))
                out.add("undone_at", string: (row[7] as Date?).map(ISODate.string))
                try line(out.finished())
                summary.adjudications += 1
            }
            return summary
        }
    }
}

/// A one-line JSON object written field by field in a fixed order (nil values are left out).
struct JSONLine {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    private mutating func key(_ name: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        JSONString.appendLiteral(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func add(_ name: String, string: String?) {
        guard let string else { return }
        key(name)
        JSONString.appendLiteral(string, to: &bytes)
    }

    /// A value that is already JSON (a number, a boolean, an object).
    mutating func add(_ name: String, raw: String?) {
        guard let raw else { return }
        key(name)
        bytes += Array(raw.utf8)
    }

    /// The members of a stored JSON object (`{"label":"x"}` adds `"label":"x"`), so that a
    /// value's fields sit at the top level as the import expects them.
    mutating func addMembers(of object: String?) {
        guard let object, object.hasPrefix("{"), object.hasSuffix("}"), object.count > 2 else { return }
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes += Array(object.utf8.dropFirst().dropLast())
    }

    func finished() -> String { String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self) }
}
