import GlossCore
import Testing
import Foundation
import GlossClassifier

@Suite("TextClassifier")
struct TextClassifierTests {
    static let reviews: [TrainingExample] = [
        ("A wonderful, moving film with superb acting.", "good"),
        ("Brilliant script and a delightful cast!", "good"),
        ("I loved every minute; a joyful ride.", "good"),
        ("Gorgeous photography and a warm, funny story.", "good"),
        ("One of the best films of the year.", "good"),
        ("Smart, charming and beautifully made.", "good"),
        ("A tedious, boring mess with wooden acting.", "bad"),
        ("Dull script and a lifeless cast.", "bad"),
        ("I hated every minute; a painful slog.", "bad"),
        ("Ugly photography and a cold, humourless story.", "bad"),
        ("One of the worst films of the year.", "bad"),
        ("Stupid, clumsy and badly made.", "bad"),
    ].map { TrainingExample(text: $0.0, labels: [$0.1]) }

    static func trained(seed: UInt64 = 7, epochs: Int = 8) -> TextClassifier {
        let classifier = TextClassifier(
            labels: ["bad", "good"], multilabel: false, options: ClassifierOptions(hashBits: 18, epochs: epochs, seed: seed))
        try! classifier.train(reviews)
        return classifier
    }

    @Test("Training learns the examples; probabilities sum to one and the prediction's fields agree")
    func learnsTheExamples() {
        let classifier = Self.trained()
        #expect(classifier.examplesSeen == Self.reviews.count)
        for example in Self.reviews {
            let prediction = classifier.predict(example.text)
            #expect(classifier.labels[prediction.best] == example.labels[0], "\(example.text)")
            #expect(abs(prediction.probabilities.reduce(0, +) - 1) < 1e-5)
            #expect(prediction.chosen == [prediction.best])
            #expect(prediction.confidence == prediction.probabilities[prediction.best])
            #expect(abs(prediction.margin - abs(prediction.probabilities[0] - prediction.probabilities[1])) < 1e-12)
        }
        #expect(classifier.labels[classifier.predict("a superb, delightful film").best] == "good")
        #expect(classifier.labels[classifier.predict("a boring, lifeless film").best] == "bad")
    }

    @Test("Progress is reported up to every example of every pass")
    func progress() {
        let classifier = TextClassifier(labels: ["bad", "good"], multilabel: false, options: ClassifierOptions(hashBits: 16, epochs: 3))
        var reports: [(Int, Int)] = []
        try! classifier.train(Self.reviews) { reports.append(($0, $1)) }
        #expect(reports.first! == (0, 36))
        #expect(reports.last! == (36, 36))
    }

    @Test("Same seed and examples: bit-identical model and predictions; another seed gives another model")
    func reproducible() {
        let first = Self.trained(seed: 7)
        let second = Self.trained(seed: 7)
        #expect(first.serialized() == second.serialized())
        for example in Self.reviews {
            #expect(first.predict(example.text) == second.predict(example.text))
        }
        #expect(Self.trained(seed: 8).serialized() != first.serialized())
    }

    @Test("Save and load: the same labels, options and predictions, and the same bytes again")
    func roundTrip() throws {
        let original = Self.trained()
        let bytes = original.serialized()
        let loaded = try TextClassifier.load(bytes)
        #expect(loaded.labels == original.labels)
        #expect(loaded.multilabel == original.multilabel)
        #expect(loaded.options == original.options)
        #expect(loaded.examplesSeen == original.examplesSeen)
        for text in Self.reviews.map(\.text) + ["something unseen entirely", "", "좋아요 👍"] {
            #expect(loaded.predict(text) == original.predict(text))
        }
        #expect(loaded.serialized() == bytes)
    }

