import Foundation
import GlossCore
import GlossFormats
import GlossStore
import GlossTestSupport
import Testing
@testable import GlossApp

@Suite("Export files")
struct ExportFilesTests {
    /// Several MiB across two files in odd-sized appends: the bytes on disk and the digests
    /// equal what one hasher over the whole content gives.
    @Test func chunksArriveInOrderAndAreHashed() throws {
        let dir = try TemporaryDirectory()
        let destination = dir.path("out")
        var files = try ExportFiles(names: ["a.txt", "b.txt"], directory: destination)
        var expectedA: [UInt8] = [], expectedB: [UInt8] = []
        var generator = SeededGenerator(seed: 5)
        for n in 0..<120_000 {
            let line = Array("line \(n) \(generator.next())\n".utf8)
            if n % 3 == 0 {
                try files.append(line, to: "b.txt")
                expectedB += line
            } else {
                try line.withUnsafeBytes { try files.append($0, to: "a.txt") }
                expectedA += line
            }
        }
        let digests = try files.finish()
        try files.addFile("manifest.json", contents: Array("{}\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: destination), "nothing appears before the commit")
        try files.commit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: destination + "/a.txt")) == Data(expectedA))
        #expect(try Data(contentsOf: URL(fileURLWithPath: destination + "/b.txt")) == Data(expectedB))
        var hashA = SHA256(), hashB = SHA256()
        hashA.update(expectedA)
        hashB.update(expectedB)
        #expect(digests == [ExportFileDigest(name: "a.txt", bytes: expectedA.count, sha256: hashA.hexDigest()),
                            ExportFileDigest(name: "b.txt", bytes: expectedB.count, sha256: hashB.hexDigest())])
        #expect(expectedA.count > 2 << 20, "more than one chunk went through the writer thread")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(left == ["out"], "the staging directory is gone: \(left)")
    }

    @Test func anAbandonedExportLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        var files = try ExportFiles(names: ["data.jsonl"], directory: dir.path("out"))
        try files.append(Array("{}\n".utf8), to: "data.jsonl")
        #expect(throws: ExportFileError.undeclared("other.txt")) { try files.append([1], to: "other.txt") }
        files.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
    }

    @Test func destinationsThatWouldLoseSomethingAreRefused() throws {
        let dir = try TemporaryDirectory()
        try ExportDestination.check(dir.path("new"), replace: false)
        try ExportDestination.check(dir.url.path, replace: false)  // empty
        try dir.write("file.txt", "x")
        #expect(throws: ExportFileError.self) { try ExportDestination.check(dir.path("file.txt"), replace: true) }
        #expect(throws: ExportFileError.self) { try ExportDestination.check(dir.url.path, replace: true) }
        try ExportDestination.check(dir.path("missing/parent/out"), replace: false)  // parents are created
        try dir.write("old/manifest.json", "{}")
        #expect(throws: ExportFileError.self) { try ExportDestination.check(dir.path("old"), replace: false) }
        try ExportDestination.check(dir.path("old"), replace: true)
    }

    @Test func oneFileGoesToStandardOutputButSeveralNeedADirectory() throws {
        #expect(throws: ExportFileError.notOneFile(["train.txt", "test.txt"])) {
            _ = try ExportFiles(names: ["train.txt", "test.txt"], directory: nil)
        }
    }
}
