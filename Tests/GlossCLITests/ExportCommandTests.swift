import Foundation
import GlossTestSupport
import Testing

/// gloss export / exports / export --verify as a user runs them: byte-identical re-exports,
/// splits that never move, manifests, verification and the places an export may go.
@Suite("gloss export")
struct ExportCommandTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI

    static let guide = """
        ---
        name: Reviews
        task: classify
        labels:
          - name: pos
            key: p
            description: Praise.
          - name: neg
            key: n
            description: Criticism.
        ---
        # Reviews
        """

    static let texts = ["서울에서 만나요 🎉", "I ❤️ Seoul 🇰🇷", "line one\nline two", "a \"quoted\", comma", "plain text"]

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        try addItems(0..<40)
        try ok(gloss.run(["project", "create", "rev", "--dataset", "reviews", "--guide", dir.write("guide.md", Self.guide)]))
        try label(0..<30)
    }

    func addItems(_ range: Range<Int>) throws {
        let lines = range.map { n in
            let text = "\(Self.texts[n % Self.texts.count]) #\(n)"
            let escaped = String(data: try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed]), encoding: .utf8)!.dropFirst().dropLast()
            return #"{"id": "r-\#(n)", "text": \#(escaped), "source": "shop"}"#
        }
        try ok(gloss.run(["import", dir.write("items-\(range.lowerBound).jsonl", lines.joined(separator: "\n") + "\n"), "--dataset", "reviews"]))
    }

    /// ana and bob label every item in `range`; they disagree on every fifth.
    func label(_ range: Range<Int>) throws {
        var lines: [String] = []
        for n in range {
            let a = n % 3 == 0 ? "neg" : "pos"
            let b = n % 5 == 0 ? (a == "pos" ? "neg" : "pos") : a
            lines.append(#"{"item": "r-\#(n)", "annotator": "ana", "label": "\#(a)"}"#)
            lines.append(#"{"item": "r-\#(n)", "annotator": "bob", "label": "\#(b)"}"#)
        }
        try ok(gloss.run(["annotations", "import", "rev", dir.write("labels-\(range.lowerBound).jsonl", lines.joined(separator: "\n") + "\n")]))
    }

    @discardableResult
    func ok(_ result: GlossCLI.Result, sourceLocation: SourceLocation = #_sourceLocation) -> GlossCLI.Result {
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    func path(_ name: String) -> String { dir.url.appendingPathComponent(name).path }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func manifest(_ export: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: bytes(path(export) + "/manifest.json")) as? [String: Any])
    }

    /// id → split of a jsonl export.
    func splits(_ export: String) throws -> [String: String] {
        let text = String(decoding: try bytes(path(export) + "/data.jsonl"), as: UTF8.self)
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            out[try #require(object["id"] as? String)] = try #require(object["split"] as? String)
        }
        return out
    }

    @Test(arguments: ["jsonl", "csv", "fasttext", "hf", "spacy", "label-studio"])
    func exportingTwiceGivesIdenticalBytes(format: String) throws {
        ok(try gloss.run(["export", "rev", "--format", format, "--out", "one", "--seed", "3"]))
        ok(try gloss.run(["export", "rev", "--format", format, "--out", "two", "--seed", "3"]))
        let first = try manifest("one"), second = try manifest("two")
        let files = try #require(first["files"] as? [[String: Any]])
        #expect(!files.isEmpty)
        for file in files {
            let name = try #require(file["name"] as? String)
            #expect(try bytes(path("one/\(name)")) == bytes(path("two/\(name)")), "\(format): \(name) differs")
        }
        #expect(NSDictionary(dictionary: first).isEqual(to: second.merging(["created_at": first["created_at"]!]) { $1 }))
    }

    @Test(arguments: [false, true])
    func moreLabelsMoveNoItemBetweenSplits(stratify: Bool) throws {
        let extra = stratify ? ["--stratify"] : []
        ok(try gloss.run(["export", "rev", "--format", "jsonl", "--out", "before"] + extra))
        let before = try splits("before")
        #expect(before.count == 24, "30 labeled items less the 6 ties (every fifth disagrees: 0, 5, …, 25)")
        try addItems(40..<80)
        try label(30..<70)
        ok(try gloss.run(["export", "rev", "--format", "jsonl", "--out", "after"] + extra))
        let after = try splits("after")
        #expect(after.count == 24 + 32)
        for (id, split) in before { #expect(after[id] == split, "\(id) moved from \(split) to \(after[id] ?? "nowhere")") }
        #expect(Set(after.values).count == 3, "train, validation and test are all used")
    }

    @Test func manifestSaysWhatProducedTheExport() throws {
        let out = ok(try gloss.run(["export", "rev", "--format", "jsonl", "--out", "m", "--split", "60/20/20", "--seed", "9"]))
        #expect(out.stdout.hasPrefix("Exported 24 items of rev to m (jsonl, majority, 60/20/20 seed 9)."))
        #expect(out.stdout.contains("Left out: 6 tie."))
        let m = try manifest("m")
        #expect(m["project"] as? String == "rev" && m["dataset"] as? String == "reviews" && m["policy"] as? String == "majority")
        #expect((m["split"] as? [String: Any])?["shares"] as? String == "60/20/20")
        #expect((m["guide"] as? [String: Any])?["current"] as? Int == 1)
        #expect((m["imports"] as? [[String: Any]])?.count == 1)
        let counts = try #require(m["counts"] as? [String: Any])
        #expect(counts["items"] as? Int == 24 && counts["decided_items"] as? Int == 30)
        let splits = try #require(counts["splits"] as? [String: Int])
        #expect(splits.values.reduce(0, +) == 24)
        let labels = try #require(counts["labels"] as? [String: Int])
        // Agreed items: n % 5 != 0 among 0..<30; neg when n % 3 == 0 → 3, 6, 9, 12, 18, 21, 24, 27.
        #expect(labels == ["neg": 8, "pos": 16])
        let listed = ok(try gloss.run(["exports", "rev", "--json"])).stdout
        let exports = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        #expect(exports.count == 1 && exports[0]["items"] as? Int == 24 && exports[0]["format"] as? String == "jsonl")
        #expect(ok(try gloss.run(["exports", "rev"])).stdout.contains("60/20/20 seed 9"))
    }

    @Test func verifyRechecksEveryFile() throws {
        ok(try gloss.run(["export", "rev", "--format", "hf", "--out", "v"]))
        let good = ok(try gloss.run(["export", "--verify", "v"]))
        #expect(good.stdout.contains("files match the manifest") && good.stdout.contains("recorded in the store as export #1"))
        var data = try bytes(path("v/train.jsonl"))
        data[data.startIndex + 2] ^= 0x01
        try data.write(to: URL(fileURLWithPath: path("v/train.jsonl")))
        try dir.write("v/notes.txt", "mine")
        let bad = try gloss.run(["export", "--verify", "v"])
        #expect(bad.status != 0)
        #expect(bad.stdout.contains("sha256 differs") && bad.stdout.contains("not in the manifest"))
        #expect(bad.stderr.contains("2 of"))
        let none = try gloss.run(["export", "--verify", "nowhere"])
        #expect(none.status != 0 && none.stderr.contains("has no manifest.json"))
    }

    @Test func countsOfOneAreSaidInTheSingular() throws {
        ok(try gloss.run(["project", "create", "one", "--dataset", "reviews", "--guide", path("guide.md")]))
        ok(try gloss.run(["annotations", "import", "one", dir.write("one.jsonl", #"{"item": "r-1", "annotator": "ana", "label": "pos"}"#)]))
        let export = ok(try gloss.run(["export", "one", "--format", "jsonl", "--out", "o", "--split", "none"]))
        #expect(export.stdout.hasPrefix("Exported 1 item of one to o (jsonl, majority, no split)."), "\(export.stdout)")
        let wrote = ok(try gloss.run(["annotations", "export", "one", "--out", "one-out.jsonl"]))
        #expect(wrote.stderr.contains("Wrote 1 decision and 0 adjudications to one-out.jsonl."), "\(wrote.stderr)")
        let two = ok(try gloss.run(["export", "rev", "--format", "jsonl", "--out", "t"]))
        #expect(two.stdout.hasPrefix("Exported 24 items of rev"))
    }

    @Test func standardOutputTakesOneFileExports() throws {
        let jsonl = ok(try gloss.run(["export", "rev", "--format", "jsonl", "--out", "-"]))
        #expect(jsonl.stdout.split(separator: "\n").count == 24)
        #expect(jsonl.stderr.contains("Exported 24 items of rev to standard output"))
        let split = try gloss.run(["export", "rev", "--format", "fasttext", "--out", "-"])
        #expect(split.status != 0 && split.stderr.contains("needs a directory"))
        let unsplit = ok(try gloss.run(["export", "rev", "--format", "fasttext", "--out", "-", "--split", "none"]))
        #expect(unsplit.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("__label__") })
    }

    @Test func anExportNeverOverwritesWhatIsNotAnExport() throws {
        try dir.write("busy/keep.txt", "precious")
        let busy = try gloss.run(["export", "rev", "--format", "jsonl", "--out", "busy"])
        #expect(busy.status != 0 && busy.stderr.contains("not an earlier export"))
        #expect(String(decoding: try bytes(path("busy/keep.txt")), as: UTF8.self) == "precious")
        ok(try gloss.run(["export", "rev", "--format", "jsonl", "--out", "e"]))
        let again = try gloss.run(["export", "rev", "--format", "csv", "--out", "e"])
        #expect(again.status != 0 && again.stderr.contains("--force"))
        ok(try gloss.run(["export", "rev", "--format", "csv", "--out", "e", "--force"]))
        #expect(FileManager.default.fileExists(atPath: path("e/data.csv")) && !FileManager.default.fileExists(atPath: path("e/data.jsonl")))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains(".partial-") || $0.contains(".old-") }
        #expect(leftovers.isEmpty)
    }

    /// Label Studio out and back in: two annotators per task become decisions again, with the
    /// same pairwise agreement in gloss stats.
    @Test func aLabelStudioExportImportsWithItsAgreement() throws {
        ok(try gloss.run(["export", "rev", "--format", "label-studio", "--out", "ls", "--policy", "any", "--split", "none"]))
        let imported = ok(try gloss.run(["import", path("ls/tasks.json"), "--format", "label-studio", "--dataset", "moved",
                                         "--project", "moved", "--guide", path("guide.md")]))
        #expect(imported.stdout.contains("60 decisions"), "30 labeled items × 2 annotators: \(imported.stdout)")
        func kappa(_ project: String) throws -> Double {
            let report = try #require(try JSONSerialization.jsonObject(with: Data(ok(gloss.run(["stats", project, "--json"])).stdout.utf8)) as? [String: Any])
            let annotators = try #require(report["annotators"] as? [[String: Any]])
            let ana = try #require(annotators.first { $0["name"] as? String == "ana" })
            let pair = try #require((ana["pairs"] as? [[String: Any]])?.first { $0["other"] as? String == "bob" })
            #expect(pair["items"] as? Int == 30)
            return try #require(pair["cohens_kappa"] as? Double)
        }
        // 30 items, 24 agreed; ana: neg on n % 3 == 0 (10 items), bob flips every fifth (0, 5, …, 25).
        #expect(abs(try kappa("moved") - kappa("rev")) < 1e-12)
    }
}
