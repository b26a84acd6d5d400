import GlossCore
import GlossFormats
import GlossStore
import GlossTasks

extension GlossDatabase {
    /// Imports the decisions (and adjudications) of a JSONL file (`path`, or "-" for standard
    /// input) into a project, all lines or none: the file is read and each line parsed as the
    /// store's transaction takes them, so memory stays flat whatever the file's size. A line
    /// too long to read or an unreadable file reach the store as errors, which it reports.
    public func importAnnotations(project: String, from path: String) throws -> AnnotationImportReport {
        let source = try ByteSource(path: path)
        return try importAnnotations(project: project, source: source.displayName, rules: TaskKinds.valueRules) { take in
            var splitter = LineSplitter()
            func handle(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Int) throws {
                guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
                let text = String(decoding: bytes, as: UTF8.self)
                let record = Result { () throws(AnnotationLineError) in try AnnotationRecord.parse(text) }
                try take(AnnotationLine(number: line, record: record))
            }
            _ = try source.forEachChunk { chunk in try splitter.feed(chunk, handle) }
            try splitter.finish(handle)
        }
    }
}
