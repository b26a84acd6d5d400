import Testing
@testable import GlossClassifier

@Suite struct StratifiedSplitTests {
    @Test func eachGroupKeepsItsShareAndOneForTrainingAndTheOrderIsKept() {
        let items = (0..<10).map { "a\($0)" } + (0..<5).map { "b\($0)" } + ["c0"]
        let (train, held) = StratifiedSplit.split(items, key: { String($0.prefix(1)) }, fraction: 0.2, seed: 7)
        #expect(held.filter { $0.hasPrefix("a") }.count == 2)
        #expect(held.filter { $0.hasPrefix("b") }.count == 1)
        #expect(held.filter { $0.hasPrefix("c") }.isEmpty, "a group of one stays in training")
        #expect(Set(train + held) == Set(items) && train.count + held.count == items.count)
        #expect(train == items.filter { train.contains($0) } && held == items.filter { held.contains($0) })
        let again = StratifiedSplit.split(items, key: { String($0.prefix(1)) }, fraction: 0.2, seed: 7)
        #expect(again.heldOut == held, "same seed, same split")
    }
}
