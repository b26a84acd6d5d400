import Foundation
import GlossCore
import GlossFormats

/// Rechecks an export directory against its `manifest.json`: every listed file has its size
/// and SHA-256, and no other file is there.
public enum ExportVerifier {
    public struct Finding: Sendable, Equatable {
        public enum Status: Sendable, Equatable {
            case ok, missing, notInManifest
            case unreadable(String)
            case sizeDiffers(manifest: Int)
            case hashDiffers
        }

        public var name: String
        /// The size found on disk, when the file could be read.
        public var bytes: Int?
        public var status: Status
    }

    public struct Result: Sendable {
        public var manifest: ExportManifest
        /// The manifest as written, to find its record in a store.
        public var manifestText: String
        public var findings: [Finding]
    }

    public static func verify(directory: String) throws -> Result {
        let manifestPath = directory + "/" + ExportDestination.manifestName
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            let manifest = ExportDestination.manifestName
            throw ExportFileError.destination("\(directory) has no \(manifest); it is not a Gloss export directory "
                + "(or the manifest was removed).")
        }
        let manifest: ExportManifest
        do { manifest = try ExportManifest.decode(Array(data)) } catch {
            throw ExportFileError.destination(
                "\(manifestPath) is not a Gloss export manifest: \(error.localizedDescription)")
        }
        var findings = manifest.files.map { check($0, in: directory) }
        let listed = Set(manifest.files.map(\.name) + [ExportDestination.manifestName])
        let present = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for extra in present.sorted() where !listed.contains(extra) {
            findings.append(Finding(name: extra, bytes: nil, status: .notInManifest))
        }
        return Result(manifest: manifest, manifestText: String(decoding: data, as: UTF8.self), findings: findings)
    }

    static func check(_ file: ExportFileDigest, in directory: String) -> Finding {
        let fd = open(directory + "/" + file.name, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return Finding(name: file.name, bytes: nil, status: .missing) }
        defer { close(fd) }
        var hasher = SHA256()
        var size = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return Finding(name: file.name, bytes: nil, status: .unreadable(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            size += n
        }
        if size != file.bytes {
            return Finding(name: file.name, bytes: size, status: .sizeDiffers(manifest: file.bytes))
        }
        if hasher.hexDigest() != file.sha256 { return Finding(name: file.name, bytes: size, status: .hashDiffers) }
        return Finding(name: file.name, bytes: size, status: .ok)
    }
}
