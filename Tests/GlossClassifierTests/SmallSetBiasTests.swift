import Foundation
import GlossCore
import Testing
@testable import GlossClassifier

@Suite("Biases on a set too small to search")
struct SmallSetBiasTests {
    /// One text of `words` per label, from a seeded vocabulary: each label's own words and
    /// words every label draws from, as a one-example-per-label corpus is.
    static func onePerLabel(labels: Int, seed: UInt64 = 7) -> [TrainingExample] {
        var generator = SeededGenerator(seed: seed)
        let syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "de", "ba", "ze", "po"]
        func word() -> String { (0..<3).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined() }
        let shared = (0..<200).map { _ in word() }
        return (0..<labels).map { c in
            let own = (0..<6).map { _ in word() }
            let text = (0..<12).map { i in i % 2 == 0 ? own[i / 2] : shared[Int(generator.next() % 200)] }
            return TrainingExample(text: text.joined(separator: " "), labels: [String(format: "c%02d", c)])
        }
    }

    static func classifier(labels: Int, adaptive: Bool = true) -> TextClassifier {
        TextClassifier(labels: (0..<labels).map { String(format: "c%02d", $0) }, multilabel: false,
                       options: ClassifierOptions(hashBits: 16, adaptive: adaptive))
    }

    @Test("One example per label: the biases stay at the log priors, equal, and a text of new words is uniform")
    func onePerLabelKeepsEqualBiases() throws {
        let examples = Self.onePerLabel(labels: 40)
        let classifier = Self.classifier(labels: 40)
        try classifier.train(examples)
        let prior = Float(log(2.0 / 80))  // each label: its example + 1, of 40 + 40
        for bias in classifier.model.bias { #expect(abs(bias - prior) < 1e-6) }
        let unknown = classifier.predict("zzq xxw qqy")
        for p in unknown.probabilities { #expect(abs(p - 1.0 / 40) < 1e-6) }
        // The words still teach: every training text is predicted as its own label.
        for example in examples { #expect(classifier.labels[classifier.predict(example.text).best] == example.labels[0]) }

        // Learned (the settings fixed, as without the search), the same biases spread with the
        // order of the first steps: what the log priors replace.
        let learned = Self.classifier(labels: 40, adaptive: false)
        try learned.train(examples)
        let spread = learned.model.bias.max()! - learned.model.bias.min()!
        #expect(spread > 0.05)
    }

    @Test("A small imbalanced set keeps the smoothed log priors; online steps afterwards move the biases")
    func smallImbalancedSetUsesLogPriors() throws {
        let texts = Self.onePerLabel(labels: 30, seed: 3).map(\.text)
        // 30 examples: 18 of c00, 9 of c01, 3 of c02 (under the search's 60).
        let labels = (0..<30).map { $0 < 18 ? "c00" : $0 < 27 ? "c01" : "c02" }
        let examples = zip(texts, labels).map { TrainingExample(text: $0, labels: [$1]) }
        let classifier = Self.classifier(labels: 3)
        try classifier.train(examples)
        let expected = [19.0, 10.0, 4.0].map { Float(log($0 / 33)) }
        for (bias, prior) in zip(classifier.model.bias, expected) { #expect(abs(bias - prior) < 1e-6) }
        let before = classifier.model.bias
        classifier.learn(TrainingExample(text: "kalomi nesuta", labels: ["c02"]))
        #expect(classifier.model.bias != before)
    }
}
