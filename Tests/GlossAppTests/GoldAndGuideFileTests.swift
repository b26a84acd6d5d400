import GlossApp
import GlossCore
import GlossTestSupport
import Testing

@Suite("Gold answers and guide files read for the commands")
struct GoldAndGuideFileTests {
    @Test func goldAnswersAreReadLineByLineWithTheirSource() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("gold.jsonl", """
            {"id": "r001", "text": "ignored", "label": "positive"}

            {"id": 7, "labels": ["a", "b"]}
            """)
        let answers = try GoldFile.read(path)
        #expect(answers.map(\.externalID) == ["r001", "7"])
        #expect(answers.map(\.value) == [.label("positive"), .labels(["a", "b"])])
        #expect(answers.map(\.source) == ["\(path):1", "\(path):3"])
        let bad = try dir.write("bad.jsonl", "{\"id\": \"x\"}\n")
        #expect { try GoldFile.read(bad) } throws: { "\($0)" == "\(bad):1: no answer: give \"label\", \"labels\" or \"spans\"" }
    }

    @Test func aGuideFileLintsCleanOrCountsItsErrors() throws {
        var findings: [String] = []
        let guide = try GuideFile.cleanGuide(file: Samples.guide("sentiment.md")) { findings.append($0) }
        #expect(guide.labels.map(\.name) == ["positive", "negative", "neutral", "mixed"])
        let broken = Samples.fixture("broken-guides/no-labels.md")
        #expect(throws: UseCaseFailure.self) { try GuideFile.cleanGuide(file: broken) { findings.append($0) } }
        #expect(findings.contains { $0.hasPrefix("\(broken):") && $0.contains("error") })
        let dir = try TemporaryDirectory()
        let latin1 = try dir.write("latin1.md", bytes: Array("---\nname: x\n".utf8) + [0xE9, 0x0A])
        #expect(GuideFile.lint(file: latin1).diagnostics.map(\.message) == ["the file is not valid UTF-8"])
        #expect(GuideFile.lint(file: dir.path("missing.md")).diagnostics.map(\.message) == ["cannot read the file"])
    }
}
