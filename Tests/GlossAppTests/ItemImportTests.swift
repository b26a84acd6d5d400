import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

/// Counts the progress reports of an import.
private final class ProgressLog: ImportProgress {
    var reports: [(source: String, records: Int)] = []
    func importProgress(source: String, bytesRead: Int64, totalBytes: Int64?, records: Int) {
        reports.append((source, records))
    }
}

@Suite("Importing files: GlossApp reads and decodes, the store writes")
struct ItemImportTests {
    @Test func aFileAndADirectoryImportAsTwoBatchesWithTheirDigests() throws {
        let dir = try TemporaryDirectory()
        let store = try GlossDatabase.inMemory()
        let file = try dir.write("items.jsonl", (1...5000).map { "{\"id\":\"i\($0)\",\"text\":\"item \($0)\"}" }.joined(separator: "\n"))
        try dir.write("docs/a.txt", "Alpha.\n")
        try dir.write("docs/sub/b.txt", "Beta.")
        let progress = ProgressLog()
        let report = try store.importItems(ImportRequest(dataset: "d", sources: [ImportSource(path: file),
                                                                                   ImportSource(path: dir.path("docs"))]),
                                           progress: progress)
        #expect(report.sources.map(\.format) == [.jsonl, .directory])
        #expect(report.sources.map(\.added) == [5000, 2])
        #expect(report.sources[0].sha256 == SHA256.hex(of: try Array(Data(contentsOf: URL(fileURLWithPath: file)))))
        #expect(report.sources[1].bytes == 12)
        #expect(progress.reports.last?.records == 5000)
        #expect(progress.reports.allSatisfy { $0.source == file })
        let log = try store.importLog(dataset: "d")
        #expect(log.map(\.source) == [file, dir.path("docs")])
    }

    @Test func aRecordSourceThatFailsMidwayLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try GlossDatabase.inMemory()
        let good = try dir.write("good.jsonl", "{\"text\":\"fine\"}\n")
        let bad = try dir.write("bad.jsonl", "{\"text\":\"fine too\"}\n{\"text\":\n")
        #expect(throws: ImportFailure.self) {
            try store.importItems(ImportRequest(dataset: "d", sources: [ImportSource(path: good), ImportSource(path: bad)]))
        }
        #expect(try store.datasets().isEmpty)
    }
}