    @Test("A damaged model file is refused with the reason")
    func damagedFiles() throws {
        let bytes = Self.trained().serialized()
        var flipped = bytes
        flipped[bytes.count - 5] ^= 0x40
        #expect(throws: ModelFileError.checksumMismatch) { try TextClassifier.load(flipped) }
        #expect(throws: ModelFileError.truncated(expectedBytes: bytes.count, foundBytes: bytes.count - 100)) {
            try TextClassifier.load(Array(bytes.dropLast(100)))
        }
        var wrongMagic = bytes
        wrongMagic[1] = 0
        #expect(throws: ModelFileError.notAModel) { try TextClassifier.load(wrongMagic) }
        let payload = try ModelFile.decode(bytes, expectedKind: "text")
        #expect(throws: ModelFileError.wrongKind(expected: "text", found: "span")) {
            try TextClassifier.load(ModelFile.encode(kind: "span", payload: payload))
        }
        // A valid envelope around a payload cut short names what is missing.
        #expect(throws: ModelFileError.self) {
            try TextClassifier.load(ModelFile.encode(kind: "text", payload: Array(payload.prefix(40))))
        }
    }

    @Test("Online learning moves predictions toward the label and ignores unknown labels")
    func online() {
        let classifier = TextClassifier(labels: ["bad", "good"], multilabel: false, options: ClassifierOptions(hashBits: 16))
        let before = classifier.predict("superb acting").probabilities[1]
        #expect(abs(before - 0.5) < 1e-6)
        classifier.learn(TrainingExample(text: "superb acting", labels: ["good"]))
        #expect(classifier.predict("superb acting").probabilities[1] > before)
        #expect(classifier.examplesSeen == 1)
        classifier.learn(TrainingExample(text: "superb acting", labels: ["meh"]))
        #expect(classifier.examplesSeen == 1)
    }

    @Test("Multilabel learns two independent labels")
    func multilabel() {
        let colors = ["red", "blue", "green", "yellow", "purple"]
        let animals = ["cat", "dog", "horse", "bird", "rabbit"]
        let fillers = ["the", "a", "big", "small", "runs", "sits", "near", "house", "sky", "tree", "quickly", "old", "sleeps", "garden"]
        var generator = SeededGenerator(seed: 42)
        func sample() -> TrainingExample {
            var words = (0..<4).map { _ in fillers[Int(generator.next() % UInt64(fillers.count))] }
            var labels: [String] = []
            if generator.next() % 2 == 0 {
                words.insert(colors[Int(generator.next() % 5)], at: Int(generator.next() % 4))
                labels.append("color")
            }
            if generator.next() % 2 == 0 {
                words.insert(animals[Int(generator.next() % 5)], at: Int(generator.next() % 4))
                labels.append("animal")
            }
            return TrainingExample(text: words.joined(separator: " "), labels: labels)
        }
        let classifier = TextClassifier(labels: ["color", "animal"], multilabel: true, options: ClassifierOptions(hashBits: 18, epochs: 10))
        try! classifier.train((0..<300).map { _ in sample() })
        let heldOut = (0..<100).map { _ in sample() }
        let exact = heldOut.filter { example in
            Set(classifier.predict(example.text).chosen.map { classifier.labels[$0] }) == Set(example.labels)
        }
        #expect(exact.count >= 95)
        #expect(classifier.predict("a red cat sleeps").chosen == [0, 1])
        #expect(classifier.predict("the old house").chosen == [])
        let dog = classifier.predict("the dog runs near the tree")
        #expect(dog.chosen == [1])
        #expect(dog.margin == dog.probabilities.map { abs(2 * $0 - 1) }.min())
    }

    @Test("A Korean sentiment sample is learned well above chance from three quarters of it")
    func koreanSample() throws {
        let examples = try KoreanSample.load()
        #expect(examples.count >= 150)
        let cut = examples.count * 3 / 4
        let classifier = TextClassifier(labels: ["negative", "positive"], multilabel: false)
        try! classifier.train(Array(examples[..<cut]))
        let rest = examples[cut...]
        let correct = rest.filter { classifier.labels[classifier.predict($0.text).best] == $0.labels[0] }.count
        let gold = rest.map { classifier.labels.firstIndex(of: $0.labels[0])! }
        let predicted = rest.map { classifier.predict($0.text).best }
        let metrics = ClassificationMetrics(gold: gold, predicted: predicted, labelCount: 2)
        #expect(Double(correct) / Double(rest.count) >= 0.75)
        #expect(metrics.accuracy >= 0.75)
        #expect(metrics.macroF1 >= 0.7)
    }
}

@Suite("TextClassifier calibration")
struct TextClassifierCalibrationTests {
    @Test("Calibration on held-out texts lowers their log loss and the temperature is kept in the file")
    func calibrate() throws {
        let examples = try KoreanSample.load()
        let cut = examples.count * 3 / 4
        // Many passes over few examples make a confident model.
        let classifier = TextClassifier(
            labels: ["negative", "positive"], multilabel: false, options: ClassifierOptions(hashBits: 16, epochs: 60))
        try! classifier.train(Array(examples[..<cut]))
        let heldOut = Array(examples[cut...])
        func logLoss() -> Double {
            heldOut.reduce(0) { sum, example in
                let p = classifier.predict(example.text).probabilities[classifier.labels.firstIndex(of: example.labels[0])!]
                return sum - Foundation.log(p)
            } / Double(heldOut.count)
        }
        let before = logLoss()
        let temperature = classifier.calibrate(on: heldOut)
        #expect(temperature != 1)
        #expect(classifier.temperature == temperature)
        #expect(logLoss() < before)
        let loaded = try TextClassifier.load(classifier.serialized())
        #expect(loaded.temperature == temperature)
        #expect(loaded.predict(heldOut[0].text) == classifier.predict(heldOut[0].text))
    }
}
