import GlossCore
import Testing
@testable import GlossClassifier

@Suite("Online classifier: priming, undo, saved state")
struct OnlineClassifierTests {
    static let labels = ["sport", "cooking", "weather"]
    static let decisions: [TrainingExample] = [
        ("The striker scored twice before half time.", "sport"),
        ("Simmer the onions until golden, then add garlic.", "cooking"),
        ("Heavy rain and strong winds are expected tonight.", "weather"),
        ("The goalkeeper saved a penalty in the final minute.", "sport"),
        ("Bake the bread for forty minutes at a high heat.", "cooking"),
        ("A cold front brings snow to the hills tomorrow.", "weather"),
        ("The team won the league after a tense season.", "sport"),
        ("Whisk the eggs with sugar and fold in the flour.", "cooking"),
        ("Sunny spells with a light breeze this afternoon.", "weather"),
        ("The coach praised the defence after the match.", "sport"),
        ("Season the soup with salt, pepper and fresh herbs.", "cooking"),
        ("Fog will clear by noon, then temperatures rise.", "weather"),
    ].map { TrainingExample(text: $0.0, labels: [$0.1]) }
    static let probes = ["The match ended in a draw after extra time.", "Chop the carrots and roast them with oil.",
                         "Thunderstorms and hail are likely this evening.", "something else entirely"]

    static func online(refitLimit: Int? = 300_000) -> TextClassifier {
        var options = ClassifierOptions.labeler(seed: 3)
        options.refitLimit = refitLimit
        return TextClassifier(labels: labels, multilabel: false, options: options)
    }

    @Test("Primed from a guide's examples and descriptions, the model suggests unseen items better than chance")
    func primingFromAGuide() {
        let guide: [(label: String, text: String)] = [
            ("sport", "A match, a team, a player, a goal, a score or a league."),
            ("sport", "The striker scored a late goal and the team won the match."),
            ("sport", "The players trained hard before the league final."),
            ("cooking", "A recipe: ingredients, cooking, baking, a dish or a kitchen."),
            ("cooking", "Fry the onions in butter and add the chopped tomatoes."),
            ("cooking", "Bake the cake in the oven and let it cool."),
            ("weather", "Rain, sun, wind, snow, clouds, storms or temperatures."),
            ("weather", "Rain and strong wind are expected in the north tonight."),
            ("weather", "Sunny and warm tomorrow, with clouds later in the day."),
        ]
        let classifier = Self.online()
        #expect(classifier.prime(guide) == 9)
        #expect(classifier.primedCount == 9)
        #expect(classifier.examplesSeen == 0)
        let correct = Self.decisions.filter { classifier.labels[classifier.predict($0.text).best] == $0.labels[0] }.count
        #expect(Double(correct) / Double(Self.decisions.count) >= 2.0 / 3.0, "\(correct) of \(Self.decisions.count)")
    }

    @Test("Undo while the decisions are kept: the model is the one that never saw the decision")
    func unlearnWithinTheMemoryIsExact() {
        let undone = Self.online(), never = Self.online()
        for example in Self.decisions.prefix(8) {
            undone.learn(example)
            never.learn(example)
        }
        undone.learn(Self.decisions[8])
        undone.learn(Self.decisions[9])
        never.learn(Self.decisions[9])
        #expect(undone.unlearn(Self.decisions[8]))
        #expect(undone.examplesSeen == never.examplesSeen)
        for text in Self.probes + Self.decisions.map(\.text) {
            #expect(undone.predict(text).probabilities == never.predict(text).probabilities)
        }
        #expect(undone.unlearn(TrainingExample(text: "never learned", labels: ["sport"])) == false)
    }

