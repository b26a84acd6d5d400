import GlossCore

/// What the bytes and the name of an input say about its format, and the parser for each.
extension ImportFormat {
    /// The format a file name implies, or nil when its extension says nothing.
    public static func fromExtension(of path: String) -> ImportFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "jsonl", "ndjson", "jsonlines": return .jsonl
        case "json": return .json
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "txt", "text": return .text
        default: return nil
        }
    }

    /// The format the first non-blank byte of an input's first chunk suggests.
    public static func sniff(_ chunk: UnsafeBufferPointer<UInt8>) -> ImportFormat? {
        sniff(firstByte: chunk.first { !JSONArrayStream.isSpace($0) })
    }

    /// The format the first non-blank byte suggests: '[' a JSON array, '{' JSON Lines.
    static func sniff(firstByte: UInt8?) -> ImportFormat? {
        switch firstByte {
        case UInt8(ascii: "["): .json
        case UInt8(ascii: "{"): .jsonl
        default: nil
        }
    }

    /// A parser for this format. A directory is read file by file instead, each file one item
    /// (`TextLinesStream.record`); asked for a stream, it gets the text one.
    public func makeStream(fields: ImportFields) -> any RecordStream {
        switch self {
        case .jsonl: JSONLinesStream(fields: fields)
        case .json: JSONArrayStream(fields: fields)
        case .csv: DelimitedStream(delimiter: UInt8(ascii: ","), fields: fields)
        case .tsv: DelimitedStream(delimiter: 0x09, fields: fields)
        case .text, .directory: TextLinesStream()
        case .labelStudio: JSONArrayReader(decoder: LabelStudioDecoder(fields: fields))
        case .prodigy: ForeignLinesStream(decoder: ProdigyDecoder(fields: fields))
        case .doccano: ForeignLinesStream(decoder: DoccanoDecoder(fields: fields))
        case .argilla: ArgillaStream(fields: fields)
        }
    }
}
