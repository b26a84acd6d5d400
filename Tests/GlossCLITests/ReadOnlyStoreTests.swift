import Foundation
import GlossCore
import GlossTestSupport
import Testing

/// Read commands on a store the user cannot write (mode 444, or in a read-only directory):
/// they work and leave its bytes as they were; write commands refuse it by name. The binary
/// runs as a user without root's power over file modes (`GlossCLI.runUnprivileged`).
@Suite("gloss on a read-only store")
struct ReadOnlyStoreTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI
    let store: String
    /// A directory anyone may write: exports go there.
    let out: String

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        store = dir.path("gloss.db")
        try Self.expectSuccess(gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews", "--label-field", "label"]))
        try Self.expectSuccess(gloss.run(["project", "create", "reviews", "--dataset", "reviews", "--guide", Samples.guide("sentiment.md")]))
        try Self.expectSuccess(gloss.run(["annotations", "import", "reviews", Samples.path("reviews-two-annotators.jsonl")]))
        let adjudication = #"{"record": "adjudication", "item": "r006", "reviewer": "lead", "label": "negative"}"#
        try Self.expectSuccess(gloss.run(["annotations", "import", "reviews", dir.write("adjudication.jsonl", adjudication + "\n")]))
        try Self.expectSuccess(gloss.run(["gold", "add", "reviews", "--items", dir.write("gold.jsonl", #"{"id": "r001", "label": "positive"}"# + "\n")]))
        out = dir.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: out)
        // The directory the test made is the unprivileged user's way in.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.url.path)
    }

    @discardableResult
    static func expectSuccess(_ result: GlossCLI.Result) -> GlossCLI.Result {
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    static func sha256(_ path: String) throws -> String {
        var hasher = SHA256()
        hasher.update(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        return hasher.hexDigest()
    }

    /// The read commands a lead runs on a store, each checked on its own.
    var readCommands: [[String]] {
        [
            ["datasets"], ["datasets", "--json"], ["dataset", "log", "reviews"], ["projects"],
            ["project", "show", "reviews"], ["guide", "show", "reviews"], ["guide", "log", "reviews"],
            ["stats", "reviews"], ["stats", "reviews", "--json"], ["review", "reviews", "--list"],
            ["gold", "list", "reviews"], ["models", "reviews"], ["exports", "reviews"],
            ["annotations", "export", "reviews", "--out", out + "/annotations.jsonl"],
            ["export", "reviews", "--format", "jsonl", "--out", out + "/jsonl"],
            ["export", "reviews", "--format", "csv", "--split", "80/10/10", "--stratify", "--out", out + "/csv"],
            ["check"],
        ]
    }

    @Test func everyReadCommandServesAMode444StoreAndLeavesItsBytes() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: store)
        let before = try Self.sha256(store)
        for command in readCommands {
            let result = try gloss.runUnprivileged(command + ["--db", store])
            #expect(result.status == 0, "gloss \(command.joined(separator: " ")): \(result.stderr)")
            #expect(try Self.sha256(store) == before, "gloss \(command.joined(separator: " ")) changed the store")
        }
        let exported = try String(contentsOfFile: out + "/jsonl/data.jsonl", encoding: .utf8)
        #expect(exported.split(separator: "\n").count == 51)  // 50 items with a majority, and r006 adjudicated
        let export = try gloss.runUnprivileged(["export", "reviews", "--format", "jsonl", "--out", out + "/again", "--db", store])
        #expect(export.stdout.contains("Not recorded in the store: it is read-only for you"))
        // Nothing beside the store either: no -wal or -shm file was left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix("gloss.db") } == ["gloss.db"])
    }

    @Test func readCommandsWorkInAReadOnlyDirectory() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.url.path) }
        let before = try Self.sha256(store)
        for command in [["datasets"], ["stats", "reviews"], ["export", "reviews", "--format", "jsonl", "--out", out + "/ro-dir"], ["check"]] {
            let result = try gloss.runUnprivileged(command + ["--db", store])
            #expect(result.status == 0, "gloss \(command.joined(separator: " ")): \(result.stderr)")
        }
        #expect(try Self.sha256(store) == before)
    }

    @Test func aWriteCommandRefusesAReadOnlyStoreByName() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: store)
        let before = try Self.sha256(store)
        let result = try gloss.runUnprivileged(["annotations", "import", "reviews", Samples.path("reviews-two-annotators.jsonl"), "--db", store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(store) is read-only for you: you cannot write the file, its mode is r--r--r--."),
                "\(result.stderr)")
        #expect(result.stderr.contains("nothing was changed"))
        #expect(try Self.sha256(store) == before)
    }

    @Test func aReadCommandOnAWritableStoreWritesNothing() throws {
        // The old bug: opening the store created and dropped a table when no -wal file
        // existed, changing bytes 28, 44 and 96 of the header on every read.
        let before = try Self.sha256(store)
        for command in [["datasets"], ["stats", "reviews"], ["annotations", "export", "reviews"], ["check"]] {
            Self.expectSuccess(try gloss.run(command + ["--db", store]))
            #expect(try Self.sha256(store) == before, "gloss \(command.joined(separator: " ")) changed the store")
        }
    }
}
