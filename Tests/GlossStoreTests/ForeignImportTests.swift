import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTasks
import GlossTestSupport
import Testing

/// Other tools' exports (Label Studio, Prodigy, doccano): items, decisions, suggestions.
@Suite("Importing Label Studio, Prodigy and doccano exports")
struct ForeignImportTests {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
    }

    static func guide(_ name: String) throws -> Guide {
        let text = try String(contentsOfFile: Samples.guide(name), encoding: .utf8)
        return try #require(GuideParser.lint(text).guide)
    }

    @discardableResult
    func load(_ fixture: String, _ format: ImportFormat, dataset: String, project: String?, guide: String? = nil,
              annotator: String? = nil) throws -> ImportReport {
        try load(path: Samples.fixture("foreign/" + fixture), format, dataset: dataset, project: project, guide: guide, annotator: annotator)
    }

    @discardableResult
    func load(path: String, _ format: ImportFormat, dataset: String, project: String?, guide: String? = nil,
              annotator: String? = nil) throws -> ImportReport {
        try store.importItems(ImportRequest(
            dataset: dataset, sources: [ImportSource(path: path, format: format)], fields: ImportFields(annotator: annotator),
            project: try project.map { ImportProject(name: $0, guide: try guide.map(Self.guide), author: "lead",
                                                         rules: TaskKinds.valueRules) }))
    }

    /// Current decisions of a project as "annotator item kind value".
    func decisions(_ project: String) throws -> [String] {
        try store.file.column("""
            SELECT n.name || ' ' || i.external_id || ' ' || a.kind || ' ' || IFNULL(a.value, '-') FROM annotations a
            JOIN annotators n ON n.id = a.annotator_id JOIN items i ON i.id = a.item_id
            JOIN projects p ON p.id = a.project_id
            WHERE p.name = '\(project)' AND a.superseded_by IS NULL AND a.undone_at IS NULL
            ORDER BY n.name, i.external_id
            """).map { $0.string ?? "" }
    }

    func rowID(_ externalID: String) throws -> Int64 {
        let rowIDs = try store.datasets().map { try store.rowID(externalID, dataset: $0.name) }
        return try #require(rowIDs.first { $0 >= 0 })
    }

    @Test func labelStudioClassifyWithTwoAnnotatorsAndPredictions() throws {
        let report = try load("label-studio-sentiment.json", .labelStudio, dataset: "rev", project: "sent", guide: "sentiment.md")
        #expect(report.added == 7)
        let foreign = try #require(report.foreign)
        #expect(foreign.projectCreated && foreign.annotations == 14 && foreign.decisions == 14 && foreign.skips == 1)
        #expect(foreign.annotators == ["ls-1", "mina@example.com"])
        #expect(foreign.predictions == 2 && foreign.suggestionsSaved == 2)
        let current = try decisions("sent")
        #expect(current.contains("ls-1 3 label {\"label\":\"positive\"}") && current.contains("mina@example.com 3 label {\"label\":\"negative\"}"))
        #expect(current.contains("ls-1 7 skip -"))
        // lead_time 3.5 + 1.25 s → 4750 ms; updated_at → decided_at; other data and meta → metadata.
        let row = try #require(try store.file.rows("""
            SELECT a.active_ms, a.decided_at, i.metadata FROM annotations a JOIN items i ON i.id = a.item_id WHERE i.external_id = '1' LIMIT 1
            """).first)
        #expect(row["active_ms"].int == 4750)
        #expect(row["decided_at"].string == "2024-05-01 09:11:09.104")
        #expect(row["metadata"].string == #"{"batch":"may","source":"app-store"}"#)
        let suggestion = try #require(try store.suggestion(project: "sent", itemRowID: rowID("2")))
        #expect(suggestion.source == "label-studio:sentiment-v3" && suggestion.value == .label("negative") && suggestion.score == 0.91)
    }

    @Test func reimportingAddsNoItemsAndNoDecisions() throws {
        try load("label-studio-sentiment.json", .labelStudio, dataset: "rev", project: "sent", guide: "sentiment.md")
        let rows = try store.int("SELECT COUNT(*) FROM annotations")
        let again = try load("label-studio-sentiment.json", .labelStudio, dataset: "rev", project: "sent")
        #expect(again.added == 0 && again.duplicates == 7)
        #expect(again.foreign?.decisions == 0 && again.foreign?.unchanged == 14 && again.foreign?.suggestionsUnchanged == 2)
        #expect(try store.int("SELECT COUNT(*) FROM annotations") == rows)
        #expect(try store.int("SELECT COUNT(*) FROM suggestions") == 2)
    }

    @Test func labelStudioSpansCountCodePointsAndOldUTF16ExportsAreConverted() throws {
        try load("label-studio-entities.json", .labelStudio, dataset: "ents", project: "ner", guide: "entities.md")
        let texts = try store.texts("ents")
        let spans: [String: [LabeledRange]] = Dictionary(uniqueKeysWithValues: try store.file.rows("""
            SELECT i.external_id, a.value FROM annotations a JOIN items i ON i.id = a.item_id
            """).map { row in
                (row["external_id"].string ?? "", try #require(AnnotationValue(json: row["value"].string ?? "")).spans)
            })
        func slices(_ id: String) -> [String] {
            let scalars = Array(texts[id]!.unicodeScalars)
            return spans[id]!.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        }
        #expect(spans["301"] == [LabeledRange(start: 2, end: 5, label: "person"), LabeledRange(start: 9, end: 13, label: "organization")])
        #expect(slices("301") == ["이서연", "삼성전자"])
        #expect(slices("302") == ["Daniel Okoro", "Lagos", "WHO"])
        // Task 303 came from an old export counting UTF-16 units: 5-24 and 33-35 there.
        #expect(spans["303"] == [LabeledRange(start: 3, end: 22, label: "person"), LabeledRange(start: 31, end: 33, label: "location")])
        #expect(slices("303") == ["Marie-Claire Dubois", "서울"])
        let suggestion = try #require(try store.suggestion(project: "ner", itemRowID: rowID("301")))
        #expect(suggestion.value == .spans([LabeledRange(start: 2, end: 5, label: "person")]) && suggestion.score == 0.77)
    }

    @Test func labelStudioMultilabelTakesEveryChoice() throws {
        try load("label-studio-topics.json", .labelStudio, dataset: "news", project: "topics", guide: "topics.md")
        #expect(try decisions("topics") == [
            #"joon@example.com news-1 label {"labels":["economy","technology"]}"#,
            #"joon@example.com news-2 label {"labels":["sports","health"]}"#,
            #"joon@example.com news-3 label {"labels":["politics"]}"#,
        ])
    }

    @Test func prodigyAnswersOnEachTask() throws {
        let report = try load("prodigy-sentiment.jsonl", .prodigy, dataset: "rev", project: "sent", guide: "sentiment.md")
        #expect(report.added == 4 && report.foreign?.rejected == 1 && report.foreign?.decisions == 3)
        #expect(try decisions("sent") == [
            #"reviews-ana rev-1 label {"label":"positive"}"#,
            #"reviews-ana rev-2 label {"label":"negative"}"#,
            "reviews-bo rev-4 skip -",
        ])
        let metadata = try store.file.column("SELECT metadata FROM items WHERE external_id = 'rev-1'").first?.string
        #expect(metadata == #"{"source":"app"}"#)
        // Binary accepts of one text add up to the label set; the reject is left out.
        try load("prodigy-topics.jsonl", .prodigy, dataset: "news", project: "topics", guide: "topics.md")
        #expect(try decisions("topics") == [
            #"news-joon n-1 label {"labels":["economy","technology"]}"#,
            #"news-joon n-2 label {"labels":["sports","health"]}"#,
        ])
        try load("prodigy-entities.jsonl", .prodigy, dataset: "ents", project: "ner", guide: "entities.md")
        #expect(try decisions("ner") == [
            #"ner-ana e-1 label {"spans":[{"start":2,"end":5,"label":"person","text":"이서연"},{"start":9,"end":13,"label":"organization","text":"삼성전자"}]}"#,
            #"ner-ana e-3 label {"spans":[{"start":3,"end":22,"label":"person","text":"Marie-Claire Dubois"},{"start":31,"end":33,"label":"location","text":"서울"}]}"#,
        ])
    }

    @Test func doccanoLabelsOnEachTask() throws {
        let report = try load("doccano-sentiment.jsonl", .doccano, dataset: "rev", project: "sent", guide: "sentiment.md", annotator: "dana")
        #expect(report.added == 3 && report.foreign?.decisions == 2)
        #expect(try decisions("sent") == [#"dana 1 label {"label":"positive"}"#, #"dana 2 label {"label":"negative"}"#])
        try load("doccano-topics.jsonl", .doccano, dataset: "news", project: "topics", guide: "topics.md")
        #expect(try decisions("topics") == [
            #"doccano 11 label {"labels":["economy","technology"]}"#, #"doccano 12 label {"labels":["sports","health"]}"#,
        ])
        try load("doccano-entities.jsonl", .doccano, dataset: "ents", project: "ner", guide: "entities.md")
        #expect(try decisions("ner") == [
            #"doccano 21 label {"spans":[{"start":2,"end":5,"label":"person","text":"이서연"},{"start":9,"end":13,"label":"organization","text":"삼성전자"}]}"#,
            #"doccano 22 label {"spans":[{"start":3,"end":22,"label":"person","text":"Marie-Claire Dubois"},{"start":31,"end":33,"label":"location","text":"서울"}]}"#,
        ])
    }

    @Test func annotationsThatDoNotFitTheGuideAreAllNamedAndNothingIsStored() throws {
        let bad = try dir.write("bad.json", """
            [
              {"id": 1, "data": {"text": "fine"}, "annotations": [{"completed_by": 1, "result": [{"type": "choices", "value": {"choices": ["positive"]}}]}]},
              {"id": 2, "data": {"text": "unknown label"},
               "annotations": [{"completed_by": 1, "result": [{"type": "choices", "value": {"choices": ["great"]}}]}]},
              {"id": 3, "data": {"text": "two choices"},
               "annotations": [{"completed_by": 1, "result": [{"type": "choices", "value": {"choices": ["positive", "negative"]}}]}]}
            ]
            """)
        #expect(throws: ForeignImportError.self) { try load(path: bad, .labelStudio, dataset: "rev", project: "sent", guide: "sentiment.md") }
        do {
            try load(path: bad, .labelStudio, dataset: "rev", project: "sent", guide: "sentiment.md")
        } catch let error as ForeignImportError {
            #expect(error.total == 2)
            #expect(error.problems.map(\.line) == [3, 5])
            #expect(error.description.contains("bad.json:3: task 2 (id 2): ls-1: \"great\" is not a label of the current guide of \"sent\""))
            #expect(error.description.contains("bad.json:5: task 3 (id 3): ls-1: the answer chooses 2 labels (positive, negative)"))
        }
        #expect(try store.int("SELECT COUNT(*) FROM datasets") == 0)
        #expect(try store.int("SELECT COUNT(*) FROM projects") == 0)
        #expect(try store.int("SELECT COUNT(*) FROM annotations") == 0)
    }

    /// Issue 17: a task whose `annotations` was not a list was imported as a task nobody
    /// answered. It is an error naming the file and the task, and nothing is stored; with
    /// --skip-invalid the task is skipped and counted.
    @Test func annotationsThatAreNotAListAreAnErrorOrACountedSkip() throws {
        let bad = try dir.write("not-a-list.json", """
            [
              {"id": 1, "data": {"text": "fine"}, "annotations": [{"completed_by": 1, "result": [{"type": "choices", "value": {"choices": ["positive"]}}]}]},
              {"id": 2, "data": {"text": "odd"}, "annotations": {"completed_by": 1, "result": []}},
              {"id": 3, "data": {"text": "odder"}, "predictions": "none"}
            ]
            """)
        do {
            try load(path: bad, .labelStudio, dataset: "rev", project: "sent", guide: "sentiment.md")
            Issue.record("the import should have failed")
        } catch let failure as ImportFailure {
            #expect(failure.description.contains("not-a-list.json:3: task 2 (id 2): \"annotations\" is not a list"), "\(failure)")
        }
        #expect(try store.int("SELECT COUNT(*) FROM items") == 0)
        #expect(try store.int("SELECT COUNT(*) FROM annotations") == 0)

        let report = try store.importItems(ImportRequest(
            dataset: "rev", sources: [ImportSource(path: bad, format: .labelStudio)], skipInvalid: true,
            project: ImportProject(name: "sent", guide: try Self.guide("sentiment.md"), author: "lead", rules: TaskKinds.valueRules)))
        #expect(report.added == 1 && report.sources.first?.skipped == 2)
        #expect(report.skippedSamples.map(\.error.line) == [3, 4])
        #expect(report.skippedSamples.last?.description.contains("task 3 (id 3): \"predictions\" is not a list") == true)
        #expect(try decisions("sent") == ["ls-1 1 label {\"label\":\"positive\"}"])
    }

    /// Found by Fuzz/FuzzImportLabelStudio: a `lead_time` of 1.1e86 seconds trapped the
    /// conversion to milliseconds. A lead time that cannot be a duration is an error naming
    /// the task and the annotation, and nothing is stored.
    @Test func aLeadTimeThatCannotBeADurationIsAnError() throws {
        for leadTime in ["111111111111111111111111111111111111111111111111111111111111111111111111111111111111118.416", "-3", "1e300"] {
            let bad = try dir.write("lead.json", """
                [{"id": 5, "data": {"text": "fine"}, "annotations": [{"completed_by": 1, "lead_time": \(leadTime),
                  "result": [{"type": "choices", "value": {"choices": ["positive"]}}]}]}]
                """)
            do {
                try load(path: bad, .labelStudio, dataset: "rev", project: "sent", guide: "sentiment.md")
                Issue.record("the import of lead_time \(leadTime) should have failed")
            } catch let failure as ImportFailure {
                #expect(failure.description.contains("lead.json:1: task 1 (id 5): annotation 1: \"lead_time\" is "), "\(failure)")
                #expect(failure.description.contains("it must be seconds between 0 and 31536000"))
            } catch {
                #expect("\(error)".contains("lead_time"), "\(error)")
            }
            #expect(try store.int("SELECT COUNT(*) FROM items") == 0)
        }
    }

    @Test func aSpanWhoseTextDoesNotMatchNamesTheTask() throws {
        let bad = try dir.write("spans.json", #"""
            [{"id": 9, "data": {"text": "😀 Seoul"}, "annotations": [{"completed_by": 1, "result": [
              {"type": "labels", "value": {"start": 0, "end": 3, "text": "Seoul", "labels": ["location"]}}]}]}]
            """#)
        do {
            try load(path: bad, .labelStudio, dataset: "ents", project: "ner", guide: "entities.md")
            Issue.record("the import should have failed")
        } catch let failure as ImportFailure {
            #expect(failure.description.contains("spans.json:1: task 1 (id 9): annotation 1: span 0-3 (location) gives its text as \"Seoul\""))
        }
        #expect(try store.int("SELECT COUNT(*) FROM items") == 0)
    }

    @Test func aMissingProjectNeedsAGuideAndAProjectMustLabelTheDataset() throws {
        #expect(throws: ImportProjectError(message: "There is no project \"nope\"; pass --guide GUIDE.md to create it on dataset \"rev\".")) {
            try load("doccano-sentiment.jsonl", .doccano, dataset: "rev", project: "nope")
        }
        #expect(try store.int("SELECT COUNT(*) FROM items") == 0)
        try load("doccano-sentiment.jsonl", .doccano, dataset: "rev", project: "sent", guide: "sentiment.md")
        #expect(throws: ImportProjectError.self) { try load("doccano-topics.jsonl", .doccano, dataset: "news", project: "sent") }
    }

    @Test func withoutAProjectTheAnnotationsAreOnlyCounted() throws {
        let report = try load("label-studio-sentiment.json", .labelStudio, dataset: "rev", project: nil)
        #expect(report.added == 7 && report.foreign?.project == nil && report.foreign?.annotations == 14 && report.foreign?.predictions == 2)
        #expect(try store.int("SELECT COUNT(*) FROM annotations") == 0)
        #expect(try store.int("SELECT COUNT(*) FROM suggestions") == 0)
    }

    @Test func theLabelerReadsTheBestStoredSuggestionWithTheItem() throws {
        try load("label-studio-sentiment.json", .labelStudio, dataset: "rev", project: "sent", guide: "sentiment.md")
        try store.saveSuggestion(project: "sent", item: "2", StoredSuggestion(source: "other", value: .label("mixed"), score: 0.5, createdAt: Date()))
        #expect(try store.suggestions(project: "sent", itemRowID: rowID("2")).map(\.source) == ["label-studio:sentiment-v3", "other"])
        let session = try LabelingSession.start(database: store, project: "sent", annotator: "new", host: "h", terminalWidth: 80, terminalHeight: 24)
        let one = try #require(try session.item(externalID: "1"))
        #expect(one.suggestion == nil, "task 1 came without a prediction")
        let two = try #require(try session.item(externalID: "2"))
        #expect(two.suggestion?.value == .label("negative") && two.suggestion?.score == 0.91, "the higher score wins")
    }
}

private extension AnnotationValue {
    var spans: [LabeledRange] {
        if case .spans(let spans) = self { return spans }
        return []
    }
}
