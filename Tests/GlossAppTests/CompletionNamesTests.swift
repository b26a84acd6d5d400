import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTestSupport
import Testing

/// Shell completion's names come from the store the command line names, and reading them
/// never creates a store.
@Suite struct CompletionNamesTests {
    let fixture: AppFixture

    init() throws {
        fixture = try AppFixture()
        let guide = try GuideFile.cleanGuide(file: Samples.guide("sentiment.md")) { _ in }
        try fixture.store.createProject(name: "pilot", dataset: "reviews", guide: guide, author: "lead")
        let text = try String(contentsOfFile: Samples.guide("sentiment.md"), encoding: .utf8) + "\nOne more note.\n"
        let second = try #require(GuideParser.lint(text).guide)
        try fixture.store.publishGuide(project: "pilot", guide: second, author: "lead", message: "a note")
    }

    var path: String { fixture.dir.path("gloss.db") }

    @Test func projectsComeFromGlossDB() {
        let names = CompletionNames.projects(words: ["gloss", "label", ""], environment: ["GLOSS_DB": path])
        #expect(names == ["pilot", "reviews"])
    }

    @Test func theDBOptionWinsOverTheEnvironment() {
        let elsewhere = fixture.dir.path("missing.db")
        #expect(CompletionNames.projects(words: ["gloss", "stats", "--db", path, ""], environment: ["GLOSS_DB": elsewhere])
            == ["pilot", "reviews"])
        #expect(CompletionNames.projects(words: ["gloss", "stats", "--db='\(path)'", ""], environment: [:])
            == ["pilot", "reviews"])
        #expect(CompletionNames.datasets(words: ["gloss", "dataset", "log", "--db", path, ""], environment: [:]) == ["reviews"])
    }

    @Test func guideVersionsAreThoseOfTheProjectOnTheLine() {
        let words = ["gloss", "guide", "show", "--db", path, "pilot", "--version", ""]
        #expect(CompletionNames.guideVersions(words: words, after: "show", environment: [:]) == ["1", "2"])
        let diff = ["gloss", "guide", "diff", "reviews", ""]
        #expect(CompletionNames.guideVersions(words: diff, after: "diff", environment: ["GLOSS_DB": path]) == ["1"])
    }

    @Test func aMissingStoreCompletesNothingAndIsNotCreated() {
        let missing = fixture.dir.path("nowhere.db")
        #expect(CompletionNames.projects(words: ["gloss", "label", ""], environment: ["GLOSS_DB": missing]).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
