import Foundation
import GlossCore

/// Turns the bytes of one JSON object (a JSONL line or a JSON array element) into a record.
///
/// Only the text, id and label fields are decoded; every other member is copied byte for
/// byte into the metadata object, so no JSON is re-serialized on the hot path.
struct JSONRecordDecoder: Sendable {
    let fields: ImportFields
    private let textKey: [UInt8]
    private let idKey: [UInt8]
    private let labelKey: [UInt8]?
    private var normalizer = TextNormalizer()
    private var metadata: [UInt8] = []
    /// The members that are neither text, id nor label, in order, and whether each is an
    /// item part (`prompt`, `responses`, …: see `ItemPartsReader`).
    private var others: [(range: Range<Int>, value: Range<Int>, part: String?)] = []

    init(fields: ImportFields) {
        self.fields = fields
        textKey = Array(fields.text.utf8)
        idKey = Array(fields.id.utf8)
        labelKey = fields.label.map { Array($0.utf8) }
        metadata.reserveCapacity(1024)
    }

    private enum Role { case text, id, label, other }

    /// Decodes the object in `bytes`, which starts on 1-based line `line`.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> RecordResult {
        do throws(InvalidRecord) {
            return .success(try decodeOrThrow(bytes, line: line))
        } catch {
            return .failure(error)
        }
    }

    private mutating func decodeOrThrow(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(InvalidRecord) -> ImportRecord {
        func located(_ offset: Int, _ message: String) -> InvalidRecord {
            Self.locate(offset: offset, in: bytes, line: line, message: message)
        }
        var scanner = JSONScanner(bytes)
        var text: String?
        var id: String?
        var labels: [String] = []
        var seen: (text: Bool, id: Bool, label: Bool) = (false, false, false)
        metadata.removeAll(keepingCapacity: true)
        metadata.append(UInt8(ascii: "{"))
        others.removeAll(keepingCapacity: true)
        do {
            try scanner.scanObjectMembers { member in
                let role = try role(of: member, in: bytes)
                switch role {
                case .text:
                    if seen.text { throw located(member.key.lowerBound, "the field \"\(fields.text)\" appears twice") }
                    seen.text = true
                    guard bytes[member.value.lowerBound] == UInt8(ascii: "\"") else {
                        throw located(member.value.lowerBound,
                                      "the field \"\(fields.text)\" must be a string, not \(Self.kind(of: bytes[member.value.lowerBound]))")
                    }
                    text = try decodeString(bytes, member.value, line: line)
                case .id:
                    if seen.id { throw located(member.key.lowerBound, "the field \"\(fields.id)\" appears twice") }
                    seen.id = true
                    id = try scalarText(bytes, member.value, line: line, field: fields.id, allowNull: true)
                    if id?.isEmpty == true { id = nil }
                case .label:
                    if seen.label { throw located(member.key.lowerBound, "the field \"\(fields.label ?? "")\" appears twice") }
                    seen.label = true
                    labels = try labelList(bytes, member.value, line: line)
                case .other:
                    if metadata.count > 1 { metadata.append(UInt8(ascii: ",")) }
                    metadata.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[member.key.lowerBound..<member.value.upperBound]))
                    others.append((member.key.lowerBound..<member.value.upperBound, member.value, partKey(of: member, in: bytes)))
                }
            }
            try scanner.expectEnd()
        } catch let failure as JSONScanner.Failure {
            throw located(failure.offset, "invalid JSON: \(failure.message)")
        } catch let error as InvalidRecord {
            throw error
        } catch {
            throw InvalidRecord(line: line, message: "\(error)")
        }
        var partsJSON: String?
        let hasResponses = others.contains { $0.part.map(ItemPartsReader.responseKeys.contains) ?? false }
        if text == nil, others.contains(where: { $0.part != nil }) {
            let parts = try readParts(bytes, line: line)
            text = parts.flattened
            partsJSON = parts.json
        } else if hasResponses, let response = others.first(where: { $0.part.map(ItemPartsReader.responseKeys.contains) ?? false }) {
            throw located(response.range.lowerBound, "the record has both \"\(fields.text)\" and \"\(response.part ?? "")\"; an item "
                          + "with responses takes its text from its \"prompt\" or \"messages\": leave out \"\(fields.text)\"")
        }
        guard let text else {
            throw InvalidRecord(line: line, message: "the record has no \"\(fields.text)\" field (name the text field with --text-field)")
        }
        guard let hash = normalizer.contentHash(of: text) else {
            throw InvalidRecord(line: line, message: "the \"\(fields.text)\" field is empty")
        }
        var metadataJSON: String?
        if metadata.count > 1 {
            metadata.append(UInt8(ascii: "}"))
            guard let json = String(validating: metadata, as: UTF8.self) else {
                let bad = metadata.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } ?? 0
                let offset = Self.offsetOfInvalidUTF8(in: bytes) ?? bad
                throw located(offset, "invalid UTF-8 (the file must be UTF-8)")
            }
            metadataJSON = json
        }
        return ImportRecord(line: line, externalID: id, text: text, labels: labels, metadataJSON: metadataJSON,
                            contentHash: hash, partsJSON: partsJSON)
    }

    /// The name of an item-part member (`prompt`, `responses`, …), nil for any other.
    private func partKey(of member: JSONScanner.Member, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard member.key.count <= 14 else { return nil }
        let name = member.keyHasEscapes
            ? (try? JSONString.decode(bytes, member.key, hasEscapes: true)) ?? ""
            : String(decoding: UnsafeBufferPointer(rebasing: bytes[(member.key.lowerBound + 1)..<(member.key.upperBound - 1)]),
                     as: UTF8.self)
        return ItemPartsReader.keys.contains(name) ? name : nil
    }

    /// Reads the record's parts and takes their members out of the metadata (rebuilt from
    /// the other members, in order).
    private mutating func readParts(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(InvalidRecord) -> ItemParts {
        var members: [String: Any] = [:]
        var offsets: [String: Int] = [:]
        for other in others {
            guard let key = other.part else { continue }
            let data = Data(UnsafeBufferPointer(rebasing: bytes[other.value]))
            guard let value = FoundationJSON.object(data, options: [.fragmentsAllowed]) else {
                throw Self.locate(offset: other.value.lowerBound, in: bytes, line: line, message: "\"\(key)\" is not valid JSON")
            }
            members[key] = value
            offsets[key] = other.value.lowerBound
        }
        let parts: ItemParts
        do {
            parts = try ItemPartsReader.parts(members)
        } catch {
            throw Self.locate(offset: offsets[error.member] ?? 0, in: bytes, line: line, message: error.message)
        }
        metadata.removeAll(keepingCapacity: true)
        metadata.append(UInt8(ascii: "{"))
        for other in others where other.part == nil {
            if metadata.count > 1 { metadata.append(UInt8(ascii: ",")) }
            metadata.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[other.range]))
        }
        return parts
    }

    private func role(of member: JSONScanner.Member, in bytes: UnsafeBufferPointer<UInt8>) throws -> Role {
        let inner = (member.key.lowerBound + 1)..<(member.key.upperBound - 1)
        func matches(_ key: [UInt8]) -> Bool {
            if member.keyHasEscapes {
                guard let name = try? JSONString.decode(bytes, member.key, hasEscapes: true) else { return false }
                return Array(name.utf8) == key
            }
            guard inner.count == key.count else { return false }
            return key.withUnsafeBufferPointer { k in
                k.elementsEqual(UnsafeBufferPointer(rebasing: bytes[inner]))
            }
        }
        if matches(textKey) { return .text }
        if matches(idKey) { return .id }
        if let labelKey, matches(labelKey) { return .label }
        return .other
    }

    private func decodeString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int) throws(InvalidRecord) -> String {
        var hasEscapes = false
        for i in range where bytes[i] == UInt8(ascii: "\\") { hasEscapes = true; break }
        do {
            return try JSONString.decode(bytes, range, hasEscapes: hasEscapes)
        } catch {
            throw Self.locate(offset: error.offset, in: bytes, line: line, message: error.message)
        }
    }

    /// A string, number or boolean as text; nil for null when allowed.
    private func scalarText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, field: String, allowNull: Bool) throws(InvalidRecord) -> String? {
        let first = bytes[range.lowerBound]
        switch first {
        case UInt8(ascii: "\""): return try decodeString(bytes, range, line: line)
        case UInt8(ascii: "n") where allowNull: return nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"):
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        default:
            throw Self.locate(offset: range.lowerBound, in: bytes, line: line,
                              message: "the field \"\(field)\" must be a string or a number, not \(Self.kind(of: first))")
        }
    }

    private func labelList(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int) throws(InvalidRecord) -> [String] {
        let field = fields.label ?? ""
        guard bytes[range.lowerBound] == UInt8(ascii: "[") else {
            let label = try scalarText(bytes, range, line: line, field: field, allowNull: true) ?? ""
            return label.isEmpty ? [] : [label]
        }
        var elements: [Range<Int>] = []
        var scanner = JSONScanner(bytes, from: range.lowerBound)
        do { try scanner.scanArray { elements.append($0) } } catch {
            throw Self.locate(offset: range.lowerBound, in: bytes, line: line, message: "invalid label list")
        }
        var labels: [String] = []
        for element in elements {
            if let label = try scalarText(bytes, element, line: line, field: field, allowNull: false),
               !label.isEmpty, !labels.contains(label) { labels.append(label) }
        }
        return labels
    }

    static func kind(of first: UInt8) -> String {
        switch first {
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "a list"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
    }

    static func offsetOfInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        UTF8Validation.firstInvalidOffset(bytes)
    }

    /// Converts a byte offset in a (possibly multi-line) record into line and column.
    static func locate(offset: Int, in bytes: UnsafeBufferPointer<UInt8>, line: Int, message: String) -> InvalidRecord {
        var lineNumber = line
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            lineNumber += 1
            lineStart = i + 1
        }
        let lineBytes = UnsafeBufferPointer(rebasing: bytes[lineStart..<bytes.count])
        let column = UTF8Validation.column(ofByte: offset - lineStart, in: lineBytes)
        return InvalidRecord(line: lineNumber, column: column, message: message)
    }
}
