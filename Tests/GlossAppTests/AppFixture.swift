import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTestSupport

/// A store in a temporary directory with the sample reviews imported (their reference
/// labels included) and a project over them, for the use case tests.
struct AppFixture {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        let request = ImportRequest(dataset: "reviews", sources: [ImportSource(path: Samples.path("reviews.jsonl"))],
                                    fields: ImportFields(label: "label"))
        try store.importItems(request)
        let guide = try GuideFile.cleanGuide(file: Samples.guide("sentiment.md")) { _ in }
        try store.createProject(name: "reviews", dataset: "reviews", guide: guide, author: "lead")
    }

    /// The reference labels of the first `count` items, imported as `annotator`'s decisions.
    func decideFromReference(count: Int = 60, annotator: String = "ana") throws {
        let lines = try store.referenceExamples(dataset: "reviews").prefix(count).map { item in
            "{\"item\": \(JSONString.literal(item.externalID)), \"annotator\": \"\(annotator)\", "
                + "\"label\": \(JSONString.literal(item.labels[0]))}"
        }
        try store.importAnnotations(project: "reviews", from: dir.write("\(annotator).jsonl", lines.joined(separator: "\n")))
    }
}

/// A project over the sample entities with every span decision imported.
struct SpansFixture {
    let dir: TemporaryDirectory
    let store: GlossDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try dir.store()
        try store.importItems(ImportRequest(dataset: "entities", sources: [ImportSource(path: Samples.path("entities-gloss.jsonl"))]))
        let guide = try GuideFile.cleanGuide(file: Samples.guide("entities.md")) { _ in }
        try store.createProject(name: "ner", dataset: "entities", guide: guide, author: "lead")
        let text = try String(contentsOfFile: Samples.path("entities-gloss.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { line -> String in
            let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let spans = try! JSONSerialization.data(withJSONObject: object["spans"]!)
            return "{\"item\": \"\(object["id"]!)\", \"annotator\": \"ana\", \"spans\": \(String(decoding: spans, as: UTF8.self))}"
        }
        try store.importAnnotations(project: "ner", from: dir.write("spans.jsonl", lines.joined(separator: "\n")))
    }
}
