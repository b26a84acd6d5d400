import Foundation
import GlossCore
import GlossStore
import GlossTasks

extension GlossDatabase {
    /// Reads and decodes every source of `request` (files and standard input on a reader
    /// thread each, directories file by file) while the store writes their records into the
    /// dataset in one transaction: all valid records are stored, or nothing.
    public func importItems(_ request: ImportRequest, progress: ImportProgress? = nil) throws -> ImportReport {
        let sources: [any ItemRecordSource] = request.sources.map { source in
            if source.format == .directory || Self.isDirectory(source.path) {
                return DirectoryRecordSource(path: source.path)
            }
            return StreamRecordSource(path: source.path, format: source.format, fields: request.fields,
                                      progress: progress, loggedAs: source.loggedAs)
        }
        defer {
            for case let stream as StreamRecordSource in sources { stream.close() }
        }
        let settings = ItemImportSettings(
            dataset: request.dataset, fields: request.fields, skipInvalid: request.skipInvalid,
            project: request.project, foreign: request.sources.contains { $0.format?.isForeign == true },
            foreignAnswers: { TaskKinds.kind(for: $0).foreignAnswers })
        return try importItems(settings, from: sources)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard path != "-" else { return false }
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
