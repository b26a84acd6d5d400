import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTasks
import GlossTestSupport
import Testing

@Suite("Annotations import and export: validation, atomicity, history, round trip")
struct AnnotationTransferTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    static let spansGuide = "---\nname: X\ntask: spans\nlabels:\n  - name: person\n    key: p\n    description: A person.\n---\nBody\n"

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        try store.importFiles([dir.write("r.jsonl", jsonLines(6, prefix: "r"))], into: "reviews")
        for name in ["sent", "copy"] {
            try store.createProject(name: name, dataset: "reviews", guide: #require(GuideParser.lint(ProjectGuideTests.v1).guide), author: "lead")
        }
    }

    func importing(_ name: String, _ lines: [String], into project: String = "sent") throws -> AnnotationImportReport {
        try store.importAnnotations(project: project, from: dir.write(name, lines.joined(separator: "\n") + "\n"))
    }

    @Test func badLinesAreNamedByFileAndLineAndNothingIsWritten() throws {
        let lines = [
            #"{"item": "r-1", "annotator": "ana", "label": "positive"}"#,
            #"{"item": "nope", "annotator": "ana", "label": "positive"}"#,
            #"{"id": "r-2", "annotator": "ana", "label": "meh"}"#,
            #"{"item": "r-3", "annotator": "ana", "label": "positive""#,
            "",
            #"{"item": "r-4", "annotator": "bob", "kind": "skip"}"#,
            #"{"item": "r-5", "annotator": "bob", "labels": ["positive"]}"#,
            #"{"item": "r-5", "annotator": "bob", "label": "positive", "duration_ms": -3}"#,
        ]
        let error = try #require(throws: AnnotationImportError.self) { try importing("a.jsonl", lines) }
        #expect(error.total == 5)
        #expect(error.problems.map(\.line) == [2, 3, 4, 7, 8])
        let text = error.description
        #expect(text.contains("a.jsonl:2: project \"sent\" has no item with id \"nope\"."))
        #expect(text.contains("a.jsonl:3: \"meh\" is not a label of the current guide of \"sent\"; the labels are: negative, neutral, positive."))
        #expect(text.contains("a.jsonl:4: the line is not a JSON object."))
        #expect(text.contains("a.jsonl:7: project \"sent\" is a classify task; give \"label\"."))
        #expect(text.contains("a.jsonl:8: \"duration_ms\" must be an integer of at least 0."))
        #expect(text.hasSuffix("Nothing was imported; fix the lines and run the import again."))
        for table in ["annotations", "annotators", "annotator_progress", "annotation_labels"] {
            #expect(try store.int("SELECT COUNT(*) FROM \(table)") == 0, "\(table)")
        }
    }

    @Test func spanOffsetsMustFitTheTextWithoutOverlaps() throws {
        try store.createProject(name: "ner", dataset: "reviews", guide: #require(GuideParser.lint(Self.spansGuide).guide), author: "lead")
        // "text number 1 of r" has 18 scalars.
        let lines = [
            #"{"item": "r-1", "annotator": "ana", "spans": [{"start": 12, "end": 13, "label": "person"}]}"#,
            #"{"item": "r-1", "annotator": "bob", "spans": [{"start": 12, "end": 19, "label": "person"}]}"#,
            #"{"item": "r-2", "annotator": "bob", "spans": [{"start": 0, "end": 6, "label": "person"}, {"start": 5, "end": 8, "label": "person"}]}"#,
        ]
        let error = try #require(throws: AnnotationImportError.self) { try importing("s.jsonl", lines, into: "ner") }
        #expect(error.problems.map(\.line) == [2, 3])
        #expect(error.description.contains("s.jsonl:2: span 12-19 (person) does not fit the item's text of 18 characters"))
        #expect(error.description.contains("s.jsonl:3: spans overlap at offset 5"))
        #expect(try store.int("SELECT COUNT(*) FROM annotations") == 0)
        let report = try importing("ok.jsonl", [lines[0]], into: "ner")
        #expect(report.decisions == 1)
        #expect(try store.file.column("SELECT value FROM annotations").first?.string
                == #"{"spans":[{"start":12,"end":13,"label":"person","text":"1"}]}"#)
    }

    @Test func aLaterDecisionSupersedesTheEarlierAndUndoneLinesAreUndone() throws {
        let report = try importing("h.jsonl", [
            #"{"item": "r-1", "annotator": "ana", "label": "positive", "decided_at": "2026-01-05T10:00:00Z", "duration_ms": 4200}"#,
            #"{"item": "r-1", "annotator": "ana", "label": "negative", "decided_at": "2026-01-05T10:01:00.500Z"}"#,
            #"{"item": "r-2", "annotator": "ana", "label": "neutral", "undone_at": "2026-01-05T10:03:00Z"}"#,
            #"{"item": "r-3", "annotator": "ana", "label": "neutral"}"#,
        ])
        #expect(report == AnnotationImportReport(lines: 4, decisions: 4, undone: 1, adjudications: 0, annotators: 1, items: 3))
        let rows = try store.file
            .rows("SELECT id, superseded_by, undone_at, active_ms, value FROM annotations ORDER BY id")
        #expect(rows.map { $0["superseded_by"].int64 } == [2, nil, nil, nil])
        #expect(rows.map { $0["undone_at"].string != nil } == [false, false, true, false])
        #expect(rows.map { $0["active_ms"].int } == [4200, nil, nil, nil])
        #expect(try store.int("SELECT decided FROM annotator_progress") == 2)
        let decided = try store.file.column("SELECT decided_at FROM annotations WHERE id = 2").first?.date
        #expect(decided == ISODate.parse("2026-01-05T10:01:00.500Z"))
    }

    @Test func anExportReimportsToTheSameHistory() throws {
        _ = try importing("h.jsonl", [
            #"{"item": "r-1", "annotator": "ana", "label": "positive", "decided_at": "2026-01-05T10:00:00Z", "duration_ms": 4200, "suggestion": "positive", "suggestion_accepted": true}"#,
            #"{"item": "r-1", "annotator": "ana", "label": "negative", "decided_at": "2026-01-05T10:01:00Z", "comment": "on second thought"}"#,
            #"{"item": "r-2", "annotator": "bob", "kind": "flag", "decided_at": "2026-01-05T10:02:00Z"}"#,
            #"{"item": "r-3", "annotator": "bob", "label": "neutral", "decided_at": "2026-01-05T10:03:00Z", "undone_at": "2026-01-05T10:04:00Z"}"#,
            #"{"record": "adjudication", "item": "r-1", "reviewer": "lead", "label": "negative", "decided_at": "2026-01-06T09:00:00Z"}"#,
        ])
        var first: [String] = []
        let summary = try store.exportAnnotations(project: "sent") { first.append($0) }
        #expect(summary == AnnotationExportSummary(decisions: 4, adjudications: 1))
        #expect(first[1].contains(#""comment":"on second thought""#) && first[0].contains(#""superseded_by":2"#))
        #expect(first[0].contains(#""suggestion":{"label":"positive"},"suggestion_accepted":true"#))
        let again = try importing("export.jsonl", first, into: "copy")
        #expect(again.decisions == 4 && again.undone == 1 && again.adjudications == 1)
        var second: [String] = []
        try store.exportAnnotations(project: "copy") { second.append($0) }
        #expect(try second.map(Self.normalized) == first.map(Self.normalized))
        var current: [String] = []
        try store.exportAnnotations(project: "sent", currentOnly: true) { current.append($0) }
        #expect(current.count == 3 && current.allSatisfy { !$0.contains("superseded_by") && !$0.contains("undone_at") })
    }

    /// A line without its row ids (they differ between projects); whether it was superseded stays.
    static func normalized(_ line: String) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        object["id"] = nil
        object["superseded_by"] = object["superseded_by"] != nil
        return object as NSDictionary
    }

    @Test func statsInputReadsRowsGoldAndCurrentAdjudications() throws {
        _ = try importing("h.jsonl", [
            #"{"item": "r-1", "annotator": "ana", "label": "positive", "decided_at": "2026-01-05T10:00:00Z", "duration_ms": 1000}"#,
            #"{"item": "r-1", "annotator": "ana", "label": "negative", "decided_at": "2026-01-06T10:00:00Z"}"#,
            #"{"item": "r-1", "annotator": "bob", "label": "negative", "decided_at": "2026-01-06T11:00:00Z"}"#,
            #"{"record": "adjudication", "item": "r-1", "reviewer": "lead", "label": "positive", "decided_at": "2026-01-07T09:00:00Z"}"#,
            #"{"record": "adjudication", "item": "r-1", "reviewer": "lead", "label": "neutral", "decided_at": "2026-01-07T09:05:00Z"}"#,
        ])
        try store.addGold(project: "sent", answers: [("r-2", .label("negative"), "test")],
                          rules: TaskKinds.valueRules, at: Date(timeIntervalSince1970: 1_767_225_600))
        let input = try store.statsInput(project: "sent", agreement: AgreementMeasures.measure(for:))
        #expect(input.project == StatsProjectFacts(name: "sent", task: .classify, overlap: 1, totalItems: 6, labels: ["positive", "negative", "neutral"]))
        #expect(input.decisions.map(\.annotator) == ["ana", "ana", "bob"])
        #expect(input.decisions.map(\.isCurrent) == [false, true, true])
        #expect(input.decisions[0].activeMilliseconds == 1000 && input.decisions[1].activeMilliseconds == nil)
        #expect(input.gold == ["r-2": .label("negative")])
        #expect(input.adjudications == ["r-1": .label("neutral")])
        let since = try store.statsInput(project: "sent", since: ISODate.parse("2026-01-06"), agreement: AgreementMeasures.measure(for:))
        #expect(since.decisions.map(\.id) == [2, 3])
    }
}
