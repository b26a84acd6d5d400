import Foundation
import GlossCore

/// Reads the tasks of a Label Studio JSON export (a JSON array, streamed element by element).
///
/// - Item: the text is `data.text` (or `data.<--text-field>`); the id is `data.id` when
///   present, else the task's `id`; the other `data` members and the task's `meta` members
///   become the item's metadata.
/// - A task whose `data` has responses (`prompt` or `messages` with `response_a`/`response_b`
///   and `model_a`/`model_b`, or `responses`: `ItemPartsReader`, the shape the `label-studio`
///   export of a pairwise project writes), or the two texts `text1` and `text2` of Label
///   Studio's pairwise template (models `model1`/`model2`, else the field names; the prompt
///   `prompt`, else the text field), is an item with parts; its text is their flattening.
///   `responses` may be a `List` tag's items, `{"id", "title", "body"}` (the label-studio
///   export of a ranking project), the id naming the model (`LabelStudioRanker`).
/// - `annotations[]` (older exports: `completions[]`): the annotator is `completed_by`: an
///   object's `email` when it has one, else `ls-<id>` (Label Studio exports a user id unless
///   annotator details are asked for). `result[]` entries of type `choices` give the labels,
///   of type `labels` the spans (`value.start`, `end`, `labels`, `text`), of type `ranker` a
///   ranking (buckets `rank-1`, `rank-2`, …), of types `pairwise` and `rating` a judgment;
///   other result types (text areas, relations) are not Gloss decisions and are passed over.
///   `was_cancelled` makes a skip; `lead_time` (seconds) the active time; `updated_at`
///   (else `created_at`) the decision time.
/// - `predictions[]`: `result` as above, `score`, `model_version` → a suggestion from
///   "label-studio:<model_version>".
struct LabelStudioDecoder: JSONElementDecoder {
    let fields: ImportFields
    private var normalizer = TextNormalizer()
    private var taskNumber = 0

    init(fields: ImportFields) { self.fields = fields }

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> RecordResult {
        taskNumber += 1
        do throws(InvalidRecord) {
            return .success(try task(ForeignJSON.object(bytes, line: line), line: line))
        } catch {
            var located = error
            if !located.message.hasPrefix("task ") { located.message = "task \(taskNumber): \(located.message)" }
            return .failure(located)
        }
    }

    private mutating func task(_ object: [String: Any], line: Int) throws(InvalidRecord) -> ImportRecord {
        let taskID = ForeignJSON.identifier(object["id"])
        let location = "task \(taskNumber)" + (taskID.map { " (id \($0))" } ?? "")
        func refuse(_ message: String) -> InvalidRecord { InvalidRecord(line: line, message: "\(location): \(message)") }
        guard let data = object["data"] as? [String: Any] else { throw refuse("the task has no \"data\" object") }
        let itemID = ForeignJSON.identifier(data["id"]) ?? taskID
        let found = try Self.parts(data, textField: fields.text, refuse: refuse)
        let parts = found?.parts
        var metadata = data.filter { $0.key != fields.text && $0.key != "id" && !(found?.keys.contains($0.key) ?? false) }
        for (key, value) in object["meta"] as? [String: Any] ?? [:] where metadata[key] == nil { metadata[key] = value }
        var record = try ForeignJSON.record(line: line, id: itemID, text: parts?.flattened ?? data[fields.text],
                                            textField: "data.\(fields.text)", metadata: metadata, foreign: nil,
                                            normalizer: &normalizer, prefix: "\(location): ")
        record.partsJSON = parts?.json
        let pair = parts.flatMap { $0.responses.count >= 2 ? ($0.responses[0].model, $0.responses[1].model) : nil }
        var offsets = ForeignSpanOffsets(text: record.text)
        var foreign = ForeignTask(location: location)
        do throws(AnnotationLineError) {
            let annotationsKey = object["annotations"] != nil ? "annotations" : "completions"
            for (n, raw) in try Self.list(object, annotationsKey).enumerated() {
                guard let annotation = raw as? [String: Any] else { throw AnnotationLineError("annotation \(n + 1) is not an object") }
                foreign.annotations.append(try Self.annotation(annotation, number: n + 1, pair: pair, offsets: &offsets))
            }
            for (n, raw) in try Self.list(object, "predictions").enumerated() {
                guard let prediction = raw as? [String: Any] else { throw AnnotationLineError("prediction \(n + 1) is not an object") }
                foreign.predictions.append(try Self.prediction(prediction, number: n + 1, pair: pair, offsets: &offsets))
            }
        } catch {
            throw refuse(error.message)
        }
        record.foreign = foreign
        return record
    }

