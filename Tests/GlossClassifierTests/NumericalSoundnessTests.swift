import GlossCore
import Testing
@testable import GlossClassifier

/// Long multi-line documents in several scripts, generated: each class draws 8% of its words
/// from its own vocabulary, the rest from a vocabulary all classes share (Latin with
/// diacritics, Cyrillic and Hangul words), so a document is long and mostly noise.
enum LongDocuments {
    static func make(classes: Int = 4, perClass: Int, characters: Int, seed: UInt64) -> [TrainingExample] {
        var generator = SeededGenerator(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        let syllables = ["ká", "lö", "mi", "ně", "su", "tà", "ří", "vo", "да", "ло", "ми", "жи", "бы", "가", "나", "한", "국"]
        var shared: [String] = []
        for _ in 0..<1500 { shared.append((0..<3).map { _ in pick(syllables) }.joined()) }
        let own = (0..<classes).map { c in (0..<60).map { "\(pick(syllables))\(pick(syllables))\(c)\(pick(syllables))\($0)" } }
        var examples: [TrainingExample] = []
        for _ in 0..<perClass {
            for c in 0..<classes {
                var text = ""
                while text.unicodeScalars.count < characters {
                    text += generator.next() % 100 < 8 ? pick(own[c]) : pick(shared)
                    text += generator.next() % 40 == 0 ? "\n" : " "
                }
                examples.append(TrainingExample(text: text, labels: ["topic\(c)"]))
            }
        }
        return examples
    }
}

@Suite("Numerical soundness")
struct NumericalSoundnessTests {
    static let labels = (0..<4).map { "topic\($0)" }

    @Test("Long multi-line documents in Latin, Cyrillic and Hangul are learned well above the 1/4 chance level")
    func longMultilingualDocuments() throws {
        let train = LongDocuments.make(perClass: 16, characters: 4000, seed: 1)
        let test = LongDocuments.make(perClass: 5, characters: 4000, seed: 2)
        let classifier = TextClassifier(labels: Self.labels, multilabel: false, options: ClassifierOptions(hashBits: 18, epochs: 10))
        try classifier.train(train)
        #expect(classifier.model.isFinite)
        var correct = 0
        for example in test {
            let prediction = classifier.predict(example.text)
            #expect(prediction.probabilities.allSatisfy { $0.isFinite })
            #expect(abs(prediction.probabilities.reduce(0, +) - 1) < 1e-4)
            if classifier.labels[prediction.best] == example.labels[0] { correct += 1 }
        }
        #expect(Double(correct) / Double(test.count) >= 0.8)
    }

    @Test("A long document's features are merged, damped and of unit length, however often a word repeats")
    func longDocumentFeaturesHaveUnitLength() {
        var hasher = FeatureHasher(bits: 18, settings: .standard)
        hasher.extract(String(repeating: "слово word 단어 ", count: 3000))
        #expect(Set(hasher.buckets).count == hasher.buckets.count)
        #expect(abs(hasher.values.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
    }

    @Test("An online step that would leave weights that are not finite is refused and changes nothing")
    func divergingUpdateIsRefused() {
        var settings = LearningSettings()
        settings.learningRate = .infinity
        let classifier = TextClassifier(labels: ["a", "b"], multilabel: false, options: ClassifierOptions(hashBits: 12),
                                        features: .standard, learning: settings)
        let before = classifier.serializedState()
        #expect(classifier.learn(TrainingExample(text: "a perfectly ordinary text", labels: ["a"])) == false)
        #expect(classifier.examplesSeen == 0)
        #expect(Self.same(classifier.serializedState(), before))
        #expect(classifier.predict("a perfectly ordinary text").probabilities == [0.5, 0.5])
    }

    @Test("Batch training that diverges throws a ClassifierError that says why, and keeps no model")
    func divergingTrainingThrows() {
        var settings = LearningSettings()
        settings.learningRate = .infinity
        let classifier = TextClassifier(labels: ["a", "b"], multilabel: false,
                                        options: ClassifierOptions(hashBits: 12, epochs: 2, adaptive: false),
                                        features: .standard, learning: settings)
        let examples = (0..<20).map { TrainingExample(text: "text number \($0)", labels: [$0 % 2 == 0 ? "a" : "b"]) }
        #expect(throws: ClassifierError.self) { try classifier.train(examples) }
        do {
            try classifier.train(examples)
        } catch {
            #expect(error.description.contains("not finite numbers"))
        }
    }

    @Test("A model file with a weight that is not finite is refused as damaged")
    func nonFiniteWeightInFileIsRefused() throws {
        let classifier = TextClassifier(labels: ["a", "b"], multilabel: false, options: ClassifierOptions(hashBits: 12, adaptive: false))
        try classifier.train([TrainingExample(text: "good", labels: ["a"]), TrainingExample(text: "bad", labels: ["b"])])
        classifier.model.weights[0] = .nan
        #expect(throws: ModelFileError.self) { try TextClassifier.load(classifier.serialized()) }
        #expect(throws: ModelFileError.self) { try TextClassifier.loadState(classifier.serializedState()) }
    }

    @Test("The majority baseline warns when held-out accuracy is not above it, and only then")
    func majorityBaseline() {
        let baseline = MajorityBaseline(training: [["a"], ["a"], ["b"]], heldOut: [["a"], ["b"], ["a"], ["a"]])
        #expect(baseline.majority == "a")
        #expect(baseline.accuracy == 0.75)
        #expect(baseline.warning(heldOutAccuracy: 0.75)?.contains("not above the 0.750") == true)
        #expect(baseline.warning(heldOutAccuracy: 0.126) != nil)
        #expect(baseline.warning(heldOutAccuracy: 0.9) == nil)
    }

    /// Whether two byte strings are equal (a plain Bool, so a failure does not print them).
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool { a == b }
}
