import Foundation
import GlossCore
import Testing

/// README's Status paragraph counts the export formats in words; it must follow the code.
@Suite("README's Status paragraph")
struct ReadmeStatusTests {
    @Test func theNumberOfExportFormatsIsTheCodes() throws {
        let readme = try String(contentsOf: Fixture.repository("README.md"), encoding: .utf8)
        let status = try #require(readme.components(separatedBy: "\n\n").first { $0.hasPrefix("**Status.**") })
        let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        let said = words.firstIndex { status.contains("`gloss export` in \($0) formats") }.map { $0 + 1 }
        #expect(said == ExportFormat.allCases.count, "\(status)")
    }
}
