import Foundation
import GlossCore
import Testing
@testable import GlossFormats

@Suite("Export label-studio")
struct ExportLabelStudioTests {
    static func tasks(_ sink: MemorySink) throws -> [[String: Any]] {
        let bytes = try #require(sink.files["tasks.json"])
        return try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
    }

    @Test func classifyTaskExactBytes() throws {
        let decisions = [
            ExportDecision(annotator: "kim@example.com", kind: .label, value: .label("positive"),
                           decidedAt: "2024-05-01 12:30:00.250", activeMilliseconds: 8416),
            ExportDecision(annotator: "lee", kind: .skip, value: nil, decidedAt: "2024-05-01 12:31:00.000",
                           activeMilliseconds: 42),
            ExportDecision(annotator: "park", kind: .flag, value: nil, decidedAt: "2024-05-01 12:32:00.000"),
        ]
        let record = ExportFixtures.record(7, "a1", "서울에서 만나요 🎉", .label("positive"), split: .train,
                                           meta: #"{"lang":"ko"}"#, decisions: decisions)
        let sink = try ExportFixtures.export(.labelStudio, ExportFixtures.context(.classify, splits: [.train]), [record])
        #expect(sink.text("tasks.json") == "[\n" + #"{"id":7,"data":{"text":"서울에서 만나요 🎉","id":"a1","split":"train","meta":{"lang":"ko"}},"annotations":["#
            + #"{"result":[{"id":"7_1_1","from_name":"label","to_name":"text","type":"choices","value":{"choices":["positive"]}}],"was_cancelled":false,"completed_by":{"email":"kim@example.com"},"lead_time":8.416,"created_at":"2024-05-01T12:30:00.250Z"},"#
            + #"{"result":[],"was_cancelled":true,"completed_by":{"email":"lee"},"lead_time":0.042,"created_at":"2024-05-01T12:31:00.000Z"}]}"#
            + "\n]\n")
    }

    @Test func spansUseCodePointOffsetsAndExactSlices() throws {
        let value = AnnotationValue.spans([
            LabeledRange(start: 2, end: 4, label: "EMOJI"), LabeledRange(start: 5, end: 10, label: "LOC"),
        ])
        let decisions = [ExportDecision(annotator: "kim", kind: .label, value: value, decidedAt: "2024-05-01 12:30:00.000")]
        var record = ExportFixtures.record(2, "s2", "I ❤️ Seoul 🇰🇷", value, decisions: decisions)
        record.source = .adjudicated
        let sink = try ExportFixtures.export(.labelStudio, ExportFixtures.context(.spans), [record])
        let task = try #require(try Self.tasks(sink).first)
        let annotations = try #require(task["annotations"] as? [[String: Any]])
        #expect(annotations.count == 2)
        #expect(annotations[1]["ground_truth"] as? Bool == true)
        #expect(annotations[1]["created_at"] as? String == "2024-05-01T12:30:00.000Z")
        #expect(annotations[1]["completed_by"] == nil)
        let result = try #require(annotations[0]["result"] as? [[String: Any]])
        let values = result.compactMap { $0["value"] as? [String: Any] }
        #expect(values.map { $0["start"] as? Int } == [2, 5])
        #expect(values.map { $0["text"] as? String } == ["❤️", "Seoul"])
        #expect(values.map { $0["labels"] as? [String] } == [["EMOJI"], ["LOC"]])
        #expect(result.map { $0["type"] as? String } == ["labels", "labels"])
        #expect(Set(result.compactMap { $0["id"] as? String }).count == 2)
        #expect(annotations[0]["lead_time"] == nil)
    }

    @Test func predictionsCarryTheScoreAndMultilabelIsOneChoicesResult() throws {
        var prediction = ExportFixtures.record(3, "m3", "meh", .labels(["negative", "mixed feelings"]))
        prediction.source = .prediction
        prediction.confidence = 0.875
        prediction.annotators = []
        let labeled = ExportFixtures.record(1, "m1", "서울에서 만나요 🎉", .labels(["positive"]), decisions: [
            ExportDecision(annotator: "kim", kind: .label, value: .labels(["positive"]), decidedAt: "2024-05-01 12:30:00.000",
                           activeMilliseconds: 1500, suggestion: .labels(["negative"])),
        ])
        let sink = try ExportFixtures.export(.labelStudio, ExportFixtures.context(.multilabel), [labeled, prediction])
        let tasks = try Self.tasks(sink)
        #expect(tasks.count == 2)
        #expect(tasks[0]["predictions"] == nil)
        let predictions = try #require(tasks[1]["predictions"] as? [[String: Any]])
        #expect(predictions.first?["score"] as? Double == 0.875)
        let result = try #require(predictions.first?["result"] as? [[String: Any]])
        #expect((result.first?["value"] as? [String: Any])?["choices"] as? [String] == ["negative", "mixed feelings"])
        #expect((tasks[1]["annotations"] as? [Any])?.isEmpty == true)
        #expect(sink.text("tasks.json")?.contains(#""lead_time":1.500,"#) == true)
    }

    @Test func anEmptyExportIsAnEmptyArray() throws {
        let sink = try ExportFixtures.export(.labelStudio, ExportFixtures.context(.classify), [])
        #expect(sink.text("tasks.json") == "[]\n")
    }
}
