import Foundation
import GlossApp
import GlossCore
import GlossFormats
import GlossStore
import GlossTestSupport
import Testing

/// `label-studio` and `hf` exports of a judged project (the sample prompts under the preference
/// guide: a judgment, then the quality of each answer), twice: the same bytes.
@Suite("label-studio and hf exports of a judged project")
struct JudgingExportTests {
    let fixture: JudgedProjectFixture

    init() throws {
        fixture = try JudgedProjectFixture(guide: Samples.guide("preference.md"))
        try fixture.annotate([
            #"{"item":"p001","annotator":"ana","pairwise":{"winner":"atlas-7b","left":"borealis-13b","right":"atlas-7b"},"ratings":{"atlas-7b":{"quality":5},"borealis-13b":{"quality":1}}}"#,
            #"{"item":"p004","annotator":"ana","pairwise":{"outcome":"tie","left":"atlas-7b","right":"borealis-13b"},"ratings":{"atlas-7b":{"quality":4},"borealis-13b":{"quality":4}}}"#,
        ], name: "j.jsonl")
    }

    func export(_ format: ExportFormat, to name: String) throws -> [String: Data] {
        let outcome = try fixture.export(format, to: name, policy: .all)
        var files: [String: Data] = [:]
        for file in outcome.manifest.files {
            files[file.name] = try Data(contentsOf: URL(fileURLWithPath: fixture.dir.path("\(name)/\(file.name)")))
        }
        return files
    }

    @Test func labelStudioTasksCarryTheJudgmentOnTheTasksSidesAndRatings() throws {
        let first = try export(.labelStudio, to: "ls")
        #expect(try export(.labelStudio, to: "ls-again") == first)
        let tasks = try #require(try JSONSerialization.jsonObject(with: first["tasks.json"] ?? Data()) as? [[String: Any]])
        #expect(tasks.count == 2)
        let data = try #require(tasks[0]["data"] as? [String: Any])
        #expect(data["model_a"] as? String == "atlas-7b" && data["model_b"] as? String == "borealis-13b")
        #expect((data["response_a"] as? String)?.hasPrefix("Around 70 °C") == true)
        let results = try #require((tasks[0]["annotations"] as? [[String: Any]])?.first?["result"] as? [[String: Any]])
        // ana saw atlas-7b on the right and preferred it: on the task's sides it is response_a, the left.
        #expect((results[0]["value"] as? [String: String]) == ["selected": "left"])
        #expect(results.dropFirst().map { $0["from_name"] as? String } == ["quality_a", "quality_b"])
        #expect(results.dropFirst().map { ($0["value"] as? [String: Int])?["rating"] } == [5, 1])
        let tie = try #require((tasks[1]["annotations"] as? [[String: Any]])?.first?["result"] as? [[String: Any]])
        #expect((tie[0]["value"] as? [String: [String]]) == ["choices": ["tie"]])
    }

    @Test func huggingFaceRowsHaveThePartsJudgmentAndRatings() throws {
        let first = try export(.hf, to: "hf")
        #expect(try export(.hf, to: "hf-again") == first)
        let rows = String(decoding: first["train.jsonl"] ?? Data(), as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 2)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(rows[0].utf8)) as? [String: Any])
        #expect(row["winner"] as? String == "atlas-7b")
        #expect((row["responses"] as? [[String: String]])?.map { $0["model"] } == ["atlas-7b", "borealis-13b"])
        #expect((row["ratings"] as? [[String: Any]])?.count == 2)
    }
}
