import Foundation
import GlossCore

/// Reads an Argilla 2.x dataset's records: the JSON array `Dataset.to_disk` writes
/// (`records.json`: `{"id", "fields", "metadata", "responses": {QUESTION: [{"value",
/// "user_id"}]}, …}`) or the flattened rows of `records.to_datasets()` / `to_list(flatten=True)`
/// as JSON Lines (fields and metadata as members, `QUESTION.responses`,
/// `QUESTION.responses.users`, `QUESTION.responses.status`).
///
/// - Item: fields named `response…` (in name order) are the responses, with `prompt` (or
///   `instruction`, `question`: a string, or a chat of `{role, content}`); the first response
///   is the left side, as Argilla shows it first. Argilla names no model: the record's
///   `models`, `model_a`/`model1`… or `model` name them when it has them (`ArgillaModels`),
///   else the field name stands for the model. Without response fields the text is `text` (or `--text-field`). The id is
///   `id`, else `_server_id`; other fields and the metadata become the item's metadata.
/// - Answers, one annotation per user (`argilla-USER_ID`): a ranking of the two responses
///   (a list of field names, best first; `{"value", "rank"}` items with equal ranks are a
///   tie) or a label naming a response, `tie` or `neither` is the judgment; an integer is a
///   rating: of the response whose field name the question's name holds (`quality_response1`:
///   criterion `quality`), else of the item (criterion: the question's name). Text answers and
///   other labels are passed over; a `discarded` response is a skip, a `draft` none.
struct ArgillaDecoder: JSONElementDecoder, ForeignLineDecoder {
    let fields: ImportFields
    private var normalizer = TextNormalizer()
    private var number = 0

    init(fields: ImportFields) { self.fields = fields }

    static let promptFields = ["prompt", "instruction", "question"]
    static let recordKeys: Set<String> = ["id", "_server_id", "status", "inserted_at", "updated_at", "vectors", "score"]

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> RecordResult {
        do throws(InvalidRecord) {
            return .success(try record(ForeignJSON.object(bytes, line: line), line: line))
        } catch {
            return .failure(error)
        }
    }

    mutating func decode(_ object: [String: Any], line: Int) throws(InvalidRecord) -> ImportRecord? {
        try record(object, line: line)
    }

    /// One answer: a question's value by a user, with the response's status when given.
    struct Answer {
        var question: String
        var value: Any
        var user: String
        var status: String?
    }

    private mutating func record(_ object: [String: Any], line: Int) throws(InvalidRecord) -> ImportRecord {
        number += 1
        let id = ForeignJSON.identifier(object["id"]) ?? ForeignJSON.identifier(object["_server_id"])
        let location = "record \(number)" + (id.map { " (id \($0))" } ?? "")
        func refuse(_ message: String) -> InvalidRecord { InvalidRecord(line: line, message: "\(location): \(message)") }
        var values: [String: Any], metadata: [String: Any], answers: [Answer]
        do throws(AnnotationLineError) {
            if let nested = object["fields"] as? [String: Any] {
                values = nested
                metadata = object["metadata"] as? [String: Any] ?? [:]
                answers = try Self.nestedAnswers(object["responses"])
            } else {
                values = object.filter { !Self.recordKeys.contains($0.key) && !$0.key.contains(".") }
                metadata = [:]
                answers = try Self.flatAnswers(object)
            }
        } catch {
            throw refuse(error.message)
        }
        let responseFields = values.keys.filter { $0.hasPrefix("response") }.sorted()
        let models = ArgillaModels.names(of: responseFields, fields: values, metadata: metadata) ?? responseFields
        var parts: ItemParts?
        if !responseFields.isEmpty {
            var members: [String: Any] = [:]
            if let name = Self.promptFields.first(where: { values[$0] != nil }) {
                members[values[name] is [Any] ? "messages" : "prompt"] = values[name]
            }
            members["responses"] = zip(responseFields, models).map { ["model": $1, "text": values[$0] ?? NSNull()] }
            do {
                parts = try ItemPartsReader.parts(members)
            } catch {
                let field = error.member == "responses" ? "fields" : "fields.\(Self.promptFields.first { values[$0] != nil } ?? "prompt")"
                throw refuse("\(field): \(error.message)")
            }
            for name in responseFields + Self.promptFields { values[name] = nil }
        }
        let textField = parts == nil ? fields.text : ""
        for (key, value) in values where key != textField && metadata[key] == nil { metadata[key] = value }
        var record = try ForeignJSON.record(line: line, id: id, text: parts?.flattened ?? values[fields.text],
                                            textField: "fields.\(fields.text)", metadata: metadata, foreign: nil,
                                            normalizer: &normalizer, prefix: "\(location): ")
        record.partsJSON = parts?.json
        do throws(AnnotationLineError) {
            record.foreign = try Self.task(answers, responses: responseFields, models: models, location: location)
        } catch {
            throw refuse(error.message)
        }
        return record
    }

