import Foundation
import GlossApp
import GlossCore
import GlossStore
import Testing

@Suite("Training a project's model in process")
struct ModelTrainingTests {
    @Test func aTextModelTrainsOnTheReferenceLabelsAndIsStoredWithHeldOutScores() throws {
        let fixture = try AppFixture()
        var notices: [String] = []
        let outcome = try ModelTraining.train(TrainingRequest(project: "reviews", reference: true, hashBits: 12, epochs: 5, holdout: 0.25),
                                              database: fixture.store) { notices.append($0) }
        #expect(outcome.source == "reference")
        #expect(outcome.dataset == "reviews")
        #expect(outcome.model.kind == .text)
        #expect(outcome.model.version == 1)
        #expect(outcome.model.examples + outcome.model.heldOut == 60)
        #expect(outcome.model.heldOut > 0)
        #expect(outcome.model.metrics?.heldOut == outcome.model.heldOut)
        #expect(outcome.model.options == #"{"epochs":5,"hash_bits":12,"holdout":0.25,"seed":1}"#)
        #expect(notices.allSatisfy { $0.hasPrefix("note: ") || $0.hasPrefix("warning: ") })
        let (loaded, summary) = try LoadedModel.load(fixture.store, project: "reviews", version: nil)
        #expect(summary == outcome.model)
        #expect(loaded.labels == ["positive", "negative", "neutral", "mixed"])
    }

    @Test func theSameExamplesAndSeedGiveTheSameModel() throws {
        let fixture = try AppFixture()
        let request = TrainingRequest(project: "reviews", reference: true, hashBits: 12, epochs: 3)
        let first = try ModelTraining.train(request, database: fixture.store)
        let second = try ModelTraining.train(request, database: fixture.store)
        #expect(first.model.sha256 == second.model.sha256)
        #expect(second.model.version == 2)
    }

    @Test func tooFewDecisionsAreRefusedWithASentence() throws {
        let fixture = try AppFixture()
        try fixture.decideFromReference(count: 4)
        #expect {
            try ModelTraining.train(TrainingRequest(project: "reviews", hashBits: 12), database: fixture.store)
        } throws: { error in
            "\(error)".hasPrefix("too few examples to train on: the current decisions of \"reviews\" give 4 usable")
        }
    }

    @Test func aSpansProjectTrainsASpanSuggesterFromItsDecisionsOnly() throws {
        let fixture = try SpansFixture()
        let outcome = try ModelTraining.train(TrainingRequest(project: "ner", hashBits: 12, epochs: 2, holdout: 0.2), database: fixture.store)
        #expect(outcome.model.kind == .spans)
        #expect(outcome.model.examples + outcome.model.heldOut == 30)
        #expect(throws: UseCaseFailure.self) {
            try ModelTraining.train(TrainingRequest(project: "ner", reference: true, hashBits: 12), database: fixture.store)
        }
    }
}
