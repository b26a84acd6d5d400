import Foundation
import GlossCore
import GlossFormats
import GlossStore

/// `gloss predict`: a model's values for the texts of a JSONL input or of a stored dataset,
/// one JSON line each in input order (`PredictionLines`).
public enum PredictionRun {
    /// Predicts every line of a JSONL file (`-`: standard input) as it arrives: after each
    /// read from a pipe or a terminal the answers go out at once, from a regular file in
    /// large writes. A bad line stops it after the answers to the lines before it went out.
    public static func predict(file: String, fields: ImportFields, output: PredictionLines) throws {
        do { try predictLines(file, fields: fields, output: output) } catch {
            try? output.flush()  // the lines answered before the bad one
            throw error
        }
        try output.flush()
    }

    /// Predicts every item of a stored dataset, in item order.
    public static func predict(dataset: String, database: GlossDatabase, interactive: Bool,
                               output: PredictionLines) throws {
        try database.forEachItem(dataset: dataset, batchSize: 500) { batch in
            for item in batch { output.predict(id: item.externalID, text: item.text) }
            if interactive { try output.flush() } else { try output.flushIfLarge() }
        }
        try output.flush()
    }

    private static func predictLines(_ file: String, fields: ImportFields, output: PredictionLines) throws {
        let name = file == "-" ? "<stdin>" : file
        do {
            try predictLines(file, name: name, fields: fields, output: output)
        } catch let invalid as InvalidRecord {
            // A refusal of the reader itself (a line too long to hold), named like a bad line's.
            throw UseCaseFailure("\(TerminalText.visible(name)):\(invalid.description)")
        }
    }

    private static func predictLines(_ file: String, name: String, fields: ImportFields, output: PredictionLines) throws {
        let fd = file == "-" ? STDIN_FILENO : open(file, O_RDONLY)
        guard fd >= 0 else { throw UseCaseFailure("cannot open \(file): \(String(cString: strerror(errno))).") }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var info = stat()
        let regular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        var stream = JSONLinesStream(fields: fields)
        let emit: (RecordResult) throws -> Void = { result in
            switch result {
            case .success(let record): output.predict(id: record.externalID, text: record.text)
            case .failure(let invalid): throw UseCaseFailure("\(TerminalText.visible(name)):\(invalid.description)")
            }
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw UseCaseFailure("cannot read \(name): \(String(cString: strerror(errno))).")
            }
            if count == 0 { break }
            try chunk.withUnsafeBufferPointer { try stream.feed(UnsafeBufferPointer(rebasing: $0[0..<count]), emit) }
            if regular { try output.flushIfLarge() } else { try output.flush() }
        }
        try stream.finish(emit)
    }
}
