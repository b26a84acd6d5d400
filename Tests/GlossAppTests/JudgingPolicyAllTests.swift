import Foundation
import GlossCore
import GlossFormats
import GlossTestSupport
import Testing
@testable import GlossApp

/// `--policy all` on a judging project: a preference set keeps every judge's judgment, one
/// row per annotator, where the other policies write one consensus row per item.
@Suite("Exports of judged projects under --policy all")
struct JudgingPolicyAllTests {
    /// The review tests' two judges, and p004 judged by ana alone.
    func twoJudges() throws -> JudgedProjectFixture {
        try JudgedProjectFixture.twoJudges(more: [
            #"{"item":"p004","annotator":"ana","winner":"borealis-13b","left":"borealis-13b","right":"atlas-7b"}"#,
        ])
    }

    @Test func jsonlWritesOneRowPerAnnotatorWithThatAnnotatorsJudgment() throws {
        let judges = try twoJudges()
        let outcome = try judges.export(.jsonl, to: "all", policy: .all)
        let rows = try judges.rows("all/data.jsonl")
        let byItem = Dictionary(grouping: rows) { $0["id"] as? String ?? "" }
        #expect(byItem.keys.sorted() == ["p001", "p002", "p003", "p004"])
        #expect(byItem["p002"]?.map { $0["winner"] as? String } == ["atlas-7b", "borealis-13b"])
        #expect(byItem["p002"]?.map { ($0["annotators"] as? [String]) ?? [] } == [["ana"], ["bo"]])
        #expect(byItem["p003"]?.map { $0["outcome"] as? String } == ["tie", "win"])
        #expect(byItem["p004"]?.count == 1)
        #expect(outcome.manifest.counts.items == 7)
        // Majority keeps one row per item it can decide: p001 and p004 (p002 and p003 tie).
        let majority = try judges.export(.jsonl, to: "majority", policy: .majority)
        #expect(try judges.rows("majority/data.jsonl").compactMap { $0["id"] as? String } == ["p001", "p004"])
        #expect(majority.manifest.counts.items == 2)
    }

    @Test func dpoKeepsEveryJudgesPreferenceAndExportingTwiceGivesTheSameBytes() throws {
        let judges = try twoJudges()
        _ = try judges.export(.dpo, to: "dpo", policy: .all)
        let rows = try judges.rows("dpo/train.jsonl")
        // p001 twice (both judges), p002 once each way, p003 only bo's win, p004 once.
        #expect(rows.compactMap { $0["id"] as? String } == ["p001", "p001", "p002", "p002", "p003", "p004"])
        let p002 = rows.filter { $0["id"] as? String == "p002" }
        #expect(p002[0]["chosen"] as? String != p002[1]["chosen"] as? String)
        #expect(p002[0]["chosen"] as? String == p002[1]["rejected"] as? String)
        _ = try judges.export(.dpo, to: "again", policy: .all)
        let first = try Data(contentsOf: URL(fileURLWithPath: judges.dir.path("dpo/train.jsonl")))
        let second = try Data(contentsOf: URL(fileURLWithPath: judges.dir.path("again/train.jsonl")))
        #expect(first == second)
    }

    @Test func labelStudioHoldsEachItemOnceWithAnAnnotationPerJudge() throws {
        let judges = try twoJudges()
        _ = try judges.export(.labelStudio, to: "ls", policy: .all)
        let data = try Data(contentsOf: URL(fileURLWithPath: judges.dir.path("ls/tasks.json")))
        let tasks = try #require(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let ids = tasks.compactMap { ($0["data"] as? [String: Any])?["id"] as? String }
        #expect(ids == ["p001", "p002", "p003", "p004"])
        #expect(tasks.map { ($0["annotations"] as? [Any])?.count ?? 0 } == [2, 2, 2, 1])
    }
}
