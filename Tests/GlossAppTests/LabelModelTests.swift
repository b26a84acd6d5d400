import GlossClassifier
import GlossCore
import GlossTestSupport
import Foundation
import Testing
import GlossTasks
import GlossTUI
@testable import GlossApp

/// The labeler's models for each task, over the real classifier and span suggester.
@Suite struct LabelModelTests {
    @Test func classifyModelSuggestsALabelWithProbabilitiesForEveryLabel() throws {
        let guide = try sampleGuide("sentiment.md")
        let model = LabelModels.make(for: guide)
        for _ in 0..<5 {
            model.learn(text: "great wonderful love it", value: .label("positive"))
            model.learn(text: "awful broken hate it", value: .label("negative"))
        }
        #expect(model.examplesSeen == 10)
        let ranked = try #require(model.suggest("I love it, wonderful"))
        #expect(ranked.suggestion.value == .label("positive"))
        #expect(Set(ranked.suggestion.probabilities.keys) == Set(guide.labels.map(\.name)))
        #expect(abs(ranked.suggestion.probabilities.values.reduce(0, +) - 1) < 1e-6)
        #expect(ranked.suggestion.confidence == ranked.suggestion.probabilities["positive"])
    }

    @Test func multilabelModelSuggestsTheLabelsOverOneHalf() throws {
        let model = LabelModels.make(for: try sampleGuide("topics.md"))
        let names = try sampleGuide("topics.md").labels.map(\.name)
        for _ in 0..<20 {
            model.learn(text: "stocks rally as chip makers report profits", value: .labels([names[0], names[1]]))
            model.learn(text: "the team won the final match", value: .labels([names[2]]))
        }
        let ranked = try #require(model.suggest("chip makers stocks rally"))
        guard case .labels(let chosen) = ranked.suggestion.value else { Issue.record("not a labels value"); return }
        #expect(Set(chosen) == Set([names[0], names[1]]))
    }

    @Test func spansModelSuggestsARepeatedEntity() throws {
        let model = LabelModels.make(for: try sampleGuide("entities.md"))
        model.learn(text: "Maria Lopez joined Northwind Analytics.", value: .spans([LabeledRange(start: 19, end: 38, label: "organization")]))
        model.learn(text: "Northwind Analytics hired ten people.", value: .spans([LabeledRange(start: 0, end: 19, label: "organization")]))
        let ranked = try #require(model.suggest("Shares of northwind analytics rose."))
        #expect(ranked.suggestion.value == .spans([LabeledRange(start: 10, end: 29, label: "organization")]),
                "the dictionary's match; the young tagger's guess at 'Shares' is under the floor")
        #expect(ranked.suggestion.confidence > 0 && ranked.suggestion.confidence <= 1)
    }
}

/// A guide of `guides/`, parsed.
func sampleGuide(_ file: String) throws -> Guide {
    let text = try String(contentsOfFile: Samples.guide(file), encoding: .utf8)
    return try #require(GuideParser.lint(text).guide)
}
