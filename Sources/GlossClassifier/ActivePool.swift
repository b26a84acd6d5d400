import GlossCore


/// A sample of undecided items, scored by the model a few at a time, from which the
/// `random`, `uncertain` and `confident` orders pick. The pool is refilled by sampling
/// (never by scoring the whole dataset) and rescored incrementally after the model
/// learns: `rescore(budget:)` rescores the entries scored longest ago. Pure.
public struct ActivePool: Sendable {
    public struct Entry: Sendable, Equatable {
        public var candidate: PoolCandidate
        public var prediction: Prediction?
        /// A random key fixed when the entry was added (random order, tie-breaks).
        public var randomKey: UInt64
        /// The rescore round that last scored it (0 = never).
        public var scoredRound: Int
    }

    public let capacity: Int
    private var entries: [Int64: Entry] = [:]
    /// Ids in the order they will be rescored (stalest first).
    private var rescoreQueue: [Int64] = []
    private var queueStart = 0
    private var round = 0
    private var generator: SeededGenerator

    public init(capacity: Int = 2000, seed: UInt64 = 1) {
        self.capacity = capacity
        generator = SeededGenerator(seed: seed)
    }

    public var count: Int { entries.count }
    /// How many candidates would fill the pool.
    public var room: Int { max(0, capacity - entries.count) }
    public func contains(_ id: Int64) -> Bool { entries[id] != nil }

    /// Adds candidates not already in the pool (unscored until the next rescore).
    public mutating func add(_ candidates: [PoolCandidate]) {
        for candidate in candidates where entries[candidate.id] == nil && entries.count < capacity {
            entries[candidate.id] = Entry(candidate: candidate, prediction: nil, randomKey: generator.next(), scoredRound: 0)
            rescoreQueue.append(candidate.id)
        }
    }

    /// Drops an item (decided, or served to the annotator).
    public mutating func remove(_ id: Int64) {
        entries[id] = nil
    }

    /// Scores up to `budget` entries, unscored and stalest first, with `predict` (given the
    /// candidate, so a caller can keep more than the score per item). Returns how many it scored.
    @discardableResult
    public mutating func rescore(budget: Int, predict: (PoolCandidate) -> Prediction) -> Int {
        var scored = 0
        var visited = 0
        let pending = rescoreQueue.count - queueStart
        round += 1
        while scored < budget, visited < pending, queueStart < rescoreQueue.count {
            let id = rescoreQueue[queueStart]
            queueStart += 1
            visited += 1
            guard var entry = entries[id] else { continue }
            entry.prediction = predict(entry.candidate)
            entry.scoredRound = round
            entries[id] = entry
            rescoreQueue.append(id)
            scored += 1
        }
        if queueStart > 4096, queueStart * 2 > rescoreQueue.count {
            rescoreQueue.removeFirst(queueStart)
            queueStart = 0
        }
        return scored
    }

    /// Forgets every score (a new model): the next rescores start over.
    public mutating func invalidateScores() {
        for id in entries.keys { entries[id]?.prediction = nil }
    }

    /// A class-balanced cold start for `uncertain` order: the scored entry the model gives
    /// the highest probability of the label with the fewest decisions so far (`decided[c]`
    /// per label; ties to the lower label, then the random key). Early decisions then cover
    /// every label instead of the majority one; nil when nothing is scored yet.
    public func balancedPick(decided: [Int], excluding: Set<Int64> = []) -> Entry? {
        guard let rarest = decided.indices.min(by: { decided[$0] < decided[$1] }) else { return nil }
        var best: (entry: Entry, p: Double)?
        for entry in entries.values where !excluding.contains(entry.candidate.id) {
            guard let prediction = entry.prediction, rarest < prediction.probabilities.count else { continue }
            let p = prediction.probabilities[rarest]
            if let current = best, p < current.p || (p == current.p && entry.randomKey >= current.entry.randomKey) { continue }
            best = (entry, p)
        }
        return best?.entry
    }

    /// The first `count` entries in `order`, best first. Scored entries come before
    /// unscored ones for `uncertain` and `confident`; ties fall back to the random key.
    public func top(_ count: Int, order: ItemOrder, excluding: Set<Int64> = []) -> [Entry] {
        let candidates = entries.values.filter { !excluding.contains($0.candidate.id) }
        func before(_ a: Entry, _ b: Entry) -> Bool {
            switch order {
            case .sequential:
                return a.candidate.id < b.candidate.id
            case .random:
                return a.randomKey < b.randomKey
            case .uncertain, .confident:
                switch (a.prediction, b.prediction) {
                case (nil, nil): return a.randomKey < b.randomKey
                case (nil, _): return false
                case (_, nil): return true
                case let (pa?, pb?):
                    let (ka, kb) = order == .uncertain ? (pa.margin, pb.margin) : (-pa.confidence, -pb.confidence)
                    return ka != kb ? ka < kb : a.randomKey < b.randomKey
                }
            }
        }
        if count == 1 {
            return candidates.min(by: before).map { [$0] } ?? []
        }
        return Array(candidates.sorted(by: before).prefix(count))
    }
}
