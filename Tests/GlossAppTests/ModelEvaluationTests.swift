import Foundation
import GlossApp
import GlossCore
import GlossStore
import Testing

@Suite("Evaluating and predicting in process")
struct ModelEvaluationTests {
    let fixture: AppFixture

    init() throws {
        fixture = try AppFixture()
        try ModelTraining.train(TrainingRequest(project: "reviews", reference: true, hashBits: 12, epochs: 5, holdout: 0), database: fixture.store)
    }

    @Test func aModelIsScoredAgainstTheReferenceLabels() throws {
        let result = try ModelEvaluation.run(.init(project: "reviews", gold: .reference), database: fixture.store)
        #expect(result.scored == "Model v1")
        #expect(result.goldName == "the reference labels of dataset \"reviews\"")
        #expect(result.report.items == 60)
        #expect(result.report.accuracy > 0.8)  // it learned from these very items
        #expect(result.report.confusion?.labels == ["positive", "negative", "neutral", "mixed"])
        #expect(result.text?.items.count == 60)
    }

    @Test func thereIsNothingToScoreWithoutDecisions() throws {
        #expect {
            try ModelEvaluation.run(.init(project: "reviews"), database: fixture.store)
        } throws: { error in
            "\(error)" == "there is nothing to score: the current decisions of \"reviews\" give no items with labels of the "
                + "model; score against the dataset's own labels with --against reference."
        }
    }

    @Test func predictionsWrittenForTheDatasetScoreAsTheModelDoes() throws {
        let path = fixture.dir.path("predictions.jsonl")
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let (model, _) = try LoadedModel.load(fixture.store, project: "reviews", version: nil)
        try PredictionRun.predict(dataset: "reviews", database: fixture.store, interactive: false,
                                  output: PredictionLines(model: model, descriptor: fd))
        close(fd)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 60)
        let first = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == "r001")
        #expect((first["scores"] as? [String: Any])?.count == 4)
        let fromFile = try ModelEvaluation.run(.init(project: "reviews", predictions: path, gold: .reference), database: fixture.store)
        let fromModel = try ModelEvaluation.run(.init(project: "reviews", gold: .reference), database: fixture.store)
        #expect(fromFile.scored == "Predictions \(path)")
        #expect(fromFile.report.missing == 0)
        #expect(fromFile.report.accuracy == fromModel.report.accuracy)
    }

    @Test func aSpanModelIsScoredByExactSpans() throws {
        let spans = try SpansFixture()
        try ModelTraining.train(TrainingRequest(project: "ner", hashBits: 12, epochs: 3, holdout: 0), database: spans.store)
        let result = try ModelEvaluation.run(.init(project: "ner"), database: spans.store)
        #expect(result.report.items == 30)
        #expect(result.report.confusion == nil)
        #expect(throws: UseCaseFailure.self) {
            try ModelEvaluation.run(.init(project: "ner", textModelOnly: true), database: spans.store)
        }
    }
}
