import Foundation
import GlossApp
import GlossCore
import GlossFormats
import GlossStore
import GlossTasks
import GlossTestSupport
import Testing

@Suite("An export run in process: files, manifest, record, predictions")
struct ExportRunTests {
    @Test func anExportWritesItsFilesAndManifestAndIsRecorded() throws {
        let fixture = try AppFixture()
        try fixture.decideFromReference(count: 20)
        let out = fixture.dir.path("export")
        let request = ExportRun.Request(project: "reviews", format: .jsonl, destination: out,
                                        query: ExportQuery(split: nil))
        let outcome = try ExportRun.run(request, database: fixture.store)
        #expect(outcome.manifest.counts.items == 20)
        #expect(outcome.manifest.imports.map(\.source) == [Samples.path("reviews.jsonl")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["data.jsonl", "manifest.json"])
        #expect(try fixture.store.exports(project: "reviews").map(\.id) == [outcome.exportID])
        let verified = try ExportVerifier.verify(directory: out)
        #expect(verified.findings.allSatisfy { $0.status == .ok })
        #expect(throws: ExportFileError.self) { try ExportRun.run(request, database: fixture.store) }  // no --force
    }

    @Test func predictionsFillTheUnlabeledItemsThroughTheAdapter() throws {
        let fixture = try AppFixture()
        try fixture.decideFromReference(count: 20)
        try ModelTraining.train(TrainingRequest(project: "reviews", reference: true, hashBits: 12, epochs: 3, holdout: 0),
                                database: fixture.store)
        let query = ExportQuery(filter: ExportFilter(includePredictions: true), split: nil)
        let outcome = try ExportRun.run(ExportRun.Request(project: "reviews", format: .jsonl, destination: fixture.dir.path("p"),
                                                          query: query), database: fixture.store)
        #expect(outcome.manifest.counts.items == 60)
        #expect(outcome.manifest.counts.sources["prediction"] == 40)
        #expect(outcome.manifest.model?.version == 1)
        let (model, _) = try LoadedModel.load(fixture.store, project: "reviews", version: nil)
        let lines = try String(contentsOfFile: fixture.dir.path("p/data.jsonl"), encoding: .utf8).split(separator: "\n")
        let predicted = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            .filter { $0["source"] as? String == "prediction" }
        let items = try fixture.store.referenceExamples(dataset: "reviews")
        for line in predicted.prefix(5) {
            let item = try #require(items.first { $0.externalID == line["id"] as? String })
            #expect(line["label"] as? String == model.predictValue(item.text).value.labelNames.first)
        }
    }
}
