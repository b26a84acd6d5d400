import Foundation
import Testing
@testable import GlossClassifier

@Suite("InverseDocumentFrequency")
struct InverseDocumentFrequencyTests {
    static let examples: [TrainingExample] = [
        ("the cat sat", "a"), ("the dog ran", "b"), ("the cat ran", "a"), ("the bird flew", "b"),
    ].map { TrainingExample(text: $0.0, labels: [$0.1]) }

    static func trained(bits: Int = 16) throws -> TextClassifier {
        let classifier = TextClassifier(
            labels: ["a", "b"], multilabel: false, options: ClassifierOptions(hashBits: bits, epochs: 2, adaptive: false))
        try classifier.train(examples)
        return classifier
    }

    /// The bucket of a word's unigram feature.
    static func bucket(_ word: String, bits: Int = 16) -> UInt32 {
        var hasher = FeatureHasher(bits: bits, settings: FeatureSettings(bigramWeight: 0, charWeight: 0))
        hasher.extract(word)
        return hasher.buckets[0]
    }

    @Test("Counted on the training set: a word in every document weighs 1, rarer words more, unseen ones most")
    func weightsFromATinyTrainingSet() throws {
        let idf = try #require(try Self.trained().hasher.idf)
        let the = idf[Self.bucket("the")], cat = idf[Self.bucket("cat")], bird = idf[Self.bucket("bird")]
        #expect(the == 1)  // in 4 of 4 documents
        #expect(abs(cat - Float(1 + log(5.0 / 3))) < 1e-6)  // in 2 of 4
        #expect(abs(bird - Float(1 + log(5.0 / 2))) < 1e-6)  // in 1 of 4
        #expect(the < cat && cat < bird && bird < idf.unseen)
        #expect(idf[Self.bucket("zebra")] == idf.unseen)
        #expect(abs(idf.unseen - Float(1 + log(5.0))) < 1e-6)
    }

    @Test("A trained model weighs a common word below a rare one in the same text, at unit length")
    func extractionUsesTheWeights() throws {
        var hasher = try Self.trained().hasher
        hasher.extract("the bird")
        let the = try #require(hasher.buckets.firstIndex(of: Self.bucket("the")))
        let bird = try #require(hasher.buckets.firstIndex(of: Self.bucket("bird")))
        #expect(hasher.values[the] < hasher.values[bird])
        #expect(abs(hasher.values.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
        var plain = FeatureHasher(bits: 16, settings: .standard)
        plain.extract("the bird")
        #expect(plain.buckets == hasher.buckets)
        #expect(plain.values[the] == plain.values[bird])
    }

    @Test("Weighing the extracted training set in place gives what extracting with the weights gives")
    func inPlaceEqualsExtraction() {
        let texts = Self.examples + [TrainingExample(text: "The cat, the cat and the long-tailed cat! 고양이", labels: ["a"])]
        let classifier = TextClassifier(labels: ["a", "b"], multilabel: false, options: ClassifierOptions(hashBits: 18))
        var set = TrainingSet(texts, classifier: classifier)
        let idf = set.weighByInverseDocumentFrequency(bucketOfRow: classifier.model.bucketOfRow, bits: 18)
        var hasher = classifier.hasher
        hasher.idf = idf
        for (index, example) in texts.enumerated() {
            hasher.extract(example.text)
            set.withExample(index) { rows, values, _ in
                #expect(rows.map { classifier.model.bucketOfRow[Int($0)] } == hasher.buckets)
                for i in values.indices { #expect(abs(values[i] - hasher.values[i]) < 1e-5) }
            }
        }
    }

    @Test("A trained model is file version 3 and comes back with its weights; version 2 still loads; 4 is refused")
    func modelFileVersions() throws {
        let trained = try Self.trained()
        let bytes = trained.serialized()
        let payload = try ModelFile.decode(bytes, expectedKind: TextClassifier.modelKind)
        var reader = ModelReader(payload)
        let version = try reader.uint32("the version")
        #expect(version == 3)
        let loaded = try TextClassifier.load(bytes)
        #expect(loaded.hasher.idf == trained.hasher.idf)
        for text in Self.examples.map(\.text) + ["the zebra", ""] {
            #expect(loaded.predict(text) == trained.predict(text))
        }

        let online = TextClassifier(labels: ["a", "b"], multilabel: false, options: .labeler())
        for example in Self.examples { online.learn(example) }
        let version2 = online.serialized()
        var reader2 = ModelReader(try ModelFile.decode(version2, expectedKind: TextClassifier.modelKind))
        let olderVersion = try reader2.uint32("the version")
        #expect(olderVersion == 2)
        let loaded2 = try TextClassifier.load(version2)
        #expect(loaded2.hasher.idf == nil)
        #expect(loaded2.predict("the cat") == online.predict("the cat"))

        var future = payload
        future[0] = 4
        #expect(throws: ModelFileError.unsupportedVersion(4)) {
            try TextClassifier.load(ModelFile.encode(kind: TextClassifier.modelKind, payload: future))
        }
    }
}