    /// The task's list under `key`, empty when the task has none; anything else there is an
    /// error rather than a task passed over as if it had no answers.
    static func list(_ object: [String: Any], _ key: String) throws(AnnotationLineError) -> [Any] {
        guard let raw = object[key] else { return [] }
        guard let list = raw as? [Any] else { throw AnnotationLineError("\"\(key)\" is not a list") }
        return list
    }

    /// The longest `lead_time` taken as a duration: a year, in seconds.
    static let longestLeadTime = 365.0 * 24 * 3600

    /// `lead_time` (seconds) in milliseconds; one that cannot be a duration (negative, not
    /// finite, over a year) is refused rather than converted (Fuzz/FuzzImportLabelStudio found
    /// 1.1e86 trapping the conversion to Int).
    static func milliseconds(leadTime raw: Any?, number: Int) throws(AnnotationLineError) -> Int? {
        guard let seconds = ForeignJSON.number(raw) else { return nil }
        guard seconds.isFinite, (0...longestLeadTime).contains(seconds) else {
            throw AnnotationLineError("annotation \(number): \"lead_time\" is \(seconds); it must be seconds between 0 and \(Int(longestLeadTime))")
        }
        return Int((seconds * 1000).rounded())
    }

    static func annotation(_ object: [String: Any], number: Int, pair: (String, String)? = nil,
                           offsets: inout ForeignSpanOffsets) throws(AnnotationLineError) -> ForeignAnnotation {
        let annotator = try Self.annotator(object["completed_by"], number: number)
        let decidedAt = ForeignJSON.date(object["updated_at"]) ?? ForeignJSON.date(object["created_at"])
        let duration = try Self.milliseconds(leadTime: object["lead_time"], number: number)
        if object["was_cancelled"] as? Bool == true {
            return ForeignAnnotation(annotator: annotator, kind: .skip, value: nil, decidedAt: decidedAt, durationMilliseconds: duration)
        }
        let value: ForeignValue
        do throws(AnnotationLineError) {
            value = try Self.value(object["result"], pair: pair, offsets: &offsets)
        } catch {
            throw AnnotationLineError("annotation \(number): \(error.message)")
        }
        return ForeignAnnotation(annotator: annotator, kind: .label, value: value, decidedAt: decidedAt, durationMilliseconds: duration)
    }

    /// The item's parts when `data` has responses, and the members they were read from; a
    /// malformed part is refused naming its field.
    static func parts(_ data: [String: Any], textField: String,
                      refuse: (String) -> InvalidRecord) throws(InvalidRecord) -> (parts: ItemParts, keys: Set<String>)? {
        var members = data.filter { ItemPartsReader.keys.contains($0.key) }
        if let listed = LabelStudioRanker.responses(fromList: members["responses"]) { members["responses"] = listed }
        var names: [String: String] = [:]
        if !data.keys.contains(where: ItemPartsReader.responseKeys.contains) {
            guard data["text1"] != nil, data["text2"] != nil else { return nil }
            let prompt = members["prompt"] != nil || members["messages"] != nil ? nil : "prompt"
            if prompt != nil, let text = data[textField] { members["prompt"] = text }
            members["responses"] = ["1", "2"].map { side in
                ["model": data["model" + side] ?? "text" + side, "text": data["text" + side] ?? NSNull()]
            }
            names = ["prompt": data["prompt"] == nil ? textField : "prompt", "responses": "text1"]
        }
        do {
            let parts = try ItemPartsReader.parts(members)
            return (parts, Set(members.keys).union(names.isEmpty ? [] : ["text1", "text2", "model1", "model2", textField]))
        } catch {
            let field = error.message.contains("needs a \"prompt\"") && !names.isEmpty ? "prompt" : names[error.member] ?? error.member
            throw refuse("data.\(field): \(error.message)")
        }
    }

