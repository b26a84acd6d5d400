import Foundation
import GlossCore
import GlossTasks
import GlossStore
import GlossTerminal
import GlossTestSupport
import Testing
@testable import GlossTUI

@Suite struct ReviewViewTests {
    func frame(_ state: ReviewState) -> String { Review.view(state).plainText }

    @Test func theScreenShowsTheItemEveryDecisionTheModelAndTheGuide() throws {
        let text = frame(try ReviewFixtures.state())
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count == 24 && rows.allSatisfy { screenWidth(String($0)) <= 80 })
        #expect(rows[0].contains("rev · review · disagreements") && rows[0].contains("1 of 3 · reviewer lead"))
        #expect(rows[1].contains("#r001"))
        #expect(text.contains("The battery died after a day. Great screen though."))
        #expect(text.contains("▸ ana  negative · “battery wins”"))
        #expect(text.contains("  ben  mixed"))
        #expect(text.contains("model suggested: negative"))
        #expect(text.contains("final: none yet"))
        #expect(text.contains("guide: the labels in question"))
        #expect(text.contains("**negative**") == false && text.contains("negative:") || text.contains("n negative"))
        #expect(text.contains("mixed") && !text.contains("`u` neutral"), "only the labels in question")
        #expect(rows[22].contains("p positive") && rows[22].contains("⌫ undo") && rows[22].contains("? help"))
        let wide = frame(try ReviewFixtures.state(width: 140)).split(separator: "\n", omittingEmptySubsequences: false)[22]
        #expect(wide.contains("→ next · ← prev · ⌫ undo"), "n, p and u are label keys in sentiment.md")
    }

    @Test func blindHidesEveryAnnotatorName() throws {
        var state = try ReviewFixtures.state(blind: true)
        for _ in 0..<3 {
            let text = frame(state)
            #expect(!text.contains("ana") && !text.contains("ben") && !text.contains("cy "), "\(text)")
            #expect(text.contains("annotator "))
            _ = Review.update(&state, .key(.right))
        }
        state.position = 0
        state.relayout()
        #expect(frame(state).contains("annotator A  negative") && frame(state).contains("annotator B  mixed"))
        #expect(frame(state).split(separator: "\n")[0].contains("blind"))
    }

    @Test func theAdjudicationShowsWithReviewerAndTime() throws {
        var state = try ReviewFixtures.state()
        state.entries[0].adjudication = ReviewFixtures.adjudication(12, item: 1, .label("mixed"))
        state.relayout()
        #expect(frame(state).contains("final: mixed · by lead · 2027-01-15 08:00 UTC · adjudication 12"))
    }

    @Test func controlCharactersInTheTextAreEscaped() throws {
        var state = try ReviewFixtures.state()
        _ = Review.update(&state, .key(.right))
        _ = Review.update(&state, .key(.right))
        let screen = Review.view(state)
        #expect(!screen.plainText.contains("\u{1B}"))
        #expect(screen.plainText.contains("Loved ␛[31m it"))
    }

    @Test func theSuspectPredictionReplacesTheSuggestion() throws {
        var state = try ReviewFixtures.state(kind: .suspect)
        state.suspects[1] = SuspectNote(givenLabel: "mixed", predictedLabel: "negative", confidence: 0.934)
        state.relayout()
        let text = frame(state)
        #expect(text.contains("model (cross-validated): negative 93% · given mixed"))
        #expect(text.split(separator: "\n")[0].contains("suspect"))
    }

    @Test func theSummaryHelpAndTinyTerminalsDraw() throws {
        var state = try ReviewFixtures.state()
        _ = Review.update(&state, .adjudicated(ReviewFixtures.adjudication(5, item: 1, .label("mixed"))))
        for _ in 0..<3 { _ = Review.update(&state, .key(.right)) }
        let summary = frame(state)
        #expect(summary.contains("The end of the disagreements list."))
        #expect(summary.contains("1 of 3 items has a final answer;") && summary.contains("1 adjudicated and 0 undone"))
        _ = Review.update(&state, .key(.character("?")))
        #expect(frame(state).contains("undo your last adjudication"))
        for (width, height) in [(30, 10), (1, 1), (0, 0), (40, 12), (200, 60)] {
            var small = try ReviewFixtures.state(width: width, height: height)
            _ = Review.update(&small, .resize(width: width, height: height))
            let screen = Review.view(small)
            #expect(screen.plainText.split(separator: "\n").count <= max(height, 1))
            if width < 40 && width > 20 { #expect(screen.plainText.contains("too small")) }
        }
    }
}
