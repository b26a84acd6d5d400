import Foundation

/// Buffered lines to a file (written beside it and renamed at the end, so a failed export
/// leaves no half file) or to standard output.
final class LineSink {
    private let handle: FileHandle
    private let path: String?
    private let temporary: String?
    private var buffer: [UInt8] = []
    private var closed = false

    init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = .standardOutput
            temporary = nil
            return
        }
        let temporary = path + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary)
        else { throw UseCaseFailure("cannot write \(path); check that its directory exists and is writable.") }
        self.handle = handle
        self.temporary = temporary
    }

    deinit {
        if !closed, let temporary { try? FileManager.default.removeItem(atPath: temporary) }
    }

    func write(_ line: String) throws {
        buffer += Array(line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        guard let path, let temporary else { return }
        try handle.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        closed = true
    }
}
