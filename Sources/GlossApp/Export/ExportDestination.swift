import Foundation

/// The directory an export goes to: checked before any work, staged beside itself, and
/// swapped in at the end.
enum ExportDestination {
    /// The name of the manifest in every export directory.
    static let manifestName = "manifest.json"

    /// Refuses a destination that would lose something: a file, or a directory with files in
    /// it that is not an earlier export (one with a manifest) — and an earlier export unless
    /// `replace` is given.
    static func check(_ path: String, replace: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw ExportFileError.destination(
                "\(path) is a file; --out names a directory that the export creates (e.g. --out \(path).d).")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if entries.isEmpty { return }
        guard entries.contains(manifestName) else {
            throw ExportFileError.destination("\(path) is not empty and holds no \(manifestName), so it is not an "
                + "earlier export; choose an empty or new directory.")
        }
        if !replace {
            throw ExportFileError.destination(
                "\(path) holds an earlier export; give --force to replace it, or choose another directory.")
        }
    }

    /// The directory holding `path` ("." for a bare name). (NSString's
    /// deletingLastPathComponent traps on a one-component path in this Foundation.)
    static func parentDirectory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    static func stagingPath(for destination: String) -> String {
        let trimmed = destination.hasSuffix("/") ? String(destination.dropLast()) : destination
        return "\(trimmed).partial-\(getpid())"
    }

    /// Creates the staging directory, and the destination's missing parents.
    static func makeDirectory(_ path: String) throws {
        remove(path)
        do {
            try FileManager.default.createDirectory(atPath: parentDirectory(of: path),
                                                    withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw ExportFileError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ExportFileError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        if let reason = ChunkPipe.writeAll(fd, bytes) { throw ExportFileError.cannotWrite(path: path, reason: reason) }
        if fsync(fd) != 0 { throw ExportFileError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Puts `staging` where `destination` is: an existing (checked) destination is moved
    /// aside first and deleted only once the new one is in place.
    static func replace(_ destination: String, with staging: String) throws {
        let target = destination.hasSuffix("/") ? String(destination.dropLast()) : destination
        let aside = "\(target).old-\(getpid())"
        let existed = FileManager.default.fileExists(atPath: target)
        if existed, rename(target, aside) != 0 {
            throw ExportFileError.cannotWrite(path: target, reason: String(cString: strerror(errno)))
        }
        if rename(staging, target) != 0 {
            let reason = String(cString: strerror(errno))
            if existed { _ = rename(aside, target) }
            throw ExportFileError.cannotWrite(path: target, reason: reason)
        }
        if existed { remove(aside) }
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
