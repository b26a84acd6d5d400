import GlossApp
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

@Suite("Training examples: the one filter for training, evaluation and learning curves")
struct TrainingExamplesTests {
    static let guide = """
        ---
        name: Two labels
        task: multilabel
        labels:
          - name: x
            key: x
            description: X.
          - name: y
            key: y
            description: Y.
        ---
        Body
        """

    let dir: TemporaryDirectory
    let store: GlossDatabase

    /// Items whose reference labels are x+y, zzz, y+zzz and x; and, in a multilabel project,
    /// a decision that no label applies on the fifth.
    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        let lines = [
            #"{"id": "both", "text": "one", "label": ["x", "y"]}"#, #"{"id": "unknown", "text": "two", "label": ["zzz"]}"#,
            #"{"id": "mixed", "text": "three", "label": ["y", "zzz"]}"#, #"{"id": "single", "text": "four", "label": "x"}"#,
            #"{"id": "none", "text": "five"}"#,
        ]
        try store.importItems(ImportRequest(dataset: "d", sources: [ImportSource(path: dir.write("d.jsonl", lines.joined(separator: "\n")))],
                                            fields: ImportFields(label: "label")))
        try store.createProject(name: "p", dataset: "d", guide: #require(GuideParser.lint(Self.guide).guide), author: "lead")
        try store.importAnnotations(project: "p", from: dir.write("a.jsonl", #"{"item": "none", "annotator": "ana", "labels": []}"#))
    }

    @Test func multilabelDropsUnknownLabelsAndItemsWithOnlyUnknownLabels() throws {
        let examples = TrainingExamples(try store.referenceExamples(dataset: "d"), labels: ["x", "y"], multilabel: true)
        #expect(examples.items.map(\.externalID) == ["both", "mixed", "single"])
        #expect(examples.items.map(\.labels) == [["x", "y"], ["y"], ["x"]])
        #expect(examples.leftOut == 1)
        #expect(examples.unknownLabels == ["zzz": 2])
        #expect(examples.counts(of: ["x", "y"]) == [2, 2])
    }

    @Test func multilabelKeepsADecisionThatNoLabelApplies() throws {
        let examples = TrainingExamples(try store.decisionExamples(project: "p"), labels: ["x", "y"], multilabel: true)
        #expect(examples.items.map(\.externalID) == ["none"])
        #expect(examples.examples.map(\.labels) == [[]])
        #expect(examples.leftOutNote == nil)
        let single = TrainingExamples(try store.decisionExamples(project: "p"), labels: ["x", "y"], multilabel: false)
        #expect(single.items.isEmpty)
        #expect(single.leftOut == 1)
    }

    @Test func singleLabelNeedsExactlyOneKnownLabel() throws {
        let examples = TrainingExamples(try store.referenceExamples(dataset: "d"), labels: ["x", "y"], multilabel: false)
        #expect(examples.items.map(\.externalID) == ["mixed", "single"])
        #expect(examples.severalLabels == 1)
        #expect(examples.leftOutNote == "left out 2 items (labels not in the guide: zzz (2); 1 with several labels in a single-label project).")
    }

    @Test func theSplitIsSeededAndKeepsEveryItemOnce() throws {
        let fixture = try AppFixture()
        let labeled = try fixture.store.referenceExamples(dataset: "reviews")
        let examples = TrainingExamples(labeled, labels: ["positive", "negative", "neutral", "mixed"], multilabel: false)
        let first = examples.split(holdout: 0.25, seed: 7), second = examples.split(holdout: 0.25, seed: 7)
        #expect(first.train.map(\.externalID) == second.train.map(\.externalID))
        #expect(!first.heldOut.isEmpty)
        #expect(Set(first.train.map(\.externalID) + first.heldOut.map(\.externalID)).count == 60)
    }
}
