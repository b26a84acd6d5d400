import Foundation
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

/// gloss train, models, predict and eval on the sample reviews (60 items, 3 labels),
/// run as a user would.
@Suite("gloss train, models, predict and eval")
struct ClassifierCommandTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI
    static let labels = ["positive", "negative", "neutral"]
    static let guide = """
        ---
        name: Reviews
        task: classify
        labels:
          - name: positive
            key: p
            description: Praise.
          - name: negative
            key: n
            description: Criticism.
          - name: neutral
            key: u
            description: Neither.
        ---
        # Reviews
        """

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        try expectSuccess(gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews", "--label-field", "label"]))
        try expectSuccess(gloss.run(["project", "create", "rev", "--dataset", "reviews", "--guide", dir.write("guide.md", Self.guide)]))
    }

    @discardableResult
    func expectSuccess(_ result: GlossCLI.Result) -> GlossCLI.Result {
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    func train() throws {
        let result = expectSuccess(try gloss.run(["train", "rev", "--reference", "--epochs", "3"]))
        #expect(result.stdout.contains("Trained model version 1 of \"rev\" on 48 examples from the reference labels of dataset \"reviews\""))
        #expect(result.stdout.contains("Held-out 12 examples: accuracy "))
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func sampleIDs() throws -> [String] {
        try String(contentsOfFile: Samples.path("reviews.jsonl"), encoding: .utf8).split(separator: "\n")
            .compactMap { try json(String($0)) as? [String: Any] }.compactMap { $0["id"] as? String }
    }

    @Test func trainsListsPredictsAndEvaluates() throws {
        try train()
        let models = try #require(try json(expectSuccess(gloss.run(["models", "rev", "--json"])).stdout) as? [[String: Any]])
        #expect(models.count == 1)
        #expect(models.first?["version"] as? Int == 1)
        #expect(models.first?["examples"] as? Int == 48)
        #expect(models.first?["held_out"] as? Int == 12)
        let stored = try #require(models.first?["metrics"] as? [String: Any])
        #expect((stored["held_out"] as? Int) == 12)
        #expect(try gloss.run(["models", "rev"]).stdout.contains("v1  text  reference"))

        let lines = try expectSuccess(gloss.run(["predict", "rev"])).stdout.split(separator: "\n").map { try json(String($0)) as? [String: Any] }
        #expect(lines.compactMap { $0?["id"] as? String } == (try sampleIDs()))
        for line in lines {
            let scores = try #require(line?["scores"] as? [String: Double])
            #expect(Set(scores.keys) == Set(Self.labels))
            #expect(abs(scores.values.reduce(0, +) - 1) < 0.01)
            let label = try #require(line?["label"] as? String)
            #expect(scores[label] == scores.values.max())
        }

        let report = try #require(try json(expectSuccess(gloss.run(["eval", "rev", "--against", "reference", "--json"])).stdout) as? [String: Any])
        let counts = try #require((report["confusion"] as? [String: Any])?["counts"] as? [[Int]])
        let diagonal = counts.indices.map { counts[$0][$0] }.reduce(0, +)
        #expect(report["items"] as? Int == 60)
        #expect(counts.joined().reduce(0, +) == 60)
        #expect(abs((report["accuracy"] as? Double ?? -1) - Double(diagonal) / 60) < 1e-9)
        #expect((report["misclassified"] as? [Any])?.count == 60 - diagonal)
        #expect((report["per_label"] as? [[String: Any]])?.compactMap { $0["support"] as? Int } == [20, 20, 20])

        let text = try expectSuccess(gloss.run(["eval", "rev", "--against", "reference"])).stdout
        #expect(text.contains("Model v1 of \"rev\" against the reference labels of dataset \"reviews\": 60 items."))
        #expect(text.contains("[\(counts[0][0])]"))
        #expect(text.contains("scored 60 docs in "))
        #expect(!text.contains("\u{1B}["))  // NO_COLOR
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func predictAnswersEachLineOfAPipeBeforeTheNextArrives() throws {
        try train()
        let process = Process()
        process.executableURL = gloss.executable
        process.arguments = ["predict", "rev", "-", "--db", dir.path("gloss.db")]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let reader = LineReader(output.fileHandleForReading)
        input.fileHandleForWriting.write(Data("{\"id\": \"a\", \"text\": \"Crashes every time, support never replied.\"}\n".utf8))
        let first = try #require(reader.nextLine(timeout: 30), "no answer to the first line while the input stays open")
        #expect(first.hasPrefix("{\"id\":\"a\",\"label\":"))
        input.fileHandleForWriting.write(Data("{\"id\": \"b\", \"text\": \"Lovely, works perfectly.\"}\n".utf8))
        let second = try #require(reader.nextLine(timeout: 30))
        #expect(second.hasPrefix("{\"id\":\"b\","))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aLineWithoutTextIsAnErrorNamingTheLine() throws {
        try train()
        let file = try dir.write("in.jsonl", "{\"id\": \"x\", \"text\": \"fine\"}\n{\"id\": \"y\", \"body\": \"no text\"}\n")
        let result = try gloss.run(["predict", "rev", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("in.jsonl:2: the record has no \"text\" field"))
        #expect(result.stdout.hasPrefix("{\"id\":\"x\","))  // the line before the bad one was answered
    }

    /// Issue 17: the reader's own refusal (a line longer than 64 MiB, a missing line break)
    /// was printed without the file's name; it names the file and the line as a bad line does.
    @Test func aLineTooLongToReadIsAnErrorNamingTheFile() throws {
        try train()
        let path = dir.path("no-breaks.jsonl")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: UInt8(ascii: "a"), count: (64 << 20) + 1)))
        let result = try gloss.run(["predict", "rev", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):1: the line is longer than 64 MiB"), "\(result.stderr)")
    }

    @Test func evaluatesAPredictionsFileMatchedByID() throws {
        try train()
        let predictions = try expectSuccess(gloss.run(["predict", "rev"])).stdout
        let kept = predictions.split(separator: "\n").dropFirst(10).joined(separator: "\n")
        let file = try dir.write("predictions.jsonl", kept + "\n")
        let fromFile = try expectSuccess(gloss.run(["eval", "rev", "--predictions", file, "--against", "reference", "--json"]))
        #expect(fromFile.stderr.contains("10 gold items have no prediction"))
        let report = try #require(try json(fromFile.stdout) as? [String: Any])
        #expect(report["items"] as? Int == 50)
        #expect(report["scoring"] == nil)
        let bad = try dir.write("bad.jsonl", "{\"id\": \"r001\", \"label\": \"positive\"}\n{\"id\": \"r002\", \"label\": \"furious\"}\n")
        let refused = try gloss.run(["eval", "rev", "--predictions", bad, "--against", "reference"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.jsonl:2: \"furious\" is not one of the labels"))
    }

    @Test func unknownVersionsAndMissingModelsAreNamed() throws {
        let none = try gloss.run(["predict", "rev"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("project \"rev\" has no model yet; train one with gloss train rev."))
        try train()
        let unknown = try gloss.run(["eval", "rev", "--model", "9"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("project \"rev\" has no model version 9; its versions are: 1."))
    }

    @Test func aDamagedModelIsRefusedWithASentence() throws {
        try train()
        let db = SQLiteShell(dir.path("gloss.db"))
        try db.execute("UPDATE models SET bytes = substr(bytes, 1, 100) || X'DEADBEEFDEADBEEF' || substr(bytes, 109)")
        let mismatch = try gloss.run(["predict", "rev"])
        #expect(mismatch.status == 1)
        #expect(mismatch.stderr.contains("model version 1 of \"rev\" is damaged"))
        // The stored checksum updated too: the model file's own checks catch it.
        let hex = try db.column("SELECT hex(bytes) FROM models").first?.string ?? ""
        let bytes = stride(from: 0, to: hex.count, by: 2).map { UInt8(hex.dropFirst($0).prefix(2), radix: 16) ?? 0 }
        try db.execute("UPDATE models SET sha256 = '\(SHA256.hex(of: bytes))'")
        let unreadable = try gloss.run(["eval", "rev"])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("model version 1 of \"rev\" cannot be read: the model is damaged"))
        #expect(unreadable.stderr.contains("Train a new one with gloss train rev."))
    }

    @Test func tooFewExamplesAreRefused() throws {
        let result = try gloss.run(["train", "rev"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("too few examples to train on: the current decisions of \"rev\" give 0 usable"))
        let store = try GlossDatabase.open(path: dir.path("gloss.db"))
        for (id, label) in [("r001", "positive"), ("r002", "negative"), ("r003", "neutral")] {
            try store.decide(project: "rev", itemID: id, annotator: "kim", value: .label(label))
        }
        let few = try gloss.run(["train", "rev"])
        #expect(few.status == 1)
        #expect(few.stderr.contains("give 3 usable (at least 10 are needed; per label: positive 1, negative 1, neutral 1)"))
    }

    /// The sample's records, as (id, text, value of the label field).
    func records(_ sample: String) throws -> [(id: String, text: String, value: Any)] {
        try String(contentsOfFile: Samples.path(sample), encoding: .utf8).split(separator: "\n").compactMap {
            guard let object = try json(String($0)) as? [String: Any], let id = object["id"] as? String, let text = object["text"] as? String else { return nil }
            return (id, text, object["label"] ?? object["spans"] ?? NSNull())
        }
    }

    @Test func trainsOnDecisionsAndEvaluatesAgainstThem() throws {
        let store = try GlossDatabase.open(path: dir.path("gloss.db"))
        for record in try records("reviews.jsonl").prefix(45) {
            try store.decide(project: "rev", itemID: record.id, annotator: "kim", value: .label(record.value as? String ?? ""))
        }
        let trained = expectSuccess(try gloss.run(["train", "rev", "--epochs", "3", "--holdout", "0"]))
        #expect(trained.stdout.contains("on 45 examples from the project's current decisions"))
        #expect(trained.stdout.contains("No examples were held out"))
        let report = try #require(try json(expectSuccess(gloss.run(["eval", "rev", "--json"])).stdout) as? [String: Any])
        #expect(report["against"] as? String == "decisions")
        #expect(report["items"] as? Int == 45)
    }

    @Test func aSpansProjectTrainsASpanSuggesterFromItsDecisions() throws {
        try expectSuccess(gloss.run(["import", Samples.path("entities-gloss.jsonl"), "--dataset", "entities"]))
        try expectSuccess(gloss.run(["project", "create", "ner", "--dataset", "entities", "--guide", Samples.guide("entities.md")]))
        let refused = try gloss.run(["train", "ner", "--reference"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("reference labels carry no span offsets"))
        let store = try GlossDatabase.open(path: dir.path("gloss.db"))
        for record in try records("entities-gloss.jsonl") {
            let spans = (record.value as? [[String: Any]] ?? []).map {
                LabeledRange(start: $0["start"] as? Int ?? 0, end: $0["end"] as? Int ?? 0, label: $0["label"] as? String ?? "")
            }
            try store.decide(project: "ner", itemID: record.id, annotator: "kim", value: .spans(spans))
        }
        let trained = expectSuccess(try gloss.run(["train", "ner", "--epochs", "2"]))
        #expect(trained.stdout.contains("Trained model version 1 of \"ner\" (a span suggester) on 24 examples"))
        let models = try #require(try json(expectSuccess(gloss.run(["models", "ner", "--json"])).stdout) as? [[String: Any]])
        #expect(models.first?["kind"] as? String == "spans")
        let lines = expectSuccess(try gloss.run(["predict", "ner"])).stdout.split(separator: "\n")
        #expect(lines.count == 30)
        let firstLine = try #require(lines.first)
        let first = try #require(try json(String(firstLine)) as? [String: Any])
        #expect(first["id"] as? String == "e01")
        #expect(first["spans"] is [[String: Any]])
        let report = try #require(try json(expectSuccess(gloss.run(["eval", "ner", "--json"])).stdout) as? [String: Any])
        #expect(report["items"] as? Int == 30)
        #expect(report["confusion"] == nil)
        #expect((report["per_label"] as? [[String: Any]])?.compactMap { $0["label"] as? String } == ["person", "organization", "location", "misc"])
    }
}

/// Reads lines from a pipe on another thread, so a test can wait for one with a timeout.
final class LineReader: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    private let arrived = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            var pending = Data()
            while case let chunk = handle.availableData, !chunk.isEmpty {
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    self.lock.withLock { self.lines.append(line) }
                    self.arrived.signal()
                }
            }
        }.start()
    }

    /// The next line, or nil when none arrives within `timeout` seconds.
    func nextLine(timeout: Double) -> String? {
        guard arrived.wait(timeout: .now() + timeout) == .success else { return nil }
        return lock.withLock { lines.removeFirst() }
    }
}
