import GlossCore
import Testing
@testable import GlossClassifier

/// A small synthetic corpus of "met X in Y" sentences with varied names and places.
struct MeetingCorpus {
    static let first = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas",
                        "Kemal", "Lucia", "Marek", "Nadia", "Oskar", "Priya", "Rafael", "Sofia", "Tomas", "Ursula"]
    static let last = ["Novak", "Ibsen", "Moreau", "Tanaka", "Okafor", "Lindqvist", "Rossi", "Kowalski", "Haddad", "Silva"]
    static let places = ["Berlin", "Lisbon", "Osaka", "Nairobi", "Quito", "Tallinn", "Lyon", "Porto", "Seville", "Krakow"]
    static let patterns = [
        "Yesterday I met {P} in {L} .",
        "We met {P} in {L} last week .",
        "Last year my sister met {P} in {L} .",
        "They say {P} lives in {L} now .",
        "I had lunch with {P} in {L} on Monday .",
        "The photo shows {P} in {L} .",
    ]

    var generator: SeededGenerator

    /// A sentence and its PERSON and LOC spans.
    mutating func next() -> (text: String, spans: [LabeledRange]) {
        let person = Bool.random(using: &generator)
            ? Self.first.randomElement(using: &generator)!
            : "\(Self.first.randomElement(using: &generator)!) \(Self.last.randomElement(using: &generator)!)"
        let place = Self.places.randomElement(using: &generator)!
        let pattern = Self.patterns.randomElement(using: &generator)!
        let text = pattern.replacing(placeholder: "{P}", with: person).replacing(placeholder: "{L}", with: place)
        return (text, [labeledSpan(person, in: text, "PERSON"), labeledSpan(place, in: text, "LOC")].sorted { $0.start < $1.start })
    }
}

extension String {
    /// The text with every `target` replaced (the test target does not import Foundation).
    fileprivate func replacing(placeholder target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

@Suite struct SpanSuggesterTaggerTests {
    private func trained(seed: UInt64 = 5, examples: Int = 60) -> SpanSuggester {
        let model = SpanSuggester(labels: ["PERSON", "LOC"], seed: seed)
        var corpus = MeetingCorpus(generator: SeededGenerator(seed: seed))
        for _ in 0..<examples {
            let (text, spans) = corpus.next()
            model.learn(text: text, spans: spans)
        }
        return model
    }

    @Test func theTaggerFindsAnUnseenNameInALearnedContext() {
        let model = trained()
        let text = "Yesterday I met Zbigniew in Reykjavik ."
        let found = model.suggest(text)
        #expect(found.map(\.span) == [labeledSpan("Zbigniew", in: text, "PERSON"), labeledSpan("Reykjavik", in: text, "LOC")])
        #expect(found.allSatisfy { $0.source == .tagger && $0.confidence > 0.5 && $0.confidence <= 1 })
    }

    @Test func theTaggerFindsAnUnseenTwoWordNameAsOneSpan() {
        let model = trained()
        let text = "We met Yusuf Quaresma in Lyon last week ."
        let person = model.suggest(text).first { $0.span.label == "PERSON" }
        #expect(person?.span == labeledSpan("Yusuf Quaresma", in: text, "PERSON"))
        #expect(person?.source == .tagger)
    }

    @Test func suggestionsAreSortedNonOverlappingAndInScalarOffsetsAfterKoreanAndEmoji() {
        let model = trained()
        // 회의 (2 scalars), space, 🇰🇷 (2 regional indicators), ❤️ (2), space: "we" is 8..<10,
        // "met" 11..<14, "Zbigniew Quaresma" 15..<32, "in" 33..<35, "Osaka" 36..<41.
        let text = "회의 🇰🇷❤️ we met Zbigniew Quaresma in Osaka ."
        let found = model.suggest(text)
        #expect(found.map(\.span) == [
            LabeledRange(start: 15, end: 32, label: "PERSON"),
            LabeledRange(start: 36, end: 41, label: "LOC"),
        ])
        #expect(found.map(\.source) == [.tagger, .dictionary])
        #expect(zip(found, found.dropFirst()).allSatisfy { $0.span.end <= $1.span.start })
    }

