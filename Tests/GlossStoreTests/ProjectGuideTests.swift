import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

@Suite("Projects, guide versions and label uses")
struct ProjectGuideTests {
    static let v1 = """
        ---
        name: Sentiment
        task: classify
        labels:
          - name: positive
            key: p
            description: Praise.
          - name: negative
            key: n
            description: Criticism.
          - name: neutral
            key: u
            description: Neither.
        ---
        # Sentiment
        """

    func guide(_ text: String) throws -> Guide {
        try #require(GuideParser.lint(text).guide)
    }

    func setUp() throws -> (TemporaryDirectory, GlossDatabase) {
        let dir = try TemporaryDirectory()
        let store = try dir.store()
        try store.importFiles([dir.write("r.jsonl", jsonLines(5))], into: "reviews")
        try store.createProject(name: "sent", dataset: "reviews", guide: guide(Self.v1), author: "lead")
        return (dir, store)
    }

    @Test func createsAProjectWithVersionOne() throws {
        let (dir, store) = try setUp()
        defer { withExtendedLifetime(dir) {} }
        let project = try store.project(named: "sent")
        #expect(project.dataset == "reviews" && project.task == .classify && project.items == 5 && project.guideVersion == 1)
        let versions = try store.guideVersions(project: "sent")
        #expect(versions.map(\.version) == [1])
        #expect(versions[0].text == Self.v1 && versions[0].author == "lead" && versions[0].sha256.count == 64)
        #expect(throws: ProjectError.projectExists("sent")) {
            try store.createProject(name: "sent", dataset: "reviews", guide: guide(Self.v1), author: "lead")
        }
        #expect(throws: StoreError.unknownDataset("nope", known: ["reviews"])) {
            try store.createProject(name: "other", dataset: "nope", guide: guide(Self.v1), author: "lead")
        }
    }

    @Test func publishingIdenticalTextIsANoOpAndChangesAreVersioned() throws {
        let (dir, store) = try setUp()
        defer { withExtendedLifetime(dir) {} }
        #expect(try store.publishGuide(project: "sent", guide: guide(Self.v1), author: "lead", message: "again") == .unchanged(version: 1))
        let v2 = Self.v1.replacingOccurrences(of: "description: Neither.", with: "description: Neither praise nor criticism.")
        let outcome = try store.publishGuide(project: "sent", guide: guide(v2), author: "ana", message: "Clarify neutral")
        guard case let .published(version, changes) = outcome else { Issue.record("not published"); return }
        #expect(version == 2)
        #expect(changes.labels == [.descriptionChanged(label: "neutral", from: "Neither.", to: "Neither praise nor criticism.")])
        #expect(try store.guideVersions(project: "sent").map(\.author) == ["lead", "ana"])
        #expect(try store.guideVersion(project: "sent", version: 1).text == Self.v1)
        #expect(try store.guideVersion(project: "sent").version == 2)
        #expect(throws: ProjectError.unknownVersion(project: "sent", version: 9, latest: 2)) {
            try store.guideVersion(project: "sent", version: 9)
        }
    }

    @Test func removingOrRenamingAUsedLabelIsRefusedWithTheCount() throws {
        let (dir, store) = try setUp()
        defer { withExtendedLifetime(dir) {} }
        try store.decide(project: "sent", itemID: "item-1", annotator: "ana", value: .label("neutral"))
        try store.decide(project: "sent", itemID: "item-2", annotator: "ana", value: .label("neutral"))
        try store.decide(project: "sent", itemID: "item-3", annotator: "bo", value: .label("negative"))
        try store.decide(project: "sent", itemID: "item-4", annotator: "bo", kind: .skip, value: nil)
        let withoutNeutral = Self.v1.replacingOccurrences(of: "  - name: neutral\n    key: u\n    description: Neither.\n", with: "")
        #expect(withoutNeutral != Self.v1)
        #expect {
            try store.publishGuide(project: "sent", guide: guide(withoutNeutral), author: "lead", message: "drop neutral")
        } throws: { error in
            guard case let ProjectError.labelsInUse(_, uses) = error else { return false }
            return uses == [ProjectError.LabelUse(label: "neutral", annotations: 2)] && "\(error)".contains("neutral (2 annotations)")
        }
        let renamed = Self.v1.replacingOccurrences(of: "name: negative", with: "name: critical")
        #expect {
            try store.publishGuide(project: "sent", guide: guide(renamed), author: "lead", message: "rename")
        } throws: { "\($0)".contains("negative (1 annotation)") }
        #expect(try store.guideVersions(project: "sent").count == 1)
        let forced = try store.publishGuide(project: "sent", guide: guide(withoutNeutral), author: "lead", message: "drop", allowRemoval: true)
        #expect(forced != .unchanged(version: 1))
        #expect(try store.project(named: "sent").annotations == 4)
    }

    @Test func removingAnUnusedLabelNeedsNoPermission() throws {
        let (dir, store) = try setUp()
        defer { withExtendedLifetime(dir) {} }
        try store.decide(project: "sent", itemID: "item-1", annotator: "ana", value: .label("positive"))
        let withoutNeutral = Self.v1.replacingOccurrences(of: "  - name: neutral\n    key: u\n    description: Neither.\n", with: "")
        let outcome = try store.publishGuide(project: "sent", guide: guide(withoutNeutral), author: "lead", message: "unused")
        #expect(outcome == .published(version: 2, changes: GuideChanges(taskChange: nil, nameChanged: false, instructionsChanged: false, labels: [.removed("neutral")])))
    }

    @Test func spanAndMultilabelAnnotationsCountTheirLabels() throws {
        let (dir, store) = try setUp()
        defer { withExtendedLifetime(dir) {} }
        try store.decide(project: "sent", itemID: "item-1", annotator: "a", value: .labels(["positive", "neutral"]))
        try store.decide(project: "sent", itemID: "item-2", annotator: "a", value: .spans([LabeledRange(start: 0, end: 4, label: "neutral"), LabeledRange(start: 5, end: 9, label: "neutral")]))
        let withoutNeutral = Self.v1.replacingOccurrences(of: "  - name: neutral\n    key: u\n    description: Neither.\n", with: "")
        #expect {
            try store.publishGuide(project: "sent", guide: guide(withoutNeutral), author: "lead", message: "x")
        } throws: { "\($0)".contains("neutral (2 annotations)") }
        let json = try store.file.column("SELECT value FROM annotations ORDER BY id").map(\.string)
        #expect(json == ["{\"labels\":[\"positive\",\"neutral\"]}", "{\"spans\":[{\"start\":0,\"end\":4,\"label\":\"neutral\",\"text\":\"text\"},{\"start\":5,\"end\":9,\"label\":\"neutral\",\"text\":\"numb\"}]}"])
    }

    @Test func changingTheTaskOfAnAnnotatedProjectIsRefused() throws {
        let (dir, store) = try setUp()
        defer { withExtendedLifetime(dir) {} }
        try store.decide(project: "sent", itemID: "item-1", annotator: "a", value: .label("positive"))
        let multi = Self.v1.replacingOccurrences(of: "task: classify", with: "task: multilabel")
        #expect {
            try store.publishGuide(project: "sent", guide: guide(multi), author: "lead", message: "x")
        } throws: { "\($0)".contains("changes the task") && "\($0)".contains("1 annotation was made as classify") }
    }

    @Test func unknownProjectsAndItemsAreNamed() throws {
        let (dir, store) = try setUp()
        defer { withExtendedLifetime(dir) {} }
        #expect(throws: ProjectError.unknownProject("nope", known: ["sent"])) { try store.project(named: "nope") }
        #expect(throws: ProjectError.unknownItem(project: "sent", id: "zzz")) {
            let suggestion = StoredSuggestion(source: "test", value: .label("positive"), score: nil, createdAt: Date())
            try store.saveSuggestion(project: "sent", item: "zzz", suggestion)
        }
    }
}
