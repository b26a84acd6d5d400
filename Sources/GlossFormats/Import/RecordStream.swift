import GlossCore

/// A format's parser: fed the input in chunks, it emits each record or each refusal.
public protocol RecordStream {
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (RecordResult) throws -> Void) throws
    mutating func finish(_ emit: (RecordResult) throws -> Void) throws
}

/// JSON Lines: one object per line; blank lines are not records.
public struct JSONLinesStream: RecordStream {
    private var lines = LineSplitter()
    private var decoder: JSONRecordDecoder

    public init(fields: ImportFields) { decoder = JSONRecordDecoder(fields: fields) }

    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (RecordResult) throws -> Void) throws {
        var decoder = JSONRecordDecoder(fields: self.decoder.fields)
        swap(&decoder, &self.decoder)
        defer { swap(&decoder, &self.decoder) }
        try lines.feed(chunk) { line, number in
            if LineSplitter.isBlank(line) { return }
            try emit(decoder.decode(line, line: number))
        }
    }

    public mutating func finish(_ emit: (RecordResult) throws -> Void) throws {
        var decoder = self.decoder
        try lines.finish { line, number in
            if LineSplitter.isBlank(line) { return }
            try emit(decoder.decode(line, line: number))
        }
    }
}

/// Plain text: each non-blank line is an item's text (labels only via a separator is not
/// offered: a text file has no fields).
public struct TextLinesStream: RecordStream {
    private var lines = LineSplitter()
    private var normalizer = TextNormalizer()

    public init() {}

    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (RecordResult) throws -> Void) throws {
        var normalizer = TextNormalizer()
        swap(&normalizer, &self.normalizer)
        defer { swap(&normalizer, &self.normalizer) }
        try lines.feed(chunk) { line, number in
            if LineSplitter.isBlank(line) { return }
            try emit(Self.record(line, line: number, normalizer: &normalizer))
        }
    }

    public mutating func finish(_ emit: (RecordResult) throws -> Void) throws {
        var normalizer = self.normalizer
        try lines.finish { line, number in
            if LineSplitter.isBlank(line) { return }
            try emit(Self.record(line, line: number, normalizer: &normalizer))
        }
    }

    /// One item from a whole text (a line, or a file of a directory import).
    public static func record(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, id: String? = nil, normalizer: inout TextNormalizer) -> RecordResult {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = UTF8Validation.firstInvalidOffset(bytes) ?? 0
            return .failure(JSONRecordDecoder.locate(offset: offset, in: bytes, line: line, message: "invalid UTF-8 (the file must be UTF-8)"))
        }
        guard let hash = normalizer.contentHash(of: text) else {
            return .failure(InvalidRecord(line: line, message: "the text is empty"))
        }
        return .success(ImportRecord(line: line, externalID: id, text: text, labels: [], metadataJSON: nil, contentHash: hash))
    }
}

/// CSV or TSV with a header row.
struct DelimitedStream: RecordStream {
    private var parser: CSVParser
    private var decoder: CSVRecordDecoder

    init(delimiter: UInt8, fields: ImportFields) {
        parser = CSVParser(delimiter: delimiter)
        decoder = CSVRecordDecoder(fields: fields)
    }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (RecordResult) throws -> Void) throws {
        var decoder = CSVRecordDecoder(fields: self.decoder.fields)
        swap(&decoder, &self.decoder)
        defer { swap(&decoder, &self.decoder) }
        try parser.feed(chunk) { row in try Self.forward(row, &decoder, emit) }
    }

    mutating func finish(_ emit: (RecordResult) throws -> Void) throws {
        var decoder = self.decoder
        try parser.finish { row in try Self.forward(row, &decoder, emit) }
    }

    private static func forward(
        _ row: Result<CSVParser.Row, InvalidRecord>, _ decoder: inout CSVRecordDecoder, _ emit: (RecordResult) throws -> Void
    ) throws {
        // Without a header the columns are unknown: an error before it is read stops the
        // import even with --skip-invalid, rather than taking the next row as the header.
        switch row {
        case .failure(var error):
            if !decoder.hasHeader { error.isFatal = true }
            try emit(.failure(error))
        case .success(let row):
            guard var result = decoder.decode(row) else { return }
            if case .failure(var error) = result, !decoder.hasHeader {
                error.isFatal = true
                result = .failure(error)
            }
            try emit(result)
        }
    }
}
