import Foundation
@testable import GlossApp
import GlossStore
import GlossTestSupport
import Testing

/// `gloss demo`'s store: built from the copies embedded in the binary, and never left empty.
@Suite struct DemoSetupTests {
    @Test func theEmbeddedCopiesAreTheRepositorysFiles() throws {
        let reviews = try String(contentsOfFile: Samples.path("reviews.jsonl"), encoding: .utf8)
        let guide = try String(contentsOfFile: Samples.guide("sentiment.md"), encoding: .utf8)
        #expect(DemoFiles.reviews == reviews, "run Scripts/embed-demo-files.sh")
        #expect(DemoFiles.guide == guide, "run Scripts/embed-demo-files.sh")
        let preferences = try String(contentsOfFile: Samples.path("preference.jsonl"), encoding: .utf8)
        let preferenceGuide = try String(contentsOfFile: Samples.guide("preference.md"), encoding: .utf8)
        #expect(DemoFiles.preferences == preferences, "run Scripts/embed-demo-files.sh")
        #expect(DemoFiles.preferenceGuide == preferenceGuide, "run Scripts/embed-demo-files.sh")
    }

    @Test func theJudgingDemoSitsBesideTheReviewsDemo() throws {
        let dir = try TemporaryDirectory()
        _ = try DemoSetup.open(path: dir.path("demo.db"), author: "kim")
        let judging = try DemoSetup.open(path: dir.path("demo.db"), author: "kim", demo: .judging)
        #expect(judging.created)
        let project = try judging.database.project(named: "demo-judging")
        #expect(project.task == .pairwise && project.dataset == "demo-prefs")
        #expect(try judging.database.datasets().first { $0.name == "demo-prefs" }?.items == 42)
        #expect(try judging.database.projects().map(\.name).sorted() == ["demo", "demo-judging"])
        #expect(try !DemoSetup.open(path: dir.path("demo.db"), author: "kim", demo: .judging).created)
    }

    @Test func theFirstRunCreatesTheProjectAndLaterRunsReuseIt() throws {
        let dir = try TemporaryDirectory()
        let first = try DemoSetup.open(path: dir.path("demo.db"), author: "kim")
        #expect(first.created)
        let project = try first.database.project(named: DemoSetup.project)
        #expect(project.dataset == DemoSetup.dataset)
        #expect(try first.database.datasets().first { $0.name == DemoSetup.dataset }?.items == 60)
        let again = try DemoSetup.open(path: dir.path("demo.db"), author: "kim")
        #expect(!again.created)
        #expect(try again.database.projects().map(\.name) == [DemoSetup.project])
    }

    @Test func aFailedFirstRunLeavesNoStoreBehind() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: (any Error).self) {
            _ = try DemoSetup.open(path: dir.path("demo.db"), author: "kim", guideText: "---\ntask: nonsense\n---\n")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func aFailureKeepsAStoreThatWasThereBefore() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.store("demo.db")
        #expect(throws: (any Error).self) {
            _ = try DemoSetup.open(path: dir.path("demo.db"), author: "kim", guideText: "---\ntask: nonsense\n---\n")
        }
        #expect(FileManager.default.fileExists(atPath: dir.path("demo.db")))
    }
}
