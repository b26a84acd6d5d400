import GlossCore
import GlossStore

/// What to import: one or more sources into one dataset, all or nothing.
public struct ImportRequest: Sendable {
    public var dataset: String
    public var sources: [ImportSource]
    public var fields: ImportFields
    /// Import the valid records and report the others instead of stopping at the first.
    public var skipInvalid: Bool
    /// Where another tool's annotations go (nil: they are counted, not imported).
    public var project: ImportProject?

    public init(dataset: String, sources: [ImportSource], fields: ImportFields = ImportFields(),
                skipInvalid: Bool = false, project: ImportProject? = nil) {
        self.dataset = dataset
        self.sources = sources
        self.fields = fields
        self.skipInvalid = skipInvalid
        self.project = project
    }
}

/// A file, a directory of .txt files, or "-" for standard input, with an optional format.
public struct ImportSource: Sendable {
    public var path: String
    public var format: ImportFormat?
    /// What the import log names as the source instead of the path (the demo names its
    /// built-in samples rather than the temporary file they are read from).
    public var loggedAs: String?

    public init(path: String, format: ImportFormat? = nil, loggedAs: String? = nil) {
        self.path = path
        self.format = format
        self.loggedAs = loggedAs
    }
}

/// Receives progress while an import (or a training run) goes on, from the working thread.
public protocol ImportProgress: AnyObject {
    func importProgress(source: String, bytesRead: Int64, totalBytes: Int64?, records: Int)
}
