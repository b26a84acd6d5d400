/// The pairwise judgments of a project, added one at a time, kept as counts per pair of
/// models (memory grows with the models squared, not with the judgments): what the
/// Bradley–Terry fit and the win rates need.
///
/// A tie counts as half a win for each model (kept as whole half-wins, so sums are exact);
/// `neither` counts as a judgment of both models but as no comparison; a judgment of a model
/// against itself is left out.
public struct PairwiseTally: Sendable {
    /// Model names in the order first seen.
    public private(set) var models: [String] = []
    private var numbers: [String: Int] = [:]
    /// halfWins[i][j]: twice the wins of model i over model j (a tie adds 1 to both).
    private(set) var halfWins: [[Int]] = []
    private(set) var records: [ModelRecord] = []

    /// A model's judgments: every one it was shown in, and the outcomes of the comparisons.
    public struct ModelRecord: Sendable, Equatable {
        public var judgments = 0
        public var wins = 0
        public var ties = 0
        public var losses = 0
    }

    public init() {}

    /// Adds `times` judgments alike (the statistics totals count items by their values).
    public mutating func add(_ judgment: JudgedPair, times: Int = 1) {
        guard judgment.left != judgment.right, times > 0 else { return }
        let left = number(judgment.left), right = number(judgment.right)
        records[left].judgments += times
        records[right].judgments += times
        switch judgment.outcome {
        case .left:
            halfWins[left][right] += 2 * times
            records[left].wins += times
            records[right].losses += times
        case .right:
            halfWins[right][left] += 2 * times
            records[right].wins += times
            records[left].losses += times
        case .tie:
            halfWins[left][right] += times
            halfWins[right][left] += times
            records[left].ties += times
            records[right].ties += times
        case .neither:
            break
        }
    }

    private mutating func number(_ model: String) -> Int {
        if let n = numbers[model] { return n }
        numbers[model] = models.count
        models.append(model)
        records.append(ModelRecord())
        for i in halfWins.indices { halfWins[i].append(0) }
        halfWins.append(Array(repeating: 0, count: models.count))
        return models.count - 1
    }

    /// The number of groups of models linked by comparisons (not `neither`): 1 when every
    /// model was compared, directly or through others, with every other.
    public var groups: Int {
        var parent = Array(models.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        for i in models.indices {
            for j in models.indices where j > i && halfWins[i][j] + halfWins[j][i] > 0 {
                parent[root(i)] = root(j)
            }
        }
        return Set(models.indices.map(root)).count
    }
}
