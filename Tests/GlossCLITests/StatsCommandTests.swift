import Foundation
import GlossTestSupport
import Testing

/// gloss annotations import/export and gloss stats on a store built as a user would: three
/// annotators on twelve items, with gaps, one changed and one undone decision.
@Suite("gloss annotations and gloss stats")
struct StatsCommandTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI
    let file: String

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
          - name: neu
            key: u
            description: Neither.
        ---
        # Reviews
        """

    /// item: (ana, bob, cy); nil = no decision. ana also changed r-2 (neg first) and bob skipped r-11.
    static let table: [(String, String?, String?, String?)] = [
        ("r-1", "pos", "pos", "pos"), ("r-2", "pos", "neg", "pos"), ("r-3", "neg", "neg", "neg"),
        ("r-4", "neu", "neu", nil), ("r-5", "pos", nil, "pos"), ("r-6", "neg", "pos", "neg"),
        ("r-7", nil, "neg", "neg"), ("r-8", "pos", "pos", nil), ("r-9", "neu", "neg", "neu"),
        ("r-10", "neg", "neg", nil), ("r-11", "pos", nil, nil), ("r-12", nil, nil, nil),
    ]
    /// ana's active seconds on her current decisions, by item.
    static let anaSeconds = ["r-1": 3, "r-2": 5, "r-3": 2, "r-4": 4, "r-5": 6, "r-6": 10, "r-8": 1, "r-9": 7, "r-10": 3, "r-11": 2]

    static func lines() -> [String] {
        func line(_ item: String, _ who: String, _ value: String, _ at: String, _ extra: String = "") -> String {
            #"{"item": "\#(item)", "annotator": "\#(who)", \#(value), "decided_at": "\#(at)"\#(extra)}"#
        }
        var out = [line("r-2", "ana", #""label": "neg""#, "2026-01-05T08:00:00Z", #", "duration_ms": 8000"#)]
        for (n, row) in table.enumerated() {
            if let label = row.1 {
                out.append(line(row.0, "ana", #""label": "\#(label)""#, "2026-01-05T09:\(10 + n):00Z", #", "duration_ms": \#(anaSeconds[row.0]! * 1000)"#))
            }
            if let label = row.2 { out.append(line(row.0, "bob", #""label": "\#(label)""#, "2026-01-06T09:\(10 + n):00Z", #", "duration_ms": 2500"#)) }
            if let label = row.3 { out.append(line(row.0, "cy", #""label": "\#(label)""#, "2026-01-06T10:\(10 + n):00Z")) }
        }
        out.append(line("r-11", "bob", #""kind": "skip""#, "2026-01-06T11:00:00Z", #", "duration_ms": 2500"#))
        out.append(line("r-12", "cy", #""label": "pos""#, "2026-01-06T11:00:00Z", #", "undone_at": "2026-01-06T11:00:05Z""#))
        return out
    }

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        let items = (1...12).map { #"{"id": "r-\#($0)", "text": "review number \#($0)"}"# }.joined(separator: "\n")
        file = try dir.write("decisions.jsonl", Self.lines().joined(separator: "\n") + "\n")
        try expectSuccess(gloss.run(["import", dir.write("items.jsonl", items + "\n"), "--dataset", "reviews"]))
        try expectSuccess(gloss.run(["project", "create", "rev", "--dataset", "reviews", "--guide", dir.write("guide.md", Self.guide)]))
    }

    @discardableResult
    func expectSuccess(_ result: GlossCLI.Result) -> GlossCLI.Result {
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func importCountsExportAndABadLine() throws {
        let imported = expectSuccess(try gloss.run(["annotations", "import", "rev", file]))
        // 1 changed + 10 (ana) + 9 (bob) + 7 (cy) + 1 skip + 1 undone = 29 lines; items r-1…r-12.
        #expect(imported.stdout == "Imported 29 decisions by 3 annotators on 12 items from 29 lines of \(file) into \"rev\" (1 undone).\n")
        let exported = expectSuccess(try gloss.run(["annotations", "export", "rev"])).stdout.split(separator: "\n")
        #expect(exported.count == 29 && exported[0].contains(#""superseded_by":"#))
        let current = expectSuccess(try gloss.run(["annotations", "export", "rev", "--current", "--out", "current.jsonl"]))
        #expect(current.stderr.contains("Wrote 27 decisions and 0 adjudications to current.jsonl."))
        let bad = try gloss.run(["annotations", "import", "rev", dir.write("bad.jsonl", #"{"item": "r-1", "annotator": "ana", "label": "great"}"# + "\n")])
        #expect(bad.status == 1 && bad.stderr.contains("bad.jsonl:1: \"great\" is not a label of the current guide of \"rev\""))
        let missing = try gloss.run(["stats", "rev", "--annotator", "zed"])
        #expect(missing.status == 1 && missing.stderr.contains("\"zed\" made no decisions in \"rev\"; the annotators are: ana, bob, cy."))
    }

    /// Needs the agreement coefficients (the `agree` branch).
    @Test func statsJSONMatchesAHandComputation() throws {
        expectSuccess(try gloss.run(["annotations", "import", "rev", file]))
        let report = try json(expectSuccess(gloss.run(["stats", "rev", "--json"])).stdout)
        let annotators = try #require(report["annotators"] as? [[String: Any]])
        let ana = try #require(annotators.first { $0["name"] as? String == "ana" })
        let cy = try #require(annotators.first { $0["name"] as? String == "cy" })

        // Cohen's κ of ana and bob over the 8 items both labeled: r-1 r-2 r-3 r-4 r-6 r-8 r-9 r-10.
        //   agree on r-1 r-3 r-4 r-8 r-10: pₒ = 5/8
        //   ana: pos 3 (r-1 r-2 r-8), neg 3 (r-3 r-6 r-10), neu 2 (r-4 r-9)
        //   bob: pos 3 (r-1 r-6 r-8), neg 4 (r-2 r-3 r-9 r-10), neu 1 (r-4)
        //   pₑ = (3·3 + 3·4 + 2·1)/8² = 23/64
        //   κ = (40/64 − 23/64)/(1 − 23/64) = 17/41 ≈ 0.4146
        let kappa = 17.0 / 41.0
        let pairs = try #require(ana["pairs"] as? [[String: Any]])
        let withBob = try #require(pairs.first { $0["other"] as? String == "bob" })
        #expect(withBob["items"] as? Int == 8)
        #expect(abs(try #require(withBob["cohens_kappa"] as? Double) - kappa) < 1e-9)

        // Krippendorff's α over the 10 items with two or more labels (r-11 has one, r-12 none):
        //   pairable values n = 5 items × 3 + 5 items × 2 = 25; pos 10, neg 11, neu 4
        //   disagreeing items r-2 (pos pos neg), r-6 (neg neg pos), r-9 (neu neu neg): each has
        //   2·2·1 = 4 ordered disagreeing pairs over m − 1 = 2, so 2 coincidences each: 6 in all
        //   α = 1 − (n − 1)·6 / (n² − Σ n_c²) = 1 − 24·6/(625 − (100 + 121 + 16)) = 1 − 144/388 = 61/97 ≈ 0.6289
        let alpha = 61.0 / 97.0
        let agreement = try #require(report["agreement"] as? [String: Any])
        #expect(agreement["items"] as? Int == 10)
        #expect(abs(try #require(agreement["krippendorff_alpha"] as? Double) - alpha) < 1e-9)

        // ana's time: current decisions took 3+5+2+4+6+10+1+7+3+2 = 43 s; her changed first
        // decision on r-2 took 8 s more: 51 s active = 51/3600 h.
        //   items/hour = 10 current decisions / (51/3600 h) = 36000/51 ≈ 705.88
        //   median of 1 2 2 3 3 | 4 5 6 7 10 s = (3 + 4)/2 = 3.5 s
        //   p90: h = 9 × 0.9 = 8.1, so 7 + 0.1 × (10 − 7) = 7.3 s
        #expect(ana["decisions"] as? Int == 10 && ana["rows"] as? Int == 11)
        #expect(abs(try #require(ana["active_hours"] as? Double) - 51.0 / 3600) < 1e-12)
        #expect(abs(try #require(ana["items_per_hour"] as? Double) - 36000.0 / 51) < 1e-9)
        #expect(try #require(ana["median_seconds"] as? Double) == 3.5)
        #expect(abs(try #require(ana["p90_seconds"] as? Double) - 7.3) < 1e-9)

        // cy: 7 labels and 1 undone row: undo rate 1/8; no measured time, so no items/hour.
        let cyUndoRate = try #require(cy["undo_rate"] as? Double)
        #expect(cy["decisions"] as? Int == 7 && abs(cyUndoRate - 0.125) < 1e-12)
        #expect(cy["items_per_hour"] == nil)
        // ana against the others' plurality: r-2, r-6, r-9 are ties and r-11 has no other vote;
        // r-1 r-3 r-4 r-5 r-8 r-10 agree: 6 of 6.
        let consensus = try #require(ana["consensus"] as? [String: Any])
        #expect(consensus["items"] as? Int == 6 && consensus["agreeing"] as? Int == 6)

        let human = expectSuccess(try gloss.run(["stats", "rev"])).stdout
        #expect(human.contains("Krippendorff's α 0.629"))
        #expect(human.contains("2026-01-05  ") && human.contains("2026-01-06  "))
    }
}