    /// `completed_by`: an object's email, else `ls-<id>`.
    static func annotator(_ raw: Any?, number: Int) throws(AnnotationLineError) -> String {
        if let user = raw as? [String: Any] {
            if let email = user["email"] as? String, !email.isEmpty { return email }
            if let id = ForeignJSON.identifier(user["id"]) { return "ls-\(id)" }
        } else if let id = ForeignJSON.identifier(raw) {
            return "ls-\(id)"
        }
        throw AnnotationLineError("annotation \(number) has no \"completed_by\" (a user id, or an object with \"email\" or \"id\")")
    }

    static func prediction(_ object: [String: Any], number: Int, pair: (String, String)? = nil,
                           offsets: inout ForeignSpanOffsets) throws(AnnotationLineError) -> ForeignPrediction {
        let version = (object["model_version"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            ?? ForeignJSON.identifier(object["model_version"])
        let value: ForeignValue
        do throws(AnnotationLineError) {
            value = try Self.value(object["result"], pair: pair, offsets: &offsets)
        } catch {
            throw AnnotationLineError("prediction \(number): \(error.message)")
        }
        return ForeignPrediction(source: "label-studio" + (version.map { ":\($0)" } ?? ""), value: value,
                                 score: ForeignJSON.number(object["score"]),
                                 createdAt: ForeignJSON.date(object["updated_at"]) ?? ForeignJSON.date(object["created_at"]))
    }

    /// The labels (`choices`), spans (`labels`), ranking (`ranker`: `LabelStudioRanker`) or
    /// judgment (`pairwise`, `rating`, and on a task with two responses an `outcome` choice of
    /// tie or neither: see `LabelStudioJudgment`) of a result list; two of them at once is refused.
    static func value(_ raw: Any?, pair: (String, String)? = nil,
                      offsets: inout ForeignSpanOffsets) throws(AnnotationLineError) -> ForeignValue {
        guard let results = raw as? [Any] else { throw AnnotationLineError("\"result\" must be a list") }
        var choices: [String]?
        var spans: [LabeledRange]?
        var ranking: Ranking?
        var judgment = LabelStudioJudgment(pair: pair)
        for (n, element) in results.enumerated() {
            guard let result = element as? [String: Any], let type = result["type"] as? String else {
                throw AnnotationLineError("result \(n + 1) has no \"type\"")
            }
            let value = result["value"] as? [String: Any] ?? [:]
            if try judgment.read(result, type: type, value: value, number: n + 1) { continue }
            switch type {
            case "ranker":
                guard ranking == nil else { throw AnnotationLineError("result \(n + 1) (ranker) ranks again; an annotation ranks once") }
                ranking = try LabelStudioRanker.ranking(result, value: value, number: n + 1)
            case "choices":
                guard let names = ForeignJSON.names(value["choices"]) else {
                    throw AnnotationLineError("result \(n + 1) (choices) has no \"value.choices\" list of labels")
                }
                choices = (choices ?? []) + names.filter { !(choices ?? []).contains($0) }
            case "labels":
                guard let start = ForeignJSON.integer(value["start"]), let end = ForeignJSON.integer(value["end"]),
                      let names = ForeignJSON.names(value["labels"]), !names.isEmpty else {
                    throw AnnotationLineError("result \(n + 1) (labels) needs integer \"value.start\" and \"value.end\" and a \"value.labels\" list")
                }
                guard names.count == 1 else {
                    throw AnnotationLineError("span \(start)-\(end) has \(names.count) labels (\(names.joined(separator: ", "))); a Gloss span has one")
                }
                let span = try offsets.convert(start: start, end: end, label: names[0], expected: value["text"] as? String, utf16Fallback: true)
                spans = (spans ?? []) + [span]
            default:
                continue
            }
        }
        if choices != nil, spans != nil { throw AnnotationLineError("the result has both choices and spans; a Gloss project has one task") }
        if let ranking {
            let other = spans != nil ? "spans" : choices != nil ? "choices" : try judgment.value != nil ? "a judgment or ratings" : nil
            if let other { throw AnnotationLineError("the result has both a ranking and \(other); a Gloss project has one task") }
            return .ranking(ranking)
        }
        if let found = try judgment.value {
            if choices != nil || spans != nil {
                throw AnnotationLineError("the result has both a judgment or ratings and \(spans != nil ? "spans" : "choices"); a Gloss project has one task")
            }
            return .judgment(found)
        }
        if let spans { return .spans(spans) }
        return .choices(choices ?? [])
    }
}
