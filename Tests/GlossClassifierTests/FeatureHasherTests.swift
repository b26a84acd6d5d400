import Testing
@testable import GlossClassifier

@Suite("FeatureHasher")
struct FeatureHasherTests {
    func features(_ text: String, bits: Int = 20) -> (buckets: [UInt32], values: [Float]) {
        var hasher = FeatureHasher(bits: bits, settings: .standard)
        hasher.extract(text)
        return (hasher.buckets, hasher.values)
    }

    @Test("Buckets stay below 2^bits and the values have unit length")
    func bucketsAndNorm() {
        for bits in [4, 12, 20] {
            let f = features("A fine film, truly! 정말 좋았어요 😀 映画", bits: bits)
            #expect(!f.buckets.isEmpty)
            #expect(f.buckets.allSatisfy { $0 < UInt32(1) << UInt32(bits) })
            #expect(abs(f.values.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
        }
        #expect(features("   ").buckets.isEmpty)
    }

    @Test("The same text gives the same features; case does not matter")
    func stable() {
        #expect(features("Great Movie!").buckets == features("great movie!").buckets)
        #expect(features("great movie").buckets != features("movie great").buckets)
    }

    @Test("Inflected Korean words share character n-grams, so an unseen ending still matches its stem")
    func koreanSubwords() {
        let a = Set(features("재밌어요").buckets)
        let b = Set(features("재밌었어요").buckets)
        let unrelated = Set(features("지루했다").buckets)
        #expect(a.intersection(b).count >= 3)
        #expect(a.intersection(unrelated).isEmpty)
    }

    @Test("Word bigrams: the same words in another order give other features")
    func bigrams() {
        let forward = features("not good")
        let backward = features("good not")
        #expect(Set(forward.buckets) != Set(backward.buckets))
        #expect(Set(forward.buckets).intersection(backward.buckets).count == forward.buckets.count - 1)
    }
}
