import GlossCore
import Testing
@testable import GlossClassifier

/// The labeled span covering the first occurrence of `surface` in `text`, in scalar offsets.
func labeledSpan(_ surface: String, in text: String, _ label: String) -> LabeledRange {
    let scalars = Array(text.unicodeScalars), needle = Array(surface.unicodeScalars)
    let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<$0 + needle.count]) == needle }!
    return LabeledRange(start: start, end: start + needle.count, label: label)
}

@Suite struct SpanSuggesterDictionaryTests {
    private func suggester() -> SpanSuggester {
        SpanSuggester(labels: ["PERSON", "ORG", "LOC"], seed: 3)
    }

    private func learn(_ suggester: SpanSuggester, _ text: String, _ spans: [(String, String)]) {
        suggester.learn(text: text, spans: spans.map { labeledSpan($0.0, in: text, $0.1) })
    }

    @Test func aRepeatedEntityIsFoundAgainInAnyCase() {
        let model = suggester()
        learn(model, "Ada Lovelace wrote the first program.", [("Ada Lovelace", "PERSON")])
        learn(model, "A letter from Ada Lovelace to Babbage.", [("Ada Lovelace", "PERSON")])
        learn(model, "Acme Corp hired her.", [("Acme Corp", "ORG")])

        let text = "Later, ada lovelace met ADA LOVELACE and Ada Lovelace at acme corp."
        let found = model.suggest(text).filter { $0.source == .dictionary }
        let lower = labeledSpan("ada lovelace", in: text, "PERSON")
        let upper = labeledSpan("ADA LOVELACE", in: text, "PERSON")
        let exact = labeledSpan("Ada Lovelace", in: text, "PERSON")
        let org = labeledSpan("acme corp", in: text, "ORG")
        #expect(found.map(\.span) == [lower, upper, exact, org])
        // Two of two sightings labeled PERSON: (2 + 1) / (2 + 2); other spellings count a bit less.
        #expect(found[2].confidence == 0.75)
        #expect(found[0].confidence < found[2].confidence)
        #expect(found[0].confidence == found[1].confidence)
    }

    @Test func aLearnedWordIsNotFoundInsideALongerWord() {
        let model = suggester()
        learn(model, "We flew to Paris in May.", [("Paris", "LOC")])
        let text = "Parisian cafés, PARIS-based firms and parisparis."
        let found = model.suggest(text).filter { $0.source == .dictionary }
        #expect(found.map(\.span) == [labeledSpan("PARIS", in: text, "LOC")])
    }

    @Test func theLongestMatchWinsAndMatchesDoNotOverlap() {
        let model = suggester()
        learn(model, "New York is big.", [("New York", "LOC")])
        learn(model, "The New York Times wrote it.", [("New York Times", "ORG")])
        let text = "I read the new york times in New York."
        let found = model.suggest(text).filter { $0.source == .dictionary }
        #expect(found.map(\.span) == [labeledSpan("new york times", in: text, "ORG"), labeledSpan("New York", in: text, "LOC")])
    }

    @Test func sightingsOutsideAnySpanLowerTheConfidenceAndThenSilenceTheSurface() {
        let model = suggester()
        learn(model, "Apple sold phones.", [("Apple", "ORG")])
        let before = model.suggest("Apple again").first { $0.source == .dictionary }
        #expect(before?.confidence == 2.0 / 3.0)

        learn(model, "I ate an apple.", [])
        let after = model.suggest("Apple again").first { $0.source == .dictionary }
        #expect(after?.confidence == 0.5)

        learn(model, "An apple a day.", [])
        #expect(model.suggest("Apple again").allSatisfy { $0.source != .dictionary })
    }

    @Test func aKoreanParticleAfterALearnedNameIsLeftOut() {
        let model = suggester()
        learn(model, "오늘 삼성전자 주가가 올랐다", [("삼성전자", "ORG")])
        // 어제 (2 scalars), a space, then 삼성전자 (4 scalars) with the particle 가 attached.
        let found = model.suggest("어제 삼성전자가 발표했다").filter { $0.source == .dictionary }
        #expect(found.map(\.span) == [LabeledRange(start: 3, end: 7, label: "ORG")])
    }

    @Test func offsetsCountScalarsAfterKoreanAndEmoji() {
        let model = suggester()
        learn(model, "I like Samsung phones.", [("Samsung", "ORG")])
        // 안녕 = 2 scalars, space, 👩‍💻 = 3 scalars (woman, ZWJ, laptop), 👍🏽 = 2, space: Samsung
        // is 9..<16; then " 발표, 그리고 " is 9 scalars, so samsung is 25..<32.
        let text = "안녕 👩‍💻👍🏽 Samsung 발표, 그리고 samsung"
        let found = model.suggest(text).filter { $0.source == .dictionary }
        #expect(found.map(\.span) == [
            LabeledRange(start: 9, end: 16, label: "ORG"),
            LabeledRange(start: 25, end: 32, label: "ORG"),
        ])
    }

    @Test func spansWithAnUnknownLabelAreIgnored() {
        let model = suggester()
        learn(model, "Bob ate soup.", [("soup", "FOOD")])
        #expect(model.suggest("soup").allSatisfy { $0.source != .dictionary })
        #expect(model.examplesSeen == 1)
    }

    @Test func nothingIsSuggestedBeforeLearning() {
        #expect(suggester().suggest("Ada Lovelace in Paris").isEmpty)
    }
}
