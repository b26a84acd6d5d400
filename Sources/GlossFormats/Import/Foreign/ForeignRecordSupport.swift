import Foundation
import GlossCore

/// Decodes one record of another tool's JSON Lines export (Prodigy, doccano).
protocol ForeignLineDecoder {
    mutating func decode(_ object: [String: Any], line: Int) throws(InvalidRecord) -> ImportRecord?
}

/// Another tool's JSON Lines export, line by line: each line is parsed as a JSON object and
/// handed to the decoder; blank lines are not records.
struct ForeignLinesStream<Decoder: ForeignLineDecoder>: RecordStream {
    private var lines = LineSplitter()
    private var decoder: Decoder

    init(decoder: Decoder) { self.decoder = decoder }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (RecordResult) throws -> Void) throws {
        var decoder = self.decoder
        defer { self.decoder = decoder }
        try lines.feed(chunk) { line, number in try Self.handle(line, number, &decoder, emit) }
    }

    mutating func finish(_ emit: (RecordResult) throws -> Void) throws {
        var decoder = self.decoder
        defer { self.decoder = decoder }
        try lines.finish { line, number in try Self.handle(line, number, &decoder, emit) }
    }

    private static func handle(_ bytes: UnsafeBufferPointer<UInt8>, _ number: Int, _ decoder: inout Decoder,
                               _ emit: (RecordResult) throws -> Void) throws {
        if LineSplitter.isBlank(bytes) { return }
        let result: RecordResult?
        do throws(InvalidRecord) {
            let object = try ForeignJSON.object(bytes, line: number)
            result = try decoder.decode(object, line: number).map { .success($0) }
        } catch {
            result = .failure(error)
        }
        if let result { try emit(result) }
    }
}

/// Helpers shared by the decoders of other tools' exports.
enum ForeignJSON {
    /// The bytes as a JSON object, or a located refusal.
    static func object(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(InvalidRecord) -> [String: Any] {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let offset = UTF8Validation.firstInvalidOffset(bytes) ?? 0
            throw JSONRecordDecoder.locate(offset: offset, in: bytes, line: line, message: "invalid UTF-8 (the file must be UTF-8)")
        }
        let parsed = FoundationJSON.object(Data(buffer: bytes), options: [.fragmentsAllowed])
        guard let parsed else { throw InvalidRecord(line: line, message: "invalid JSON: the record is not a JSON object") }
        guard let object = parsed as? [String: Any] else {
            throw InvalidRecord(line: line, message: "the record is not a JSON object")
        }
        return object
    }

    /// A string or an integer id as text; nil when absent, null or empty.
    static func identifier(_ raw: Any?) -> String? {
        AnnotationRecord.identifier(raw)
    }

    /// A JSON object of the given members (sorted keys, so the same input gives the same
    /// bytes), or nil with none.
    static func metadataJSON(_ members: [String: Any]) -> String? {
        guard !members.isEmpty,
              let data = try? JSONSerialization.data(withJSONObject: members, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The item's record, with its content hash; refused when the text is missing or empty.
    static func record(line: Int, id: String?, text: Any?, textField: String, metadata: [String: Any], foreign: ForeignTask?,
                       normalizer: inout TextNormalizer, prefix: String = "") throws(InvalidRecord) -> ImportRecord {
        guard let raw = text, !(raw is NSNull) else {
            throw InvalidRecord(line: line, message: "\(prefix)the record has no \"\(textField)\" field (name the text field with --text-field)")
        }
        guard let text = raw as? String else { throw InvalidRecord(line: line, message: "\(prefix)the field \"\(textField)\" must be a string") }
        guard let hash = normalizer.contentHash(of: text) else {
            throw InvalidRecord(line: line, message: "\(prefix)the \"\(textField)\" field is empty")
        }
        return ImportRecord(line: line, externalID: id, text: text, labels: [], metadataJSON: metadataJSON(metadata), contentHash: hash, foreign: foreign)
    }

    static func integer(_ raw: Any?) -> Int? { AnnotationRecord.integer(raw) }

    static func number(_ raw: Any?) -> Double? {
        guard let number = raw as? NSNumber, !AnnotationRecord.isBoolean(number) else { return nil }
        return number.doubleValue
    }

    /// A date from ISO 8601 text (any number of fractional digits) or Unix seconds.
    static func date(_ raw: Any?) -> Date? {
        if let seconds = number(raw) { return Date(timeIntervalSince1970: seconds) }
        guard var text = raw as? String else { return nil }
        if let date = ISODate.parse(text) { return date }
        // "2021-03-09T22:16:08.728353Z": keep milliseconds, which the formatter reads.
        if let dot = text.firstIndex(of: "."), let end = text[dot...].firstIndex(where: { !$0.isNumber && $0 != "." }) {
            let digits = text[text.index(after: dot)..<end]
            if digits.count > 3 { text.replaceSubrange(text.index(dot, offsetBy: 4)..<end, with: "") }
            return ISODate.parse(text)
        }
        return nil
    }

    /// Label names from a list of strings or numbers (doccano and Prodigy option ids may be integers).
    static func names(_ raw: Any?) -> [String]? {
        guard let list = raw as? [Any] else { return nil }
        var names: [String] = []
        for element in list {
            guard let name = identifier(element) else { return nil }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }
}
