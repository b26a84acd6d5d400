import Foundation
import GlossCore
import GlossFormats

/// A directory of `.txt` files, searched recursively in name order: each file is one item
/// whose id is its path below the directory without `.txt`. The batch's SHA-256 covers
/// each file's relative path and bytes, so renaming or editing a file changes it.
struct DirectoryReader {
    let path: String
    static let maxFileBytes = 64 << 20

    func files() throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw ImportFailure(source: path, error: InvalidRecord(line: 0, message: "cannot list the directory", isFatal: true))
        }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.lowercased().hasSuffix(".txt") { found.append(relative) }
        }
        return found.sorted()
    }

    func read(_ take: (RecordResult, String, inout SourceReport) throws -> Void) throws -> SourceReport {
        let names = try files()
        guard !names.isEmpty else {
            throw ImportFailure(source: path, error: InvalidRecord(line: 0, message: "the directory holds no .txt files", isFatal: true))
        }
        var sha = SHA256()
        var normalizer = TextNormalizer()
        var report = SourceReport(source: path, format: .directory, sha256: "", bytes: 0)
        for relative in names {
            let file = (path as NSString).appendingPathComponent(relative)
            // The size first, so a huge file is refused without reading it into memory.
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            guard size <= Self.maxFileBytes else {
                throw ImportFailure(source: file, error: InvalidRecord(line: 0, message: "the file is larger than 64 MiB; too large for one item", isFatal: true))
            }
            guard let data = FileManager.default.contents(atPath: file), data.count <= Self.maxFileBytes else {
                throw ImportFailure(source: file, error: InvalidRecord(line: 0, message: "cannot read the file, or it grew past 64 MiB while read", isFatal: true))
            }
            sha.update(relative)
            sha.update([0])
            sha.update(Array(data))
            sha.update([0])
            report.bytes += Int64(data.count)
            let result: RecordResult = try data.withUnsafeBytes { raw in
                var bytes = try ByteSource.dropByteOrderMark(raw.bindMemory(to: UInt8.self), source: file)
                if bytes.last == 0x0A { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
                if bytes.last == 0x0D { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
                let id = String(relative.dropLast(4))
                return TextLinesStream.record(bytes, line: 1, id: id, normalizer: &normalizer)
            }
            try take(result, file, &report)
        }
        report.sha256 = sha.hexDigest()
        return report
    }
}
