import Foundation
import GlossTestSupport
import Testing

/// Several annotator processes on one store, through the session API the labeler uses
/// (`gloss drive`), and a killed session whose claim comes back.
@Suite("Concurrent annotators on one store", .serialized)
struct ConcurrentAnnotatorsTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
    }

    /// A store with `items` items in project "p" with this overlap and no gold.
    func makeProject(items: Int, overlap: Int) throws {
        let lines = (0..<items).map { "{\"id\": \"i\($0)\", \"text\": \"item \($0): the service was fine\"}" }
        let file = try dir.write("items.jsonl", lines.joined(separator: "\n") + "\n")
        for args in [["import", file, "--dataset", "d"],
                     ["project", "create", "p", "--dataset", "d", "--guide", Samples.guide("sentiment.md"), "--overlap", String(overlap)],
                     ["gold", "rate", "p", "0"]] {
            let result = try gloss.run(args + ["--db", "s.db"])
            #expect(result.status == 0, "\(args): \(result.stderr)")
        }
    }

    /// Starts `gloss drive` with these arguments; its stdout and stderr go to files.
    func startDriver(_ name: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = gloss.executable
        process.arguments = ["drive", "p", "--as", name, "--db", "s.db"] + arguments
        process.currentDirectoryURL = dir.url
        _ = FileManager.default.createFile(atPath: dir.path("\(name).out"), contents: nil)
        _ = FileManager.default.createFile(atPath: dir.path("\(name).err"), contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: dir.url.appendingPathComponent("\(name).out"))
        process.standardError = try FileHandle(forWritingTo: dir.url.appendingPathComponent("\(name).err"))
        try process.run()
        return process
    }

    func events(_ name: String) throws -> [[String: Any]] {
        try String(contentsOfFile: dir.path("\(name).out"), encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func fourAnnotatorsForSixtySecondsWithOverlapTwoLoseAndOverAssignNothing() throws {
        try makeProject(items: 2000, overlap: 2)
        let names = ["ann1", "ann2", "ann3", "ann4"]
        let drivers = try names.enumerated().map { index, name in
            try startDriver(name, ["--seconds", "60", "--think-ms", "40", "--undo-rate", "0.05", "--seed", String(index + 1)])
        }
        for driver in drivers { driver.waitUntilExit() }
        let store = SQLiteShell(dir.path("s.db"))
        var saved = 0, undone = 0
        for (index, name) in names.enumerated() {
            #expect(drivers[index].terminationStatus == 0)
            #expect(try String(contentsOfFile: dir.path("\(name).err"), encoding: .utf8).isEmpty)
            let log = try events(name)
            #expect(log.filter { $0["event"] as? String == "error" }.isEmpty, "\(name) saw errors")
            let done = try #require(log.last)
            #expect(done["event"] as? String == "done" && done["errors"] as? Int == 0)
            let undoneIDs = Set(log.filter { $0["event"] as? String == "undone" }.compactMap { $0["annotation"] as? Int64 })
            for event in log where event["event"] as? String == "saved" {
                // Every decision the driver was told is saved is in the store as it was made.
                let id = try #require(event["annotation"] as? Int64)
                let row = try #require(try store.rows("""
                    SELECT i.external_id, n.name, a.value, a.undone_at FROM annotations a
                    JOIN items i ON i.id = a.item_id JOIN annotators n ON n.id = a.annotator_id WHERE a.id = \(id)
                    """).first)
                #expect(row["external_id"].string == event["item"] as? String && row["name"].string == name
                        && row["value"].string == event["value"] as? String)
                #expect((row["undone_at"].string != nil) == undoneIDs.contains(id))
                saved += 1
            }
            undone += undoneIDs.count
            let current = try store.int("""
                SELECT COUNT(*) FROM annotations a JOIN annotators n ON n.id = a.annotator_id
                WHERE n.name = '\(name)' AND a.superseded_by IS NULL AND a.undone_at IS NULL
                """)
            #expect(current == done["decided"] as? Int)
        }
        // One read, so the four counts see the same rows.
        let counts = try #require(try store.rows("""
            SELECT (SELECT COUNT(*) FROM (SELECT item_id FROM annotations
                    WHERE superseded_by IS NULL AND undone_at IS NULL
                    GROUP BY item_id HAVING COUNT(DISTINCT annotator_id) > 2)) AS over_assigned,
                   (SELECT COUNT(*) FROM (SELECT item_id FROM annotations
                    WHERE superseded_by IS NULL AND undone_at IS NULL
                    GROUP BY item_id, annotator_id HAVING COUNT(*) > 1)) AS duplicated,
                   (SELECT COUNT(*) FROM annotations) AS rows,
                   (SELECT COUNT(*) FROM (SELECT item_id FROM annotations
                    WHERE superseded_by IS NULL AND undone_at IS NULL
                    GROUP BY item_id HAVING COUNT(DISTINCT annotator_id) = 2)) AS full
            """).first)
        let (overAssigned, duplicated, rows, full) = (counts["over_assigned"].int ?? -1, counts["duplicated"].int ?? -1,
                                                      counts["rows"].int ?? -1, counts["full"].int ?? -1)
        #expect(overAssigned == 0)
        #expect(duplicated == 0)
        #expect(rows == saved)  // nothing stored that no driver saved, nothing lost
        #expect(saved > 1000, "the drivers made too few decisions to test anything: \(saved)")
        #expect(try store.int("SELECT COUNT(*) FROM claims") == 0)  // all released on quit
        print("concurrency: 4 annotators x 60 s, overlap 2, 2000 items: \(saved) decisions saved (\(undone) undone), "
              + "\(full) items with 2 annotators, \(overAssigned) over-assigned, \(duplicated) duplicated, 0 errors")
    }

    @Test func aKilledSessionsClaimComesBackAfterItsLeaseExpires() throws {
        try makeProject(items: 20, overlap: 1)
        // The driver claims its first item, then "thinks" far longer than the test runs.
        let stuck = try startDriver("stuck", ["--seconds", "600", "--think-ms", "600000", "--lease-seconds", "3"])
        let store = SQLiteShell(dir.path("s.db"))
        var claimed: String?
        for _ in 0..<200 where claimed == nil {
            claimed = try store.column("SELECT i.external_id FROM claims c JOIN items i ON i.id = c.item_id")
                .first?.string
            if claimed == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(claimed == "i0")
        kill(stuck.processIdentifier, SIGKILL)
        stuck.waitUntilExit()
        let claimedAt = Date()
        // While the lease runs, another annotator is given the next item instead.
        let before = try startDriver("early", ["--seconds", "0.2", "--think-ms", "0"])
        before.waitUntilExit()
        let early = try events("early").compactMap { $0["item"] as? String }
        #expect(!early.isEmpty && !early.contains("i0"))
        Thread.sleep(forTimeInterval: max(0, 3.5 - Date().timeIntervalSince(claimedAt)))
        let after = try startDriver("late", ["--seconds", "0.3", "--think-ms", "0"])
        after.waitUntilExit()
        #expect(try events("late").first?["item"] as? String == "i0")
        #expect(try store.int("""
            SELECT COUNT(*) FROM annotations WHERE item_id = (SELECT id FROM items WHERE external_id = 'i0')
            """) == 1)
    }
}
