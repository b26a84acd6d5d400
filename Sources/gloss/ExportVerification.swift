import Foundation
import GlossApp
import GlossCore
import GlossStore

/// `gloss export --verify DIR`: prints each file's check (`ExportVerifier`) and which export
/// of the store it is when the store has it; fails when anything differs.
enum ExportVerification {
    static func run(directory: String, store: StoreOptions) throws {
        let result: ExportVerifier.Result
        do { result = try ExportVerifier.verify(directory: directory) } catch let error as ExportFileError {
            throw CommandFailure(error.description)
        }
        var table = TextTable(headers: ["FILE", "BYTES", "STATUS"], alignments: [.left, .right, .left])
        for f in result.findings {
            table.append([TerminalText.visible(f.name), f.bytes.map(NumberText.grouped) ?? "", describe(f.status)])
        }
        print(table.render())
        let recorded = FileManager.default.fileExists(atPath: store.path)
            ? (try? store.openForReading().exportID(manifest: result.manifestText)) ?? nil
            : nil
        let m = result.manifest
        let origin = "export of \(TerminalText.visible(m.project)) made \(m.createdAt) by Gloss \(m.glossVersion)"
            + (recorded.map { ", recorded in the store as export #\($0)" } ?? "")
        let count = result.findings.count
        let bad = result.findings.filter { $0.status != .ok }.count
        guard bad == 0 else {
            throw CommandFailure("\(bad) of \(count) file\(count == 1 ? "" : "s") in \(directory) do not match the manifest (\(origin)).")
        }
        print((count == 1 ? "The 1 file matches" : "All \(count) files match") + " the manifest (\(origin)).")
    }

    static func describe(_ status: ExportVerifier.Finding.Status) -> String {
        switch status {
        case .ok: "ok"
        case .missing: "missing"
        case .notInManifest: "not in the manifest"
        case .unreadable(let reason): "unreadable: \(reason)"
        case .sizeDiffers(let manifest): "size differs (manifest: \(NumberText.grouped(manifest)))"
        case .hashDiffers: "sha256 differs"
        }
    }
}
