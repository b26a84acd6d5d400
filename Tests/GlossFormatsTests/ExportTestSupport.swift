import Foundation
import GlossCore
@testable import GlossFormats
import GlossTasks

/// An export sink that keeps each file's bytes in memory, for writer tests.
struct MemorySink: ExportSink {
    var files: [String: [UInt8]] = [:]

    mutating func append(_ bytes: [UInt8], to file: String) throws {
        files[file, default: []].append(contentsOf: bytes)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer, to file: String) throws {
        files[file, default: []].append(contentsOf: bytes)
    }

    func text(_ file: String) -> String? { files[file].map { String(decoding: $0, as: UTF8.self) } }

    /// The file's JSON lines, parsed.
    func jsonLines(_ file: String) -> [[String: Any]] {
        (text(file) ?? "").split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:]
        }
    }
}

/// Fixtures: the same small records for every format, with Korean and emoji text.
enum ExportFixtures {
    static let labels = ["positive", "negative", "mixed feelings"]
    static let spanLabels = ["LOC", "EMOJI"]

    static func context(_ task: TaskType, splits: [ExportSplit] = []) -> ExportContext {
        ExportContext(project: "reviews", task: task, labels: task == .spans ? spanLabels : labels,
                      splits: splits, guideVersion: 3, mapping: mapping(task))
    }

    /// How the kind of `task` writes its values.
    static func mapping(_ task: TaskType) -> any ExportMapping {
        TaskKinds.kind(for: task).exportMapping
    }

    static func record(_ rowID: Int64, _ id: String, _ text: String, _ value: AnnotationValue,
                       split: ExportSplit? = nil, meta: String? = nil,
                       decisions: [ExportDecision] = []) -> ExportRecord {
        ExportRecord(rowID: rowID, id: id, text: text, metadataJSON: meta, value: value, source: .consensus,
                     annotators: decisions.isEmpty ? ["ann"] : decisions.map(\.annotator).sorted(),
                     agreement: 1, split: split, decisions: decisions)
    }