    @Test("Undo of the latest online step puts every weight back; an older one comes measurably close")
    func unlearnPastTheMemory() {
        let undone = Self.online(refitLimit: nil), never = Self.online(refitLimit: nil)
        for example in Self.decisions.prefix(10) {
            undone.learn(example)
            never.learn(example)
        }
        undone.learn(Self.decisions[10])
        #expect(undone.unlearn(Self.decisions[10]))
        // The same weights, AdaGrad sums and rows (only the journal of the last step differs).
        #expect(Self.weightDistance(undone, never) == 0)
        #expect(undone.model.gradientSquares == never.model.gradientSquares)
        #expect(undone.model.bucketOfRow == never.model.bucketOfRow)

        let older = Self.online(refitLimit: nil)
        for example in Self.decisions.prefix(10) { older.learn(example) }
        older.learn(Self.decisions[10])
        older.learn(Self.decisions[11])
        never.learn(Self.decisions[11])
        #expect(older.unlearn(Self.decisions[10]))
        let distance = Self.weightDistance(older, never)
        let withIt = Self.online(refitLimit: nil)
        for example in Self.decisions.prefix(12) { withIt.learn(example) }
        #expect(distance < Self.weightDistance(withIt, never) / 2, "undo moved the weights only \(distance)")
    }

    @Test("The online state round-trips: same predictions, then the same learning, unlearning and bytes")
    func onlineStateRoundTrip() throws {
        for refitLimit in [300_000, 400, nil] as [Int?] {
            let original = Self.online(refitLimit: refitLimit)
            original.prime([("sport", "A match and a goal."), ("weather", "Rain and wind.")])
            for example in Self.decisions.prefix(7) { original.learn(example) }
            let bytes = original.serializedState()
            let loaded = try TextClassifier.loadState(bytes)
            #expect(Self.same(loaded.serializedState(), bytes))
            #expect(loaded.examplesSeen == original.examplesSeen && loaded.primedCount == original.primedCount)
            for text in Self.probes { #expect(loaded.predict(text) == original.predict(text)) }
            for example in Self.decisions.dropFirst(7) {
                original.learn(example)
                loaded.learn(example)
            }
            original.unlearn(Self.decisions[11])
            loaded.unlearn(Self.decisions[11])
            #expect(Self.same(loaded.serializedState(), original.serializedState()), "refit limit \(String(describing: refitLimit))")
            for text in Self.probes { #expect(loaded.predict(text) == original.predict(text)) }
        }
        #expect(throws: ModelFileError.self) { try TextClassifier.loadState(Self.online().serialized()) }
    }

    @Test("The labeler's model stays within 64 MB at 35 labels, however many features it sees")
    func labelerMemoryBound() {
        let labels = (0..<35).map { "label\($0)" }
        var options = ClassifierOptions.labeler()
        options.refitLimit = nil  // the weights alone: the refit memory is bounded apart (below)
        let classifier = TextClassifier(labels: labels, multilabel: false, options: options)
        var generator = SeededGenerator(seed: 5)
        for n in 0..<300 {
            let words = (0..<150).map { _ in String(generator.next() % 1_000_000, radix: 36) }
            classifier.learn(TrainingExample(text: words.joined(separator: " "), labels: [labels[n % 35]]))
        }
        #expect(classifier.model.rowCount > 100_000)
        // The refit memory holds at most refitEntryLimit entries of 8 bytes, plus targets and keys.
        let memoryBound = (classifier.refitEntryLimit ?? 0) * 8 + 2_000 * (35 * 4 + 17)
        #expect(classifier.modelBytes + memoryBound <= 64_000_000, "\(classifier.modelBytes) bytes")
    }

    /// The Euclidean distance between two classifiers' weights and biases, bucket by bucket.
    static func weightDistance(_ a: TextClassifier, _ b: TextClassifier) -> Double {
        var sum = 0.0
        for bucket in Set(a.model.bucketOfRow).union(b.model.bucketOfRow) {
            for (x, y) in zip(a.model.weights(ofBucket: bucket), b.model.weights(ofBucket: bucket)) { sum += Double((x - y) * (x - y)) }
        }
        for (x, y) in zip(a.model.bias, b.model.bias) { sum += Double((x - y) * (x - y)) }
        return sum.squareRoot()
    }

    /// Whether two byte strings are equal (a plain Bool, so a failure does not print them).
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool { a == b }
}
