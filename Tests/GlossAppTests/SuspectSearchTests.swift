import GlossApp
import GlossClassifier
import GlossCore
import GlossStore
import Testing

@Suite("Suspect search: final labels checked by a cross-validated model")
struct SuspectSearchTests {
    @Test func suspectsAreFinalLabelsTheModelDoubtsAndTheSameSeedFindsTheSame() throws {
        let fixture = try AppFixture()
        try fixture.decideFromReference()
        let guide = try fixture.store.currentGuide(project: "reviews").guide
        let search = SuspectSearch(database: fixture.store, project: "reviews", guide: guide, folds: 5, seed: 1,
                                   options: ClassifierOptions(hashBits: 12, seed: 1))
        var started: (Int, Int)?
        let suspects = try search.run(starting: { started = ($0, $1) })
        #expect(started?.0 == 60)
        #expect(started?.1 == 5)
        let finals = Dictionary(uniqueKeysWithValues: try fixture.store.finalLabels(project: "reviews").map { ($0.itemRowID, $0.label) })
        for suspect in suspects {
            #expect(finals[suspect.itemRowID] == suspect.givenLabel)
            #expect(suspect.predictedLabel != suspect.givenLabel)
            #expect(suspect.confidence > 0 && suspect.confidence <= 1)
        }
        #expect(try search.run() == suspects)
    }

    @Test func tooFewFinalLabelsAndOtherTasksAreRefused() throws {
        let fixture = try AppFixture()
        try fixture.decideFromReference(count: 10)
        let guide = try fixture.store.currentGuide(project: "reviews").guide
        #expect {
            try SuspectSearch(database: fixture.store, project: "reviews", guide: guide, folds: 5, seed: 1).run()
        } throws: { error in
            "\(error)".hasPrefix("too few labeled items to cross-validate: \"reviews\" has 10 items with a final label")
        }
        let spans = try SpansFixture()
        let spansGuide = try spans.store.currentGuide(project: "ner").guide
        #expect(throws: UseCaseFailure.self) {
            try SuspectSearch(database: spans.store, project: "ner", guide: spansGuide, folds: 5, seed: 1).run()
        }
    }
}