    static func classify(split: Bool = false) -> [ExportRecord] {
        [
            record(1, "a1", "서울에서 만나요 🎉", .label("positive"), split: split ? .train : nil, meta: #"{"lang":"ko"}"#),
            record(2, "a2", "I ❤️ Seoul 🇰🇷", .label("mixed feelings"), split: split ? .test : nil),
            record(3, "a3", "bad, \"really\"\nbad\tday", .label("negative"), split: split ? .train : nil),
        ]
    }

    static func multilabel(split: Bool = false) -> [ExportRecord] {
        [
            record(1, "m1", "서울에서 만나요 🎉", .labels(["positive", "mixed feelings"]), split: split ? .train : nil),
            record(2, "m2", "I ❤️ Seoul 🇰🇷", .labels([]), split: split ? .validation : nil),
            record(3, "m3", "meh", .labels(["negative"]), split: split ? .test : nil),
        ]
    }

    /// Spans: `서울` cuts the token `서울에서`; `❤️` is two scalars; `Seoul` sits between emoji.
    /// Judgments on a string prompt, a chat (in Korean) and a tie.
    static func pairwise(split: Bool = false) -> [ExportRecord] {
        let text = ItemParts(prompt: .text("2+2?"), responses: [ItemResponse(model: "m1", text: "4"),
                                                                ItemResponse(model: "m2", text: "five")])
        let chat = ItemParts(prompt: .chat([ChatTurn(role: "system", content: "간단히"), ChatTurn(role: "user", content: "안녕?")]),
                             responses: [ItemResponse(model: "m1", text: "안녕하세요!"), ItemResponse(model: "m2", text: "...")])
        func judged(_ rowID: Int64, _ id: String, _ parts: ItemParts, _ judgment: PairwiseJudgment,
                    _ split: ExportSplit) -> ExportRecord {
            var record = record(rowID, id, parts.flattened, .pairwise(judgment), split: split)
            record.partsJSON = parts.json
            return record
        }
        return [
            judged(1, "q1", text, PairwiseJudgment(outcome: .left, left: "m1", right: "m2"), .train),
            judged(2, "q2", chat, PairwiseJudgment(outcome: .right, left: "m2", right: "m1"), .validation),
            judged(3, "q3", text, PairwiseJudgment(outcome: .tie, left: "m1", right: "m2"), .test),
        ].map { record in
            var record = record
            if !split { record.split = nil }
            return record
        }
    }

    /// Judgments with ratings of each response (a guide with questions), one string and one chat prompt.
    static func judgedAndRated(split: Bool = false) -> [ExportRecord] {
        let text = ItemParts(prompt: .text("2+2?"), responses: [ItemResponse(model: "m1", text: "4"),
                                                                ItemResponse(model: "m2", text: "five")])
        let chat = ItemParts(prompt: .chat([ChatTurn(role: "user", content: "안녕?")]),
                             responses: [ItemResponse(model: "m1", text: "안녕하세요!"), ItemResponse(model: "m2", text: "...")])
        func judged(_ rowID: Int64, _ id: String, _ parts: ItemParts, _ judgment: PairwiseJudgment,
                    _ ratings: [String: Int], _ split: ExportSplit) -> ExportRecord {
            let value = AnnotationValue.answers(QuestionAnswers(pairwise: judgment,
                                                                ratings: .responses(ratings.mapValues { ["quality": $0] })))
            var record = record(rowID, id, parts.flattened, value, split: split)
            record.partsJSON = parts.json
            return record
        }
        return [
            judged(1, "q1", text, PairwiseJudgment(outcome: .left, left: "m1", right: "m2"), ["m1": 5, "m2": 1], .train),
            judged(2, "q2", chat, PairwiseJudgment(outcome: .right, left: "m2", right: "m1"), ["m1": 4, "m2": 4], .validation),
            judged(3, "q3", text, PairwiseJudgment(outcome: .tie, left: "m1", right: "m2"), ["m1": 2, "m2": 3], .test),
        ].map { record in
            var record = record
            if !split { record.split = nil }
            return record
        }
    }

    static func rating(split: Bool = false) -> [ExportRecord] {
        [
            record(1, "r1", "Q: 2+2? A: 4", .answers(QuestionAnswers(ratings: .item(["correctness": 5, "clarity": 3]))),
                   split: split ? .train : nil),
            record(2, "r2", "Q: capital of Australia? A: Sydney", .answers(QuestionAnswers(ratings: .item(["correctness": 1, "clarity": 3]))),
                   split: split ? .validation : nil),
        ]
    }

    /// Rankings of three responses: a string prompt with a tie below the best, a chat with no tie.
    static func ranking(split: Bool = false) -> [ExportRecord] {
        let text = ItemParts(prompt: .text("2+2?"), responses: [ItemResponse(model: "m1", text: "4"),
                                                                ItemResponse(model: "m2", text: "five"),
                                                                ItemResponse(model: "m3", text: "22")])
        let chat = ItemParts(prompt: .chat([ChatTurn(role: "user", content: "안녕?")]),
                             responses: [ItemResponse(model: "m1", text: "안녕하세요!"), ItemResponse(model: "m2", text: "..."),
                                         ItemResponse(model: "m3", text: "hi")])
        func ranked(_ rowID: Int64, _ id: String, _ parts: ItemParts, _ groups: [[String]], _ split: ExportSplit) -> ExportRecord {
            var record = record(rowID, id, parts.flattened, .answers(QuestionAnswers(ranking: Ranking(groups: groups))),
                                split: split)
            record.partsJSON = parts.json
            return record
        }
        return [
            ranked(1, "k1", text, [["m1"], ["m3", "m2"]], .train),
            ranked(2, "k2", chat, [["m3"], ["m1"], ["m2"]], .test),
        ].map { record in
            var record = record
            if !split { record.split = nil }
            return record
        }
    }

    /// Corrections of m2's response: on a string prompt, on a chat (in Korean), and one that changed nothing.
    static func corrections(split: Bool = false) -> [ExportRecord] {
        let text = ItemParts(prompt: .text("2+2?"), responses: [ItemResponse(model: "m1", text: "4"),
                                                                ItemResponse(model: "m2", text: "It is five.")])
        let chat = ItemParts(prompt: .chat([ChatTurn(role: "user", content: "물은 몇 도에서 끓나요?")]),
                             responses: [ItemResponse(model: "m2", text: "물은 항상 90도에서 끓어요.")])
        func corrected(_ rowID: Int64, _ id: String, _ parts: ItemParts, _ into: String, _ split: ExportSplit) -> ExportRecord {
            let original = parts.response(of: "m2")!.text
            var record = record(rowID, id, parts.flattened,
                                .answers(QuestionAnswers(text: .correcting(original, model: "m2", into: into))), split: split)
            record.partsJSON = parts.json
            return record
        }
        return [
            corrected(1, "t1", text, "It is four.", .train),
            corrected(2, "t2", chat, "물은 해수면에서 100도에서 끓어요.", .validation),
            corrected(3, "t3", text, "It is five.", .test),
        ].map { record in
            var record = record
            if !split { record.split = nil }
            return record
        }
    }

    static func spans(split: Bool = false) -> [ExportRecord] {
        [
            record(1, "s1", "서울에서 만나요 🎉", .spans([
                LabeledRange(start: 0, end: 2, label: "LOC"), LabeledRange(start: 9, end: 10, label: "EMOJI"),
            ]), split: split ? .train : nil),
            record(2, "s2", "I ❤️ Seoul 🇰🇷", .spans([
                LabeledRange(start: 2, end: 4, label: "EMOJI"), LabeledRange(start: 5, end: 10, label: "LOC"),
                LabeledRange(start: 11, end: 13, label: "EMOJI"),
            ]), split: split ? .validation : nil),
            record(3, "s3", "no entities here", .spans([]), split: split ? .test : nil),
        ]
    }

    /// Runs a writer over records into a memory sink.
    static func export(_ format: ExportFormat, _ context: ExportContext, _ records: [ExportRecord]) throws -> MemorySink {
        var writer = try format.makeWriter(context: context)
        var sink = MemorySink()
        try drive(&writer, records, &sink)
        return sink
    }

    static func drive<W: ExportWriter>(_ writer: inout W, _ records: [ExportRecord], _ sink: inout MemorySink) throws {
        try writer.begin(&sink)
        for record in records { try writer.write(record, &sink) }
        try writer.end(&sink)
    }
}
