import GlossCore

/// A ranking being composed on the labeling screen, by the numbers the responses are shown
/// under (1 is the first shown): each number pressed places that response below the ones
/// placed before it, or, after the tie key, beside the one placed last. When one response
/// is left it is implied, alone in last place, and the ranking is complete. Enter finishes
/// early: the responses not placed share last place (joining the last group after the tie
/// key). Backspace takes back the tie key, else the last response placed.
struct RankingDraft: Equatable {
    /// The models in the order shown: number n is `shown[n - 1]`.
    let shown: [String]
    /// Groups of shown indices (0-based), best first.
    private(set) var placed: [[Int]] = []
    /// Whether the next response placed ties with the one placed last.
    private(set) var tiePending = false

    init(shown: [String]) { self.shown = shown }

    /// What a key did.
    enum Step: Equatable {
        /// The draft changed; the ranking is not complete.
        case changed
        /// The ranking is complete (the last response implied).
        case complete(Ranking)
        /// The key was refused, with why.
        case refused(String)
    }

    var placedCount: Int { placed.reduce(0) { $0 + $1.count } }
    var isEmpty: Bool { placed.isEmpty && !tiePending }

    func isPlaced(_ index: Int) -> Bool { placed.contains { $0.contains(index) } }

    /// The 1-based place of shown index `index` (tied responses share the best of their places).
    func place(of index: Int) -> Int? {
        var before = 1
        for group in placed {
            if group.contains(index) { return before }
            before += group.count
        }
        return nil
    }

    /// The response shown as number `number` (1-based) is placed next.
    mutating func press(_ number: Int) -> Step {
        guard (1...shown.count).contains(number) else {
            return .refused("there are \(shown.count) responses: press 1-\(shown.count)")
        }
        let index = number - 1
        if let place = place(of: index) {
            return .refused("\(number) is ranked already (place \(place)); Backspace takes back the last one")
        }
        if tiePending, !placed.isEmpty { placed[placed.count - 1].append(index) } else { placed.append([index]) }
        tiePending = false
        let left = unplaced
        if left.count == 1 {
            return .complete(ranking(placed + [left]))
        }
        return .changed
    }

    /// The tie key: the next response placed ties with the last one placed; again takes it back.
    mutating func markTie() -> Step {
        guard !placed.isEmpty else {
            return .refused("\(LabelerKeys.rankingTieKey) ties the next response with the one before it: place the best first")
        }
        tiePending.toggle()
        return .changed
    }

    /// Backspace: takes back the tie key, else the last response placed; false with nothing to take back.
    mutating func back() -> Bool {
        if tiePending {
            tiePending = false
            return true
        }
        guard !placed.isEmpty else { return false }
        placed[placed.count - 1].removeLast()
        if placed[placed.count - 1].isEmpty { placed.removeLast() }
        return true
    }

    /// Enter: the ranking with the responses not placed sharing last place (beside the last
    /// one placed after the tie key); nil when nothing is placed.
    func finished() -> Ranking? {
        guard !placed.isEmpty else { return nil }
        var groups = placed
        let left = unplaced
        if tiePending { groups[groups.count - 1] += left } else if !left.isEmpty { groups.append(left) }
        return ranking(groups)
    }

    /// The shown indices not placed, in the order shown.
    var unplaced: [Int] { shown.indices.filter { !isPlaced($0) } }

    private func ranking(_ groups: [[Int]]) -> Ranking {
        Ranking(groups: groups.map { $0.map { shown[$0] } }, shown: shown)
    }

    /// What is ranked so far, by number, best first: `3 > 1 = 2`, with a trailing ` =` after the tie key.
    var text: String {
        placed.map { $0.map { String($0 + 1) }.joined(separator: " = ") }.joined(separator: " > ") + (tiePending ? " =" : "")
    }
}

/// The order an annotator is shown an item's responses in: a shuffle drawn from a generator
/// seeded with the item's id and the annotator's name (as `PairwiseSides`), so it is random
/// across items and annotators but the same on every relaunch and machine.
enum RankingOrder {
    static func shown(models: [String], itemID: String, annotator: String) -> [String] {
        var generator = SeededGenerator(seed: PairwiseSides.seed(itemID: itemID, annotator: annotator))
        var order = models
        // Fisher–Yates from the end, one draw per place.
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(index, Int(generator.next() % UInt64(index + 1)))
        }
        return order
    }
}
