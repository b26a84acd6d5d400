import GlossApp
import GlossClassifier
import GlossCore
import GlossTasks
import Testing

@Suite("PredictedValue: the one adapter from a model's prediction to a label value")
struct PredictedValueTests {
    @Test func classifyTakesTheMostProbableLabel() {
        let prediction = Prediction(probabilities: [0.2, 0.7, 0.1], best: 1, confidence: 0.7, margin: 0.5, chosen: [1])
        let predicted = PredictedValue(prediction, labels: ["a", "b", "c"], multilabel: false)
        #expect(predicted.value == .label("b"))
        #expect(predicted.confidence == 0.7)
        #expect(predicted.margin == 0.5)
        #expect(predicted.probabilityByLabel == ["a": 0.2, "b": 0.7, "c": 0.1])
        #expect(!predicted.isEmpty)
    }

    @Test func multilabelTakesEveryChosenLabelInLabelOrderAndMayChooseNone() {
        let both = Prediction(probabilities: [0.9, 0.2, 0.6], best: 0, confidence: 0.77, margin: 0.2, chosen: [0, 2])
        #expect(PredictedValue(both, labels: ["a", "b", "c"], multilabel: true).value == .labels(["a", "c"]))
        let none = Prediction(probabilities: [0.1, 0.2, 0.3], best: 2, confidence: 0.8, margin: 0.4, chosen: [])
        let predicted = PredictedValue(none, labels: ["a", "b", "c"], multilabel: true)
        #expect(predicted.value == .labels([]))
        #expect(predicted.isEmpty)
    }

    @Test func spansKeepEachSpansConfidenceAndTheLeastSureAsTheWhole() {
        let suggestions = [
            SpanSuggestion(span: LabeledRange(start: 0, end: 4, label: "person"), confidence: 0.9, source: .tagger),
            SpanSuggestion(span: LabeledRange(start: 9, end: 12, label: "location"), confidence: 0.6, source: .dictionary),
        ]
        let predicted = PredictedValue(spans: suggestions)
        #expect(predicted.value == .spans(suggestions.map(\.span)))
        #expect(predicted.confidence == 0.6)
        #expect(predicted.spanConfidences == [0.9, 0.6])
        #expect(PredictedValue(spans: []).isEmpty)
        #expect(PredictedValue(spans: []).confidence == 0)
    }

    @Test func aLoadedTextModelPredictsThroughTheAdapter() throws {
        let classifier = TextClassifier(labels: ["good", "bad"], multilabel: false, options: ClassifierOptions(seed: 1))
        try classifier.train((0..<20).map { TrainingExample(text: $0 % 2 == 0 ? "great lovely \($0)" : "awful broken \($0)",
                                                         labels: [$0 % 2 == 0 ? "good" : "bad"]) })
        let predicted = LoadedModel.text(classifier).predictValue("great lovely")
        let direct = classifier.predict("great lovely")
        #expect(predicted.value == .label(classifier.labels[direct.best]))
        #expect(predicted.probabilities == direct.probabilities)
    }
}
