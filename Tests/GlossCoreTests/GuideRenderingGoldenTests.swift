import Foundation
import GlossCore
import Testing

/// The sample guides rendered as annotators see them (header and body), compared with
/// reviewed golden text in Tests/Fixtures/golden. After an intended rendering change,
/// regenerate with GLOSS_UPDATE_GOLDEN=1 swift test --filter Golden, and review the diff.
@Suite("Guide rendering golden text")
struct GuideRenderingGoldenTests {
    static let cases: [(guide: String, width: Int)] = [
        ("sentiment", 40), ("sentiment", 100), ("sentiment-ko", 40), ("sentiment-ko", 100),
        ("topics", 40), ("topics", 100), ("entities", 40), ("entities", 100),
    ]

    @Test(arguments: cases)
    func matchesGolden(_ c: (guide: String, width: Int)) throws {
        let source = try String(contentsOf: Fixture.repository("guides/\(c.guide).md"), encoding: .utf8)
        let guide = try #require(GuideParser.lint(source).guide)
        let lines = GuideDocument.lines(guide, version: 1, width: c.width)
        #expect(lines.allSatisfy { $0.width <= c.width })
        let rendered = lines.map(\.plainText).joined(separator: "\n") + "\n"
        let golden = Fixture.url("golden/\(c.guide)-\(c.width).txt")
        if ProcessInfo.processInfo.environment["GLOSS_UPDATE_GOLDEN"] == "1" {
            try Data(rendered.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(rendered == expected, "\(c.guide) at \(c.width) differs from \(golden.path)")
    }

    @Test func koreanLinesUseTheFullWidthButNoMore() throws {
        let source = try String(contentsOf: Fixture.repository("guides/sentiment-ko.md"), encoding: .utf8)
        let guide = try #require(GuideParser.lint(source).guide)
        let lines = GuideDocument.lines(guide, version: 1, width: 40)
        let korean = lines.filter { $0.plainText.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }
        #expect(korean.count > 50)
        // Hangul is two columns: a 40-column line holds at most 20 syllables.
        #expect(korean.allSatisfy { $0.width <= 40 })
        #expect(korean.contains { $0.width >= 37 })
        for line in korean {
            let hangul = line.plainText.unicodeScalars.filter { (0xAC00...0xD7A3).contains($0.value) }.count
            #expect(hangul <= 20)
        }
    }
}
