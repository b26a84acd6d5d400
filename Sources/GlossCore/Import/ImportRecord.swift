/// Which fields of the input hold the text, the id and the reference labels.
public struct ImportFields: Sendable, Equatable {
    public var text: String
    public var id: String
    public var label: String?
    /// Splits a label cell of CSV, TSV or text input into several labels (e.g. "|").
    public var labelSeparator: String?
    /// Who made the annotations of another tool's file that does not name them (Prodigy, doccano).
    public var annotator: String?

    public init(text: String = "text", id: String = "id", label: String? = nil, labelSeparator: String? = nil,
                annotator: String? = nil) {
        self.text = text
        self.id = id
        self.label = label
        self.labelSeparator = labelSeparator
        self.annotator = annotator
    }
}

/// One valid input record, ready to store.
public struct ImportRecord: Sendable, Equatable {
    /// 1-based line of the file where the record starts.
    public var line: Int
    /// The id from the data; nil asks the store to derive one from the content hash.
    public var externalID: String?
    public var text: String
    public var labels: [String]
    /// The remaining fields as a JSON object, or nil when there are none.
    public var metadataJSON: String?
    public var contentHash: ContentHash
    /// The annotations and predictions another tool's record carried (Label Studio, Prodigy, doccano).
    public var foreign: ForeignTask?
    /// The item's parts (prompt or chat, and model responses) as canonical JSON
    /// (`ItemParts.json`), when it has them; `text` is then their flattening.
    public var partsJSON: String?

    public init(line: Int, externalID: String?, text: String, labels: [String], metadataJSON: String?,
                contentHash: ContentHash,
                foreign: ForeignTask? = nil, partsJSON: String? = nil) {
        self.line = line
        self.externalID = externalID
        self.text = text
        self.labels = labels
        self.metadataJSON = metadataJSON
        self.contentHash = contentHash
        self.foreign = foreign
        self.partsJSON = partsJSON
    }

    /// The id used when the data has none: stable across re-imports and input order.
    public var effectiveID: String { externalID ?? String(contentHash.hex.prefix(16)) }
}

/// A record that cannot be imported, located by line and (where known) column.
public struct InvalidRecord: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int?
    public var message: String
    /// When true the input cannot be read past this point, even with --skip-invalid.
    public var isFatal: Bool

    public init(line: Int, column: Int? = nil, message: String, isFatal: Bool = false) {
        self.line = line
        self.column = column
        self.message = message
        self.isFatal = isFatal
    }

    /// "LINE:COL: message" or "LINE: message".
    public var description: String {
        if let column { return "\(line):\(column): \(message)" }
        return "\(line): \(message)"
    }
}

/// Either a record or the reason it was refused.
public typealias RecordResult = Result<ImportRecord, InvalidRecord>
