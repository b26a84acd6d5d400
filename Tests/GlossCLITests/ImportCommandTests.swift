import Foundation
import GlossTestSupport
import Testing

@Suite("gloss import and listings, run as a user would")
struct ImportCommandTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
    }

    func datasetsJSON() throws -> [[String: Any]] {
        let result = try gloss.run(["datasets", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test func importsAndSummarizesInOneLine() throws {
        let result = try gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews", "--label-field", "label"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Imported into \"reviews\": 60 added, 0 duplicates, 0 skipped in "))
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stderr.isEmpty)  // no progress bar when stderr is not a terminal
        let again = try gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews"])
        #expect(again.stdout.contains("0 added, 60 duplicates"))
        let datasets = try datasetsJSON()
        #expect(datasets.count == 1)
        #expect(datasets.first?["name"] as? String == "reviews")
        #expect(datasets.first?["items"] as? Int == 60)
        #expect(datasets.first?["imports"] as? Int == 1)
    }

    @Test func aBrokenLineThreeStopsTheImportAndChangesNothing() throws {
        try gloss.run(["import", Samples.path("headlines.txt"), "--dataset", "news"])
        let before = try gloss.run(["datasets", "--json"]).stdout
        let bad = try dir.write("bad.jsonl", "{\"text\": \"one\"}\n{\"text\": \"two\"}\n{\"text\": \"three\",}\n{\"text\": \"four\"}\n")
        let result = try gloss.run(["import", bad, "--dataset", "news"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.jsonl:3:18: invalid JSON"))
        #expect(result.stderr.contains("Nothing was imported"))
        #expect(try gloss.run(["datasets", "--json"]).stdout == before)
        let fresh = try gloss.run(["import", bad, "--dataset", "brand-new"])
        #expect(fresh.status == 1)
        #expect(try datasetsJSON().map { $0["name"] as? String } == ["news"])
    }

    @Test func skipInvalidListsTwentyThenACount() throws {
        let lines = (1...30).map { $0 % 3 == 0 ? "{\"text\": \"fine \($0)\"}" : "{oops" }.joined(separator: "\n")
        let file = try dir.write("mixed.jsonl", lines)
        let result = try gloss.run(["import", file, "--dataset", "m", "--skip-invalid"])
        #expect(result.status == 0)
        let skippedLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("skipped ") }
        #expect(skippedLines.count == 20)
        #expect(skippedLines.first?.contains("mixed.jsonl:1:2: invalid JSON") == true)
        #expect(result.stderr.contains("... and 0 more") == false)
        #expect(result.stdout.contains("10 added, 0 duplicates, 20 skipped"))
        let more = (1...40).map { $0 % 4 == 0 ? "{\"text\": \"other \($0)\"}" : "{oops" }.joined(separator: "\n")
        let second = try gloss.run(["import", dir.write("more.jsonl", more), "--dataset", "m", "--skip-invalid"])
        #expect(second.stderr.contains("... and 10 more skipped records"))
    }

    @Test func readsStandardInputWithAFormat() throws {
        let result = try gloss.run(["import", "-", "--format", "csv", "--dataset", "piped"], stdin: "id,text\na,\"x, y\"\nb,z\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 added"))
        let log = try gloss.run(["dataset", "log", "piped", "--json"])
        let batches = try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]]
        #expect(batches?.first?["source"] as? String == "<stdin>")
        #expect(batches?.first?["format"] as? String == "csv")
        #expect((batches?.first?["sha256"] as? String)?.count == 64)
    }

    @Test func theStoreComesFromDbThenGlossDBThenTheDefault() throws {
        let file = try dir.write("a.txt", "alpha\nbeta\n")
        try gloss.run(["import", file, "--dataset", "d"], environment: ["GLOSS_DB": dir.path("env.db")])
        try gloss.run(["import", file, "--dataset", "d", "--db", dir.path("flag.db")], environment: ["GLOSS_DB": dir.path("env.db")])
        try gloss.run(["import", file, "--dataset", "d"])
        for name in ["env.db", "flag.db", "gloss.db"] {
            #expect(FileManager.default.fileExists(atPath: dir.path(name)), "\(name)")
        }
    }

    @Test func aTextFileAsTheStoreIsRefusedUntouched() throws {
        let notes = try dir.write("notes.txt", "dear diary\n")
        let before = try FileFingerprint(notes)
        let result = try gloss.run(["datasets", "--db", notes])
        #expect(result.status == 1)
        #expect(result.stderr.contains("notes.txt is not a Gloss store: it is a text file"))
        #expect(try FileFingerprint(notes) == before)
    }

    @Test func listingAMissingStoreDoesNotCreateOne() throws {
        let result = try gloss.run(["datasets", "--db", "typo.db"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("there is no Gloss store at typo.db yet"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("typo.db")))
    }

    @Test func tablesAndLogForHumans() throws {
        try gloss.run(["import", Samples.path("news-ko.jsonl"), "--dataset", "뉴스", "--label-field", "label"])
        try gloss.run(["import", Samples.path("headlines.txt"), "--dataset", "headlines"])
        let table = try gloss.run(["datasets"]).stdout.split(separator: "\n").map(String.init)
        #expect(table.first?.hasPrefix("NAME") == true)
        #expect(table.count == 3)
        #expect(table.contains { $0.hasPrefix("뉴스") && $0.contains(" 40 ") })
        let log = try gloss.run(["dataset", "log", "뉴스"])
        #expect(log.stdout.contains("jsonl"))
        #expect(log.stdout.contains("news-ko.jsonl"))
        let missing = try gloss.run(["dataset", "log", "nope"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no dataset \"nope\"; the datasets are: headlines, 뉴스"))
    }

    @Test func usageErrorsExitWith64() throws {
        let noDataset = try gloss.run(["import", Samples.path("headlines.txt")])
        #expect(noDataset.status == 64)
        let missingFile = try gloss.run(["import", "nowhere.jsonl", "--dataset", "d"])
        #expect(missingFile.status == 64)
        #expect(missingFile.stderr.contains("There is no file or directory nowhere.jsonl."))
        let badFormat = try gloss.run(["import", "-", "--format", "xml", "--dataset", "d"])
        #expect(badFormat.status == 64)
    }

    @Test func versionAndHelpWithExamples() throws {
        let version = try gloss.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        for command in [[], ["import"], ["datasets"], ["dataset", "log"]] {
            let help = try gloss.run(command + ["--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("Examples:"), "\(command)")
        }
    }
}

@Suite("Hostile text never reaches the terminal raw")
struct HostileTextTests {
    @Test func escapesInIdsAndColumnNamesAreShownVisibly() throws {
        let dir = try TemporaryDirectory()
        let gloss = try GlossCLI(directory: dir.url)
        let file = try dir.write("evil.jsonl", "{\"id\": \"x\", \"text\": \"a\"}\n{\"id\": \"x\", \"text\": \"b\\u001b[2J\"}\n{\"id\": \"\\u001b]0;pwned\\u0007\", \"text\": \"c\"}\n{\"id\": \"\\u001b]0;pwned\\u0007\", \"text\": \"d\"}\n")
        let result = try gloss.run(["import", file, "--dataset", "d"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\u{1B}"))
        let skipped = try gloss.run(["import", file, "--dataset", "d", "--skip-invalid"])
        #expect(skipped.stderr.contains("the id \"\\u{1B}]0;pwned\\u{7}\" is already used"))
        #expect(!skipped.stderr.contains("\u{1B}") && !skipped.stderr.contains("\u{7}"))
        let csv = try dir.write("evil.csv", "text,\"col\u{1B}[31m\",col\u{1B}[31m\nhello,1,2\n")
        let header = try gloss.run(["import", csv, "--dataset", "e"])
        #expect(header.stderr.contains("twice") && !header.stderr.contains("\u{1B}"))
    }
}

@Suite("Store failures in the middle of a command")
struct StoreFailureTests {
    @Test func aStoreDamagedPastItsSchemaGivesASentence() throws {
        let dir = try TemporaryDirectory()
        let gloss = try GlossCLI(directory: dir.url)
        let lines = (1...3000).map { "{\"text\": \"item number \($0) with some padding text to fill several pages\"}" }
        try gloss.run(["import", dir.write("many.jsonl", lines.joined(separator: "\n")), "--dataset", "d"])
        let path = dir.path("gloss.db")
        // Keep the first pages and the schema's (since v11 the schema spans several pages).
        let schema = Set(try SQLiteShell(path).column("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")
            .compactMap(\.int64).map(Int.init))
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        for page in 4...(bytes.count / 16384) where !schema.contains(page) {
            for i in ((page - 1) * 16384)..<(page * 16384) { bytes[i] = 0xAB }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try gloss.run(["dataset", "log", "d"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the store is damaged (database disk image is malformed). Restore it from a backup."))
        #expect(!result.stderr.contains("SQLite error"))
    }
}
