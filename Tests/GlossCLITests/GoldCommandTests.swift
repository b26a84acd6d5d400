import Foundation
import GlossTestSupport
import Testing

/// `gloss gold add --items`: what a refusal quotes from the file reaches the terminal with
/// its control characters shown as escapes (issue 17: they were printed raw).
@Suite("gloss gold add")
struct GoldCommandTests {
    let dir: TemporaryDirectory
    let gloss: GlossCLI

    init() throws {
        dir = try TemporaryDirectory()
        gloss = try GlossCLI(directory: dir.url)
        #expect(try gloss.run(["import", Samples.path("reviews.jsonl"), "--dataset", "reviews"]).status == 0)
        #expect(try gloss.run(["project", "create", "rev", "--dataset", "reviews", "--guide", Samples.guide("sentiment.md")]).status == 0)
    }

    /// Every way a hostile answers file is quoted back: an unknown id, an unknown label.
    @Test(arguments: [
        (#"{"id": "r0\u001b[2J\u001b]0;pwned\u0007", "label": "positive"}"#, "no item has the id"),
        (#"{"id": "r001", "label": "pos\u001b[31mitive\u009b1m"}"#, "which the guide does not define"),
    ])
    func hostileTextInARefusalIsShownAsEscapes(line: String, refusal: String) throws {
        let file = try dir.write("gold.jsonl", line + "\n")
        let result = try gloss.run(["gold", "add", "rev", "--items", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains(refusal), "\(result.stderr)")
        #expect(result.stderr.contains(#"\u{1B}"#), "the escape is shown: \(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(try gloss.run(["gold", "list", "rev"]).stdout.contains("r001") == false, "nothing was added")
    }

    @Test func aCleanFileAddsItsAnswers() throws {
        let file = try dir.write("gold.jsonl", #"{"id": "r001", "label": "positive"}"# + "\n")
        let result = try gloss.run(["gold", "add", "rev", "--items", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("1 gold item added, 0 updated;"))
    }
}