    /// `{QUESTION: [{"value", "user_id", "status"?}]}`.
    static func nestedAnswers(_ raw: Any?) throws(AnnotationLineError) -> [Answer] {
        guard let raw, !(raw is NSNull) else { return [] }
        guard let byQuestion = raw as? [String: Any] else { throw AnnotationLineError("\"responses\" must be an object of questions") }
        var answers: [Answer] = []
        for question in byQuestion.keys.sorted() {
            guard let list = byQuestion[question] as? [Any] else { throw AnnotationLineError("responses.\(question) must be a list") }
            for (n, element) in list.enumerated() {
                guard let entry = element as? [String: Any], let user = ForeignJSON.identifier(entry["user_id"]) else {
                    throw AnnotationLineError("responses.\(question)[\(n)] needs a \"user_id\"")
                }
                answers.append(Answer(question: question, value: entry["value"] ?? NSNull(), user: user, status: entry["status"] as? String))
            }
        }
        return answers
    }

    /// `QUESTION.responses`, `QUESTION.responses.users`, `QUESTION.responses.status`.
    static func flatAnswers(_ object: [String: Any]) throws(AnnotationLineError) -> [Answer] {
        var answers: [Answer] = []
        for key in object.keys.filter({ $0.hasSuffix(".responses") }).sorted() {
            guard let raw = object[key], !(raw is NSNull) else { continue }
            let question = String(key.dropLast(".responses".count))
            guard let values = raw as? [Any], let users = object[key + ".users"] as? [Any], users.count == values.count else {
                throw AnnotationLineError("\"\(key)\" and \"\(key).users\" must be lists of the same length")
            }
            let statuses = object[key + ".status"] as? [Any]
            for (n, value) in values.enumerated() {
                guard let user = ForeignJSON.identifier(users[n]) else { throw AnnotationLineError("\"\(key).users\"[\(n)] is not a user id") }
                answers.append(Answer(question: question, value: value, user: user,
                                      status: statuses.flatMap { n < $0.count ? $0[n] as? String : nil }))
            }
        }
        return answers
    }

    /// Each user's answers as one annotation.
    static func task(_ answers: [Answer], responses: [String], models: [String],
                     location: String) throws(AnnotationLineError) -> ForeignTask {
        var task = ForeignTask(location: location)
        var users: [String] = []
        for answer in answers where !users.contains(answer.user) { users.append(answer.user) }
        for user in users {
            let mine = answers.filter { $0.user == user && $0.status != "draft" }
            guard !mine.isEmpty else { continue }
            let annotator = "argilla-" + user
            if mine.contains(where: { $0.status == "discarded" }) {
                task.annotations.append(ForeignAnnotation(annotator: annotator, kind: .skip, value: nil))
                continue
            }
            var judgment = ArgillaJudgment(responses: responses, models: models)
            for answer in mine { try judgment.read(answer.question, answer.value) }
            if let value = try judgment.value { task.annotations.append(ForeignAnnotation(annotator: annotator, kind: .label, value: .judgment(value))) }
        }
        return task
    }
}

/// Argilla answers as a stream of records: a JSON array (`records.json`) or JSON Lines,
/// told by the first byte that is not blank.
struct ArgillaStream: RecordStream {
    private var array: JSONArrayReader<ArgillaDecoder>?
    private var lines: ForeignLinesStream<ArgillaDecoder>?
    private let fields: ImportFields
    /// White space read before the first other byte, which decides the reader: handed to
    /// it first, so its line and column numbers count those lines too.
    private var leadingSpace: [UInt8] = []

    init(fields: ImportFields) { self.fields = fields }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (RecordResult) throws -> Void) throws {
        if array == nil && lines == nil {
            guard let first = chunk.first(where: { !JSONArrayStream.isSpace($0) }) else {
                leadingSpace += chunk
                return
            }
            if first == UInt8(ascii: "[") { array = JSONArrayReader(decoder: ArgillaDecoder(fields: fields)) } else {
                lines = ForeignLinesStream(decoder: ArgillaDecoder(fields: fields))
            }
            try feedLeadingSpace(emit)
        }
        try array?.feed(chunk, emit)
        try lines?.feed(chunk, emit)
    }

    mutating func finish(_ emit: (RecordResult) throws -> Void) throws {
        if array == nil && lines == nil {
            array = JSONArrayReader(decoder: ArgillaDecoder(fields: fields))
            try feedLeadingSpace(emit)
        }
        try array?.finish(emit)
        try lines?.finish(emit)
    }

    private mutating func feedLeadingSpace(_ emit: (RecordResult) throws -> Void) throws {
        guard !leadingSpace.isEmpty else { return }
        let space = leadingSpace
        leadingSpace = []
        try space.withUnsafeBufferPointer { buffer in
            try array?.feed(buffer, emit)
            try lines?.feed(buffer, emit)
        }
    }
}
