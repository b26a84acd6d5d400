import Foundation
import GlossCore
import GlossFormats
import GlossStore

/// A directory of `.txt` files, searched recursively in name order: each file is one item
/// whose id is its path below the directory without `.txt`. The batch's SHA-256 covers
/// each file's relative path and bytes, so renaming or editing a file changes it.
final class DirectoryRecordSource: ItemRecordSource {
    static let maxFileBytes = 64 << 20

    let name: String
    let loggedPath: String
    private(set) var digest: ItemSourceDigest
    private let path: String
    /// The files still to read, relative to the directory; nil until listed.
    private var remaining: ArraySlice<String>?
    private var sha = SHA256()
    private var normalizer = TextNormalizer()

    init(path: String) {
        self.path = path
        name = path
        loggedPath = URL(fileURLWithPath: path).standardizedFileURL.path
        digest = ItemSourceDigest(format: .directory, sha256: "", bytes: 0)
    }

    /// The `.txt` files below the directory, relative to it, in name order.
    func files() throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw ImportFailure(source: path, error: InvalidRecord(
                line: 0, message: "cannot list the directory", isFatal: true))
        }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.lowercased().hasSuffix(".txt") { found.append(relative) }
        }
        return found.sorted()
    }

    /// One file's item per batch, the batch naming the file.
    func nextBatch() throws -> ItemRecordBatch? {
        if remaining == nil {
            let names = try files()
            guard !names.isEmpty else {
                throw ImportFailure(source: path, error: InvalidRecord(
                    line: 0, message: "the directory holds no .txt files", isFatal: true))
            }
            remaining = names[...]
        }
        guard let relative = remaining?.popFirst() else {
            digest.sha256 = sha.hexDigest()
            return nil
        }
        let file = (path as NSString).appendingPathComponent(relative)
        return ItemRecordBatch(records: [try record(file: file, relative: relative)], origin: file)
    }

    private func record(file: String, relative: String) throws -> RecordResult {
        // The size first, so a huge file is refused without reading it into memory.
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        guard size <= Self.maxFileBytes else {
            throw ImportFailure(source: file, error: InvalidRecord(
                line: 0, message: "the file is larger than 64 MiB; too large for one item", isFatal: true))
        }
        guard let data = FileManager.default.contents(atPath: file), data.count <= Self.maxFileBytes else {
            throw ImportFailure(source: file, error: InvalidRecord(
                line: 0, message: "cannot read the file, or it grew past 64 MiB while read", isFatal: true))
        }
        sha.update(relative)
        sha.update([0])
        sha.update(Array(data))
        sha.update([0])
        digest.bytes += Int64(data.count)
        return try data.withUnsafeBytes { raw in
            var bytes = try ByteSource.dropByteOrderMark(raw.bindMemory(to: UInt8.self), source: file)
            if bytes.last == 0x0A { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
            if bytes.last == 0x0D { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
            return TextLinesStream.record(bytes, line: 1, id: String(relative.dropLast(4)), normalizer: &normalizer)
        }
    }
}
