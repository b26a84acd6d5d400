import Foundation
import GlossCore
import GlossStore

/// `gloss export --verify DIR`: every file the manifest lists has its size and SHA-256, and
/// no other file is there. Says which export of the store it is when the store has it.
enum ExportVerification {
    struct Finding { var name: String; var bytes: String; var status: String; var ok: Bool }

    static func run(directory: String, store: StoreOptions) throws {
        let manifestPath = directory + "/" + ExportDestination.manifestName
        guard let manifestData = FileManager.default.contents(atPath: manifestPath) else {
            throw CommandFailure("\(directory) has no \(ExportDestination.manifestName); it is not a Gloss export directory (or the manifest was removed).")
        }
        let manifest: ExportManifest
        do { manifest = try ExportManifest.decode(Array(manifestData)) } catch {
            throw CommandFailure("\(manifestPath) is not a Gloss export manifest: \(error.localizedDescription)")
        }
        var findings: [Finding] = []
        for file in manifest.files {
            findings.append(check(file, in: directory))
        }
        let listed = Set(manifest.files.map(\.name) + [ExportDestination.manifestName])
        let present = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for extra in present.sorted() where !listed.contains(extra) {
            findings.append(Finding(name: extra, bytes: "", status: "not in the manifest", ok: false))
        }
        var table = TextTable(headers: ["FILE", "BYTES", "STATUS"], alignments: [.left, .right, .left])
        for f in findings { table.append([TerminalText.visible(f.name), f.bytes, f.status]) }
        print(table.render())
        let recorded = FileManager.default.fileExists(atPath: store.path)
            ? (try? store.openExisting().exportID(manifest: String(decoding: manifestData, as: UTF8.self))) ?? nil
            : nil
        let origin = "export of \(TerminalText.visible(manifest.project)) made \(manifest.createdAt) by Gloss \(manifest.glossVersion)"
            + (recorded.map { ", recorded in the store as export #\($0)" } ?? "")
        let bad = findings.filter { !$0.ok }.count
        guard bad == 0 else {
            throw CommandFailure("\(bad) of \(findings.count) file\(findings.count == 1 ? "" : "s") in \(directory) do not match the manifest (\(origin)).")
        }
        print("All \(findings.count) files match the manifest (\(origin)).")
    }

    static func check(_ file: ExportFileDigest, in directory: String) -> Finding {
        let path = directory + "/" + file.name
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return Finding(name: file.name, bytes: "", status: "missing", ok: false) }
        defer { close(fd) }
        var hasher = SHA256()
        var size = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return Finding(name: file.name, bytes: "", status: "unreadable: \(String(cString: strerror(errno)))", ok: false)
            }
            if n == 0 { break }
            chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            size += n
        }
        let bytes = NumberText.grouped(size)
        if size != file.bytes { return Finding(name: file.name, bytes: bytes, status: "size differs (manifest: \(NumberText.grouped(file.bytes)))", ok: false) }
        if hasher.hexDigest() != file.sha256 { return Finding(name: file.name, bytes: bytes, status: "sha256 differs", ok: false) }
        return Finding(name: file.name, bytes: bytes, status: "ok", ok: true)
    }
}
