import GlossCore

/// One input of an item import (a file, standard input, a directory), read and decoded
/// outside the store. The store pulls its records batch by batch inside the import's one
/// transaction, so an import stays atomic and its memory flat whatever the input's size.
public protocol ItemRecordSource: AnyObject {
    /// How messages and reports name the source: the path as given, or "<stdin>".
    var name: String { get }
    /// The source as the dataset's import log records it: an absolute path, or "<stdin>".
    var loggedPath: String { get }
    /// The next records in input order, or nil once the input is exhausted. Throws (an
    /// `ImportFailure`) when the input cannot be read on; the import then stores nothing.
    func nextBatch() throws -> ItemRecordBatch?
    /// What was read, once `nextBatch` has returned nil.
    var digest: ItemSourceDigest { get }
}

/// Records of one source in input order, each a record or the reason it was refused.
public struct ItemRecordBatch: Sendable {
    public var records: [RecordResult]
    /// The name a refusal cites: the file of a directory a record came from, else the source's.
    public var origin: String

    public init(records: [RecordResult], origin: String) {
        self.records = records
        self.origin = origin
    }
}

/// What a source turned out to be once read: its format, the SHA-256 of its bytes, their count.
public struct ItemSourceDigest: Sendable, Equatable {
    public var format: ImportFormat
    public var sha256: String
    public var bytes: Int64

    public init(format: ImportFormat, sha256: String, bytes: Int64) {
        self.format = format
        self.sha256 = sha256
        self.bytes = bytes
    }
}
