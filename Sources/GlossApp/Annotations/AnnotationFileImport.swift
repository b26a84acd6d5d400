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
                // A line that is not UTF-8 is refused, not read with U+FFFD in place of its bytes.
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    let column = (UTF8Validation.firstInvalidOffset(bytes) ?? 0) + 1
                    let error = AnnotationLineError("invalid UTF-8 at byte \(column) (the file must be UTF-8)")
                    return try take(AnnotationLine(number: line, record: .failure(error)))
                }
                let record = Result { () throws(AnnotationLineError) in try AnnotationRecord.parse(text) }
                try take(AnnotationLine(number: line, record: record))
            }
            _ = try source.forEachChunk { chunk in try splitter.feed(chunk, handle) }
            try splitter.finish(handle)
        }
    }
}
