import Foundation
import GlossCore
import GlossTasks
import GlossTestSupport
import Testing
@testable import GlossTUI

@Suite struct LabelerStateTests {
    @Test func aNewStateStartsOnTheQueueWithNothingSelected() throws {
        let text = try String(contentsOfFile: Samples.guide("sentiment.md"), encoding: .utf8)
        let guide = try #require(GuideParser.lint(text).guide)
        let state = LabelerState(project: "p", guide: guide, guideVersion: 1, annotator: "ann",
                                 width: 80, height: 24, decided: 0, total: 10, now: Date(timeIntervalSince1970: 0),
                                 answer: TaskKinds.kind(for: guide.task).answer)
        #expect(state.context == .queue)
        #expect(state.mode == .labeling)
        #expect(state.selectedLabels.isEmpty)
    }
}