    @Test func dictionaryMatchesWinOverOverlappingTaggerSpans() {
        let model = trained()
        model.learn(text: "The Lisbon Lions won.", spans: [LabeledRange(start: 4, end: 16, label: "PERSON")])
        let text = "I met Lisbon Lions in Porto ."
        let found = model.suggest(text)
        let lions = found.filter { $0.span.start < 18 && $0.span.end > 6 }
        #expect(lions.map(\.span) == [labeledSpan("Lisbon Lions", in: text, "PERSON")])
        #expect(lions.first?.source == .dictionary)
        #expect(zip(found, found.dropFirst()).allSatisfy { $0.span.end <= $1.span.start })
    }

    @Test func aTaggedKoreanNameLeavesItsParticleOut() {
        let model = SpanSuggester(labels: ["PERSON", "LOC"], seed: 4)
        var generator = SeededGenerator(seed: 4)
        let people = ["김민수", "이영희", "박지성", "최은정", "정태윤", "한소라", "오세훈", "윤하나"]
        let places = ["서울", "부산", "대구", "광주", "춘천", "전주"]
        let patterns = ["어제 {P}가 {L}에서 친구를 만났다 .", "{P}는 {L}에 산다 .", "오늘 {P}를 {L}에서 봤다 ."]
        for _ in 0..<60 {
            let person = people.randomElement(using: &generator)!, place = places.randomElement(using: &generator)!
            let text = patterns.randomElement(using: &generator)!.replacing(placeholder: "{P}", with: person)
                .replacing(placeholder: "{L}", with: place)
            model.learn(text: text, spans: [labeledSpan(person, in: text, "PERSON"), labeledSpan(place, in: text, "LOC")])
        }
        // 어제 (0..<2), space, 강하늘가 (3..<7: the name is 3..<6), space, 울산에서 (8..<12: the place is 8..<10).
        let found = model.suggest("어제 강하늘가 울산에서 친구를 만났다 .")
        #expect(found.map(\.span) == [LabeledRange(start: 3, end: 6, label: "PERSON"), LabeledRange(start: 8, end: 10, label: "LOC")])
        #expect(found.allSatisfy { $0.source == .tagger })
    }

    @Test func anImmatureTaggerIsLessSureThanATrainedOne() {
        let text = "Yesterday I met Zbigniew in Reykjavik ."
        let early = trained(examples: 8).suggest(text).first { $0.source == .tagger }
        let late = trained(examples: 120).suggest(text).first { $0.source == .tagger }
        let name = labeledSpan("Zbigniew", in: text, "PERSON")
        #expect(early?.span == name && late?.span == name)
        // After 8 examples the tagger is right but has been wrong often while learning.
        #expect((early?.confidence ?? 1) < 0.6)
        #expect((late?.confidence ?? 0) > 0.8)
    }

    @Test func particlesThatAlsoEndNamesAreTrimmedOnlyOnRequest() {
        func lengths(_ word: String, ambiguous: Bool) -> [Int] {
            KoreanParticles.suffixLengths(of: Array(word.unicodeScalars), includingAmbiguous: ambiguous)
        }
        #expect(lengths("서울에서", ambiguous: false) == [2])
        #expect(lengths("부산으로", ambiguous: true) == [2, 1])
        #expect(lengths("강원도", ambiguous: false).isEmpty && lengths("강원도", ambiguous: true) == [1])
        #expect(lengths("가", ambiguous: true).isEmpty)  // a particle alone is a word, not a suffix
        #expect(lengths("Paris", ambiguous: true).isEmpty)
    }

    @Test func decodingNeverStartsASpanWithAnInsideTag() {
        // Insides only follow their own label's begin or inside.
        #expect(BIOTagger.allowed(2, after: 1) && BIOTagger.allowed(2, after: 2))
        #expect(!BIOTagger.allowed(2, after: 0) && !BIOTagger.allowed(2, after: 3) && !BIOTagger.allowed(4, after: 1))
        #expect(BIOTagger.allowed(1, after: 4) && BIOTagger.allowed(0, after: 2))
    }

    @Test func goldTagsCoverEveryTokenASpanOverlaps() {
        let text = SpanText("어제 삼성전자가 Jo Ann Lee 봤다")
        let spans = [LabeledRange(start: 3, end: 7, label: "ORG"), LabeledRange(start: 9, end: 19, label: "PERSON")]
        let tags = BIOTagger.goldTags(text, spans: spans, labelIndex: ["PERSON": 0, "ORG": 1])
        #expect(tags == [0, 3, 1, 2, 2, 0])
    }
}
