import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

@Suite("Stored model versions")
struct ModelStoreTests {
    static let guideText = """
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
        ---
        # Sentiment
        """

    let dir: TemporaryDirectory
    let store: GlossDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        try store.importFiles([dir.write("r.jsonl", jsonLines(5))], into: "reviews")
        let guide = try #require(GuideParser.lint(Self.guideText).guide)
        try store.createProject(name: "sent", dataset: "reviews", guide: guide, author: "lead")
    }

    static let metrics = ModelMetrics(
        accuracy: 0.75, macroF1: 0.7,
        perLabel: [.init(label: "positive", precision: 0.8, recall: 0.6, f1: 0.69, support: 5),
                   .init(label: "negative", precision: 0.7, recall: 0.9, f1: 0.79, support: 3)],
        confusion: [[3, 2], [0, 3]], heldOut: 8)

    @discardableResult
    func save(_ bytes: [UInt8], metrics: ModelMetrics? = Self.metrics) throws -> ModelSummary {
        try store.saveModel(project: "sent", kind: .text, source: "reference", examples: 32, heldOut: 8,
                            options: "{\"epochs\":3}", metrics: metrics, seconds: 1.5, bytes: bytes)
    }

    @Test func versionsCountUpPerProjectAndRecordWhatTheyCameFrom() throws {
        let first = try save([1, 2, 3])
        let second = try save([4, 5, 6, 7], metrics: nil)
        #expect(first.version == 1)
        #expect(second.version == 2)
        #expect(first.guideVersion == 1)
        #expect(first.size == 3)
        #expect(first.sha256 == SHA256.hex(of: [1, 2, 3]))
        #expect(first.glossVersion == GlossVersion.current)
        #expect(first.metrics == Self.metrics)
        #expect(second.metrics == nil)
        let listed = try store.models(project: "sent")
        #expect(listed.map(\.version) == [1, 2])
        #expect(listed[0] == first)
        #expect(listed[1].options == "{\"epochs\":3}")
    }

    @Test func readsTheNewestOrAGivenVersionWithItsBytes() throws {
        try save([1, 2, 3])
        try save([9, 8])
        #expect(try store.model(project: "sent").bytes == [9, 8])
        #expect(try store.model(project: "sent").summary.version == 2)
        #expect(try store.model(project: "sent", version: 1).bytes == [1, 2, 3])
    }

    @Test func anUnknownVersionNamesTheVersionsThatExist() throws {
        try save([1])
        try save([2])
        #expect(throws: ModelStoreError.unknownVersion(project: "sent", version: 7, versions: [1, 2])) {
            try store.model(project: "sent", version: 7)
        }
        let sentence = ModelStoreError.unknownVersion(project: "sent", version: 7, versions: [1, 2]).description
        #expect(sentence.contains("its versions are: 1, 2"))
    }

    @Test func noModelYetSaysToTrainOne() throws {
        #expect(throws: ModelStoreError.noModel(project: "sent")) { try store.model(project: "sent") }
        #expect(ModelStoreError.noModel(project: "sent").description.contains("gloss train sent"))
        #expect(try store.models(project: "sent").isEmpty)
    }

    @Test func damagedBytesAreRefused() throws {
        try save([1, 2, 3, 4])
        try store.file.execute("UPDATE models SET bytes = X'01020305'")
        #expect(throws: ModelStoreError.damaged(project: "sent", version: 1)) { try store.model(project: "sent") }
    }

    @Test func anUnknownProjectIsAProjectError() throws {
        #expect(throws: ProjectError.self) { try store.models(project: "nope") }
        #expect(throws: ProjectError.self) {
            try store.saveModel(project: "nope", kind: .text, source: "x", examples: 1, heldOut: 0, options: "{}", metrics: nil, seconds: 0, bytes: [1])
        }
    }
}
