import Foundation
import GlossCore
internal import GRDB

/// A project's statistics from the totals of migration v12 (`SQLiteSchema+Stats.swift`)
/// instead of its decision rows: a few thousand rows of counters for a million decisions.
/// Items are counted by their label values, so each distinct set of values is parsed once
/// and given to the builder with its count; a measure that reads item texts (span
/// agreement) gets its items one by one instead, with their texts, in external id order.
/// Gold answers are read with their items' label values, one row per gold item.
struct StatsTotals {
    private let db: Database
    private let projectID: Int64

    init(_ db: Database, projectID: Int64) {
        self.db = db
        self.projectID = projectID
    }

    func run(into builder: inout TeamStatsBuilder, readsItemText: Bool) throws {
        var annotators = AnnotatorNumbers(names: try annotatorNames())
        let counts = try RawStatement(db, """
            SELECT annotator_id, rows, undone, active_ms, decisions, labels, skips, flags, suggestions_shown,
                   suggestions_accepted
            FROM stats_annotators WHERE project_id = ?1 AND rows > 0 ORDER BY annotator_id
            """, [projectID])
        while try counts.step() {
            var tally = TeamStatsBuilder.AnnotatorCounts()
            (tally.rows, tally.undone, tally.activeMilliseconds) = (counts.int(1), counts.int(2), counts.int(3))
            (tally.decisions, tally.labels, tally.skips, tally.flags) =
                (counts.int(4), counts.int(5), counts.int(6), counts.int(7))
            (tally.suggestionsShown, tally.suggestionsAccepted) = (counts.int(8), counts.int(9))
            builder.addCounts(tally, annotator: annotators.number(counts.int64(0), in: &builder))
        }
        let durations = try RawStatement(db, """
            SELECT annotator_id, active_ms, decisions FROM stats_durations WHERE project_id = ?1 AND decisions > 0
            """, [projectID])
        while try durations.step() {
            builder.addDurations(durations.int(1), count: durations.int(2),
                                 annotator: annotators.number(durations.int64(0), in: &builder))
        }
        let versions = try RawStatement(db, """
            SELECT annotator_id, guide_version, decisions FROM stats_versions WHERE project_id = ?1 AND decisions > 0
            """, [projectID])
        while try versions.step() {
            builder.addVersion(versions.int(1), count: versions.int(2),
                               annotator: annotators.number(versions.int64(0), in: &builder))
        }
        let days = try RawStatement(db, "SELECT day, decisions FROM stats_days WHERE project_id = ?1 AND decisions > 0",
                                    [projectID])
        while try days.step() { builder.addDecisions(days.int(1), on: try StatsScan.day(days.bytes(0))) }
        let progress = try RawStatement(db, """
            SELECT decisions, items FROM stats_progress WHERE project_id = ?1 AND items > 0
            """, [projectID])
        while try progress.step() { builder.addItems(progress.int(1), decisions: progress.int(0)) }
        var values = CanonicalValueCache()
        if readsItemText {
            try addItemsWithTexts(into: &builder, annotators: &annotators, values: &values)
        } else {
            let units = try RawStatement(db, """
                SELECT labels, adjudication, items FROM stats_units WHERE project_id = ?1 AND items > 0
                """, [projectID])
            while try units.step() {
                let labels = try Self.labels(units.bytes(0), annotators: &annotators, builder: &builder, values: &values)
                builder.addItems(units.int(2), labels: labels, adjudication: Self.value(units.bytes(1), &values)) { "" }
            }
        }
        let gold = try RawStatement(db, """
            SELECT i.external_id, g.answer, s.labels FROM gold_items g
            JOIN stats_items s ON s.project_id = g.project_id AND s.item_id = g.item_id
            JOIN item_rows i ON i.id = g.item_id
            WHERE g.project_id = ?1 AND s.labels != ''
            """, [projectID])
        while try gold.step() {
            guard let answer = Self.value(gold.bytes(1), &values) else { continue }
            let labels = try Self.labels(gold.bytes(2), annotators: &annotators, builder: &builder, values: &values)
            if !labels.isEmpty { builder.addGold(item: gold.string(0), answer: answer, labels: labels) }
        }
    }

    /// Each labeled item, with its text when two or more annotators labeled it.
    private func addItemsWithTexts(into builder: inout TeamStatsBuilder, annotators: inout AnnotatorNumbers,
                                   values: inout CanonicalValueCache) throws {
        let items = try RawStatement(db, """
            SELECT s.item_id, s.labels, s.adjudication FROM stats_items s JOIN item_rows i ON i.id = s.item_id
            WHERE s.project_id = ?1 AND s.labels != '' ORDER BY i.external_id
            """, [projectID])
        let texts = try RawStatement(db, "SELECT CAST(text AS BLOB) FROM item_rows WHERE id = ?1")
        while try items.step() {
            let labels = try Self.labels(items.bytes(1), annotators: &annotators, builder: &builder, values: &values)
            try builder.addItems(1, labels: labels, adjudication: Self.value(items.bytes(2), &values)) {
                texts.reset()
                texts.bind(items.int64(0), at: 1)
                return try texts.step() ? texts.string(0) : ""
            }
        }
    }

    /// A stored value; nil for "" (none) or a value that does not parse.
    private static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ values: inout CanonicalValueCache)
        -> AnnotationValue? {
        bytes.isEmpty ? nil : values.parse(bytes)
    }

    /// The label values of an item state, `annotator id:byte length:value` after one another;
    /// values that do not parse are left out, as a pass over the rows leaves them out.
    static func labels(_ bytes: UnsafeBufferPointer<UInt8>, annotators: inout AnnotatorNumbers,
                       builder: inout TeamStatsBuilder, values: inout CanonicalValueCache)
        throws -> [(annotator: Int, value: AnnotationValue)] {
        var out: [(annotator: Int, value: AnnotationValue)] = []
        var at = 0
        func number() throws -> Int {
            var number = 0, digits = 0
            while at < bytes.count, bytes[at] != UInt8(ascii: ":") {
                let digit = Int(bytes[at]) - 48
                guard (0...9).contains(digit) else { break }
                number = number * 10 + digit
                digits += 1
                at += 1
            }
            guard digits > 0, at < bytes.count, bytes[at] == UInt8(ascii: ":") else {
                throw DatabaseError(message: "the statistics totals hold damaged label values; run gloss check")
            }
            at += 1
            return number
        }
        while at < bytes.count {
            let annotator = try number()
            let length = try number()
            guard at + length <= bytes.count else {
                throw DatabaseError(message: "the statistics totals hold damaged label values; run gloss check")
            }
            let value = UnsafeBufferPointer(rebasing: bytes[at..<(at + length)])
            at += length
            if let value = values.parse(value) {
                out.append((annotators.number(Int64(annotator), in: &builder), value))
            }
        }
        return out
    }

    private func annotatorNames() throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        let rows = try RawStatement(db, "SELECT id, name FROM annotators")
        while try rows.step() { names[rows.int64(0)] = rows.string(1) }
        return names
    }
}
