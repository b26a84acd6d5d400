import Foundation
import GlossCore
import GlossFormats

/// The files of one export as a writer fills them: each file's bytes are gathered in 1 MiB
/// chunks which a second thread hashes (SHA-256) and writes, so formatting, hashing and the
/// disk overlap and memory stays flat (at most `ChunkPipe.depth` chunks wait).
///
/// Files go to a staging directory beside the destination, which `commit` renames into place:
/// an export that fails or is killed leaves no half-written destination. With no directory
/// the export's single file goes to standard output.
final class ExportFiles: ExportSink {
    static let chunkSize = 1 << 20

    private let names: [String]
    private var buffers: [[UInt8]]
    private var lastName = ""
    private var lastIndex = -1
    private let pipe: ChunkPipe
    private let staging: String?
    private let destination: String?

    /// Files `names` in `directory` (staged until `commit`); nil writes the one file to
    /// standard output.
    init(names: [String], directory: String?) throws {
        self.names = names
        buffers = names.map { _ in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(Self.chunkSize + (64 << 10))
            return buffer
        }
        destination = directory
        var descriptors: [Int32] = []
        if let directory {
            let stage = ExportDestination.stagingPath(for: directory)
            try ExportDestination.makeDirectory(stage)
            staging = stage
            for name in names {
                let fd = open(stage + "/" + name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard fd >= 0 else {
                    let reason = String(cString: strerror(errno))
                    throw ExportFileError.cannotWrite(path: stage + "/" + name, reason: reason)
                }
                descriptors.append(fd)
            }
        } else {
            guard names.count == 1 else { throw ExportFileError.notOneFile(names) }
            staging = nil
            descriptors = [STDOUT_FILENO]
        }
        pipe = ChunkPipe(descriptors: descriptors, paths: names.map { (directory ?? "<stdout>") + "/" + $0 })
    }

    @inline(__always)
    private func index(of file: String) throws -> Int {
        if file == lastName { return lastIndex }
        guard let index = names.firstIndex(of: file) else { throw ExportFileError.undeclared(file) }
        lastName = file
        lastIndex = index
        return index
    }

    func append(_ bytes: [UInt8], to file: String) throws {
        let i = try index(of: file)
        buffers[i].append(contentsOf: bytes)
        if buffers[i].count >= Self.chunkSize { try ship(i) }
    }

    func append(_ bytes: UnsafeRawBufferPointer, to file: String) throws {
        let i = try index(of: file)
        buffers[i].append(contentsOf: bytes)
        if buffers[i].count >= Self.chunkSize { try ship(i) }
    }

    private func ship(_ i: Int) throws {
        var full: [UInt8] = []
        full.reserveCapacity(Self.chunkSize + (64 << 10))
        swap(&full, &buffers[i])
        try pipe.send(file: i, full)
    }

    /// Writes what is left, waits for the writer thread and returns every file's digest.
    func finish() throws -> [ExportFileDigest] {
        for i in names.indices where !buffers[i].isEmpty { try ship(i) }
        let digests = try pipe.close()
        return zip(names, digests).map { ExportFileDigest(name: $0, bytes: $1.bytes, sha256: $1.sha256) }
    }

    /// Adds a file written whole (a manifest) to the staging directory.
    func addFile(_ name: String, contents: [UInt8]) throws {
        guard let staging else { return }
        try ExportDestination.writeFile(staging + "/" + name, contents)
    }

    /// Moves the staged files into the destination (replacing an earlier export there).
    func commit() throws {
        guard let staging, let destination else { return }
        try ExportDestination.replace(destination, with: staging)
    }

    /// Removes the staging directory after a failure.
    func abandon() {
        pipe.abandon()
        if let staging { ExportDestination.remove(staging) }
    }
}

public enum ExportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case notOneFile([String])
    case undeclared(String)
    case destination(String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): "cannot write \(TerminalText.visible(path)): \(reason)."
        case let .notOneFile(names):
            "this export writes \(names.count) files (\(names.joined(separator: ", "))), so it needs a directory: "
                + "give --out DIR (or --split none where the format then writes one file)."
        case let .undeclared(name): "the writer wrote to \(name), a file it did not declare."
        case let .destination(message): message
        }
    }
}
