/// The weights of a multi-class averaged perceptron (Collins 2002) over hashed features,
/// averaged lazily: each weight keeps the running total of its past values and the clock
/// time it last changed, so an update costs O(1) and the average is exact at any time.
/// Weights, totals and clock are integers, so training is exact and reproducible.
struct PerceptronWeights {
    /// One (feature, class) weight.
    struct Cell: Equatable {
        var weight: Int32 = 0
        var total: Int64 = 0
        var stamp: Int32 = 0
    }

    let classCount: Int
    /// Feature hashes in the order their rows were created.
    private(set) var features: [UInt64] = []
    /// `classCount` cells per row.
    private(set) var cells: [Cell] = []
    private var rows: [UInt64: Int] = [:]
    /// Training instances seen.
    private(set) var clock: Int = 0

    init(classCount: Int) {
        self.classCount = classCount
    }

    /// Rebuilds stored weights; nil when a feature repeats or a stamp is past the clock.
    init?(classCount: Int, clock: Int, features: [UInt64], cells: [Cell]) {
        guard cells.count == features.count * classCount, cells.allSatisfy({ Int($0.stamp) <= clock }) else { return nil }
        self.classCount = classCount
        self.clock = clock
        self.features = features
        self.cells = cells
        for (row, feature) in features.enumerated() {
            guard rows.updateValue(row, forKey: feature) == nil else { return nil }
        }
    }

    /// Adds each class's score for `features` to `scores`: the current weights while
    /// training, the averaged ones otherwise.
    func addScores(_ features: [UInt64], averaged: Bool, into scores: inout [Double]) {
        let now = Int64(clock)
        let scale = 1 / Double(max(clock, 1))
        for feature in features {
            guard let row = rows[feature] else { continue }
            let base = row * classCount
            for kind in 0..<classCount {
                let cell = cells[base + kind]
                guard cell.weight != 0 || (averaged && cell.total != 0) else { continue }
                if averaged {
                    scores[kind] += Double(cell.total + (now - Int64(cell.stamp)) * Int64(cell.weight)) * scale
                } else {
                    scores[kind] += Double(cell.weight)
                }
            }
        }
    }

    /// Moves the weights of `features` toward `truth` and away from `guess`.
    mutating func update(_ features: [UInt64], truth: Int, guess: Int) {
        guard truth != guess else { return }
        for feature in features {
            let base = row(for: feature) * classCount
            change(base + truth, by: 1)
            change(base + guess, by: -1)
        }
    }

    /// Counts one training instance (call once per instance, after any update). The clock
    /// stops at Int32.max instances; past that, later weights weigh no more in the average.
    mutating func tick() {
        if clock < Int(Int32.max) { clock += 1 }
    }

    private mutating func change(_ index: Int, by delta: Int32) {
        let now = Int32(truncatingIfNeeded: clock)
        cells[index].total += Int64(now - cells[index].stamp) * Int64(cells[index].weight)
        cells[index].stamp = now
        cells[index].weight += delta
    }

    private mutating func row(for feature: UInt64) -> Int {
        if let row = rows[feature] { return row }
        let row = features.count
        rows[feature] = row
        features.append(feature)
        cells.append(contentsOf: repeatElement(Cell(), count: classCount))
        return row
    }
}
