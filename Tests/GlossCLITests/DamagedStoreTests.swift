import Foundation
import GlossTestSupport
import Testing

/// A store damaged as a disk would damage it (one byte flipped inside a stored value): export
/// and train stop and name the row and the store, writing nothing; gloss check lists it.
@Suite("gloss on a damaged store")
struct DamagedStoreTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI
    let store: String

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        store = dir.path("gloss.db")
        try expectSuccess(gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews", "--label-field", "label"]))
        try expectSuccess(gloss.run(["project", "create", "reviews", "--dataset", "reviews", "--guide", Samples.guide("sentiment.md")]))
        try expectSuccess(gloss.run(["annotations", "import", "reviews", Samples.path("reviews-two-annotators.jsonl")]))
    }

    @discardableResult
    func expectSuccess(_ result: GlossCLI.Result) -> GlossCLI.Result {
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    /// Flips the lowest bit of the byte at `offset` into the first occurrence of `needle` in
    /// the store file (every process has closed it, so the WAL is checkpointed into it).
    func flipByte(in needle: String, at offset: Int) throws {
        let url = URL(fileURLWithPath: store)
        var bytes = Array(try Data(contentsOf: url))
        let pattern = Array(needle.utf8)
        let start = try #require((0...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) },
                                 "\(needle) is not in the store file")
        bytes[start + offset] ^= 0x01
        try Data(bytes).write(to: url)
    }

    @Test func aFlippedByteInADecisionStopsExportAndTrainAndCheckFindsIt() throws {
        #expect(try gloss.run(["check"]).status == 0)
        // {"label":"mixed"} becomes {"label":"mixee"}: still JSON, silently another label.
        try flipByte(in: #"{"label":"mixed"}"#, at: 14)

        let export = try gloss.run(["export", "reviews", "--format", "jsonl", "--out", "out"])
        #expect(export.status == 1)
        #expect(export.stderr.contains("the store gloss.db is damaged: decision #"), "\(export.stderr)")
        #expect(export.stderr.contains("in project \"reviews\": its stored value no longer matches the checksum written with it"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")))

        let train = try gloss.run(["train", "reviews"])
        #expect(train.status == 1 && train.stderr.contains("the store gloss.db is damaged: decision #"), "\(train.stderr)")

        let check = try gloss.run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("gloss.db: damage found (checked 120 decisions, 0 adjudications, 0 gold answers, 60 item texts)."),
                "\(check.stdout)")
        let damaged = check.stdout.split(separator: "\n").filter { $0.hasPrefix("  decision #") }
        #expect(damaged.count == 1, "\(check.stdout)")
        #expect(damaged.first?.contains("in project \"reviews\"") == true)
    }

    @Test func aFlippedByteInAnItemsTextStopsExport() throws {
        // r002's text: "Crashes every time I try to attach a photo. ..."
        try flipByte(in: "Crashes every time", at: 2)
        let export = try gloss.run(["export", "reviews", "--format", "jsonl", "--out", "-"])
        #expect(export.status == 1)
        #expect(export.stderr.contains("the store gloss.db is damaged: the text of item \"r002\""), "\(export.stderr)")
        let check = try gloss.run(["check", "--json"])
        #expect(check.status == 1 && check.stdout.contains(#""kind" : "item text""#), "\(check.stdout)")
    }
}
