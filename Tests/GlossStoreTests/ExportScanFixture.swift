import Foundation
import GlossCore
import GlossStore
import GlossTasks
import GlossTestSupport
import Testing

/// A store with one dataset (Korean and emoji texts) and three projects on it: `sent`
/// (classify), `topics` (multilabel) and `ents` (spans), for the export scan tests.
struct ExportScanFixture {
    static let texts: [(id: String, text: String)] = [
        ("c-1", "정말 좋아요 👍"), ("c-2", "별로예요 😞"), ("c-3", "그냥 그래요"), ("c-4", "Broken 💥 text"),
        ("c-5", "skip me"), ("c-6", "nobody decided 🙈"), ("c-7", "adjudicate me"),
        ("c-8", "🎉 Anika met 김민준 in 서울 🇰🇷"),
    ]

    static let topics = """
        ---
        name: Topics
        task: multilabel
        labels:
          - name: billing
            key: b
            description: Money.
          - name: outage
            key: o
            description: Down.
          - name: praise
            key: p
            description: Nice words.
        ---
        # Topics
        """

    static let entities = """
        ---
        name: Entities
        task: spans
        labels:
          - name: PER
            key: p
            description: People.
          - name: LOC
            key: l
            description: Places.
        ---
        # Entities
        """

    let dir: TemporaryDirectory
    let store: GlossDatabase
    private var clock = Date(timeIntervalSince1970: 1_800_000_000)

    init(items: [(id: String, text: String)] = Self.texts) throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        let lines = items.map { #"{"id": \#(JSONString.literal($0.id)), "text": \#(JSONString.literal($0.text)), "source": "test"}"# }
        try store.importFiles([dir.write("k.jsonl", lines.joined(separator: "\n") + "\n")], into: "k")
        for (name, text) in [("sent", ProjectGuideTests.v1), ("topics", Self.topics), ("ents", Self.entities)] {
            try store.createProject(name: name, dataset: "k", guide: #require(GuideParser.lint(text).guide), author: "lead", overlap: 3)
        }
    }

    /// Records a decision one second after the previous one (so "oldest first" is defined).
    mutating func decide(_ project: String, _ item: String, _ annotator: String, _ value: AnnotationValue?,
                         kind: AnnotationKind = .label) throws {
        clock += 1
        try store.decide(project: project, itemID: item, annotator: annotator, kind: kind, value: value, decidedAt: clock)
    }

    func rowID(_ externalID: String) throws -> Int64 {
        try store.rowID(externalID, dataset: "k")
    }

    /// Every record of a scan, and its summary.
    func scan(_ project: String, _ query: ExportQuery = ExportQuery(split: nil),
              predict: ((UnlabeledItem) throws -> (AnnotationValue, Double)?)? = nil) throws -> (records: [ExportRecord], summary: ExportScanSummary) {
        var records: [ExportRecord] = []
        let provenance = try store.exportProvenance(project: project)
        let rule = TaskKinds.kind(for: provenance.task).consensusRule(labels: provenance.labels)
        let summary = try store.forEachExportRecord(project: project, query: query, rule: rule, predict: predict) {
            records.append($0)
        }
        return (records, summary)
    }

    /// The records of a scan by item id.
    func values(_ project: String, _ query: ExportQuery) throws -> [String: AnnotationValue] {
        Dictionary(uniqueKeysWithValues: try scan(project, query).records.map { ($0.id, $0.value) })
    }
}

func span(_ start: Int, _ end: Int, _ label: String) -> LabeledRange {
    LabeledRange(start: start, end: end, label: label)
}
