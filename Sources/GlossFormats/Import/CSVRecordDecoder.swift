import GlossCore

/// Turns CSV/TSV rows into records: the first row names the columns; the text, id and label
/// columns are picked by name and every other column becomes a metadata string.
struct CSVRecordDecoder: Sendable {
    let fields: ImportFields
    private var header: [String]?
    private var textIndex = 0
    private var idIndex: Int?
    private var labelIndex: Int?
    private var normalizer = TextNormalizer()
    private var metadata: [UInt8] = []

    init(fields: ImportFields) {
        self.fields = fields
    }

    /// Whether the header row has been read.
    var hasHeader: Bool { header != nil }

    /// Consumes one row: the header (returns nil) or a data row.
    mutating func decode(_ row: CSVParser.Row) -> RecordResult? {
        guard let header else {
            do throws(InvalidRecord) { try readHeader(row) } catch { return .failure(error) }
            return nil
        }
        guard row.count == header.count else {
            return .failure(InvalidRecord(
                line: row.line,
                message: "the row has \(row.count) field\(row.count == 1 ? "" : "s") but the header has \(header.count)"))
        }
        var values: [String] = []
        values.reserveCapacity(row.count)
        for i in 0..<row.count {
            guard let value = row.string(i) else {
                return .failure(InvalidRecord(line: row.line, message: "invalid UTF-8 in column \"\(header[i])\" (the file must be UTF-8)"))
            }
            values.append(value)
        }
        let text = values[textIndex]
        guard let hash = normalizer.contentHash(of: text) else {
            return .failure(InvalidRecord(line: row.line, message: "the \"\(fields.text)\" column is empty"))
        }
        let id = idIndex.map { values[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        var labels: [String] = []
        if let labelIndex {
            do throws(LabelCellError) {
                labels = try Self.splitLabels(values[labelIndex], separator: fields.labelSeparator)
            } catch {
                return .failure(InvalidRecord(line: row.line, message: "the \"\(header[labelIndex])\" column: \(error.message)"))
            }
        }
        metadata.removeAll(keepingCapacity: true)
        for i in 0..<values.count where i != textIndex && i != idIndex && i != labelIndex {
            metadata.append(metadata.isEmpty ? UInt8(ascii: "{") : UInt8(ascii: ","))
            JSONString.appendLiteral(header[i], to: &metadata)
            metadata.append(UInt8(ascii: ":"))
            JSONString.appendLiteral(values[i], to: &metadata)
        }
        let metadataJSON = metadata.isEmpty ? nil : String(decoding: metadata + [UInt8(ascii: "}")], as: UTF8.self)
        return .success(ImportRecord(line: row.line, externalID: id, text: text, labels: labels,
                                     metadataJSON: metadataJSON, contentHash: hash))
    }

    private mutating func readHeader(_ row: CSVParser.Row) throws(InvalidRecord) {
        var names: [String] = []
        for i in 0..<row.count {
            guard let name = row.string(i) else {
                throw InvalidRecord(line: row.line, message: "invalid UTF-8 in the header row (the file must be UTF-8)", isFatal: true)
            }
            let trimmed = name.trimmingASCIIWhitespace()
            if names.contains(trimmed) {
                throw InvalidRecord(line: row.line, message: "the header names the column \"\(trimmed)\" twice", isFatal: true)
            }
            names.append(trimmed)
        }
        guard let text = names.firstIndex(of: fields.text) else {
            throw InvalidRecord(
                line: row.line,
                message: "the header has no column \"\(fields.text)\" (it has \(names.map { "\"\($0)\"" }.joined(separator: ", "))); name the text column with --text-field",
                isFatal: true)
        }
        textIndex = text
        idIndex = names.firstIndex(of: fields.id)
        if let label = fields.label {
            guard let index = names.firstIndex(of: label) else {
                throw InvalidRecord(line: row.line, message: "the header has no column \"\(label)\" for --label-field", isFatal: true)
            }
            labelIndex = index
        }
        header = names
    }

    /// A label cell, read by the rule of a JSONL label field: a cell in brackets is a JSON
    /// list (`["a","b"]`) whose elements are strings, numbers or booleans, and one that is
    /// not is refused (it is not taken as one odd label); empty labels and repeats drop out.
    /// Any other cell is a list split on the separator, or one label.
    static func splitLabels(_ cell: String, separator: String?) throws(LabelCellError) -> [String] {
        let trimmed = cell.trimmingASCIIWhitespace()
        if trimmed.isEmpty { return [] }
        if trimmed.hasPrefix("["), trimmed.hasSuffix("]") { return try jsonLabelList(trimmed) }
        guard let separator, !separator.isEmpty else { return [trimmed] }
        return unique(trimmed.split(separator: separator).map { String($0).trimmingASCIIWhitespace() }.filter { !$0.isEmpty })
    }

    private static func jsonLabelList(_ cell: String) throws(LabelCellError) -> [String] {
        var bytes = Array(cell.utf8)
        return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(LabelCellError) -> [String] in
            let b = UnsafeBufferPointer(buffer)
            var scanner = JSONScanner(b)
            var ranges: [Range<Int>] = []
            guard (try? scanner.scanArray { ranges.append($0) }) != nil, (try? scanner.expectEnd()) != nil else {
                throw LabelCellError("invalid label list (a cell in brackets must be a JSON list such as [\"a\",\"b\"])")
            }
            var labels: [String] = []
            for r in ranges {
                let first = b[r.lowerBound]
                let label: String
                switch first {
                case UInt8(ascii: "\""):
                    guard let text = try? JSONString.decode(b, r, hasEscapes: b[r].contains(UInt8(ascii: "\\"))) else {
                        throw LabelCellError("invalid string in the label list")
                    }
                    label = text
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"):
                    label = String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
                default:
                    throw LabelCellError("the labels must be strings or numbers, not \(JSONRecordDecoder.kind(of: first))")
                }
                if !label.isEmpty, !labels.contains(label) { labels.append(label) }
            }
            return labels
        }
    }

    static func unique(_ labels: [String]) -> [String] {
        var out: [String] = []
        for label in labels where !out.contains(label) { out.append(label) }
        return out
    }
}

/// Why a label cell was refused (the decoder adds the row and the column).
struct LabelCellError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
