import GlossCore
import Testing
@testable import GlossClassifier

@Suite struct SpanSuggesterPerceptronTests {
    @Test func lazyAveragingEqualsTheAverageOfTheWeightsAfterEveryInstance() {
        var weights = PerceptronWeights(classCount: 3)
        var generator = SeededGenerator(seed: 8)
        let features: [UInt64] = [11, 22, 33, 44]
        // The naive way: every weight's value, summed after each instance.
        var current = [UInt64: [Int]](uniqueKeysWithValues: features.map { ($0, [0, 0, 0]) })
        var sums = current.mapValues { $0.map(Double.init) }
        for _ in 0..<500 {
            let active = features.filter { _ in Bool.random(using: &generator) }
            let truth = Int.random(in: 0..<3, using: &generator), guess = Int.random(in: 0..<3, using: &generator)
            weights.update(active, truth: truth, guess: guess)
            if truth != guess {
                for feature in active {
                    current[feature]![truth] += 1
                    current[feature]![guess] -= 1
                }
            }
            weights.tick()
            for feature in features {
                for kind in 0..<3 { sums[feature]![kind] += Double(current[feature]![kind]) }
            }
        }
        for feature in features {
            var averaged = [0.0, 0.0, 0.0], raw = [0.0, 0.0, 0.0]
            weights.addScores([feature], averaged: true, into: &averaged)
            weights.addScores([feature], averaged: false, into: &raw)
            #expect(raw == current[feature]!.map(Double.init))
            for kind in 0..<3 { #expect(abs(averaged[kind] - sums[feature]![kind] / 500) < 1e-9) }
        }
        // Features never updated score nothing.
        var none = [0.0, 0.0, 0.0]
        weights.addScores([99], averaged: true, into: &none)
        #expect(none == [0, 0, 0])
    }

    @Test func stableHashesDoNotDependOnTheProcessAndTheSaltChangesThem() {
        var hasher = StableHash(template: 2, salt: 1)
        hasher.mix(scalars: "paris".unicodeScalars)
        var again = StableHash(template: 2, salt: 1)
        again.mix(scalars: "paris".unicodeScalars)
        var salted = StableHash(template: 2, salt: 2)
        salted.mix(scalars: "paris".unicodeScalars)
        #expect(hasher.value == again.value && hasher.value != salted.value)
        // FNV-1a and the SplitMix finalizer are fixed arithmetic; this value was computed by an
        // independent implementation (Python) of the same steps.
        #expect(hasher.value == 0xB810_7E10_ED64_414A)
    }
}
