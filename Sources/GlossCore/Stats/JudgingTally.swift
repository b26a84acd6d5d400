/// The judging figures of a statistics pass, fed one item (or a count of items alike) at a
/// time with each annotator's current value: pairwise judgments (either value shape,
/// `AnnotationValue.pairwiseJudgment`) go to the leaderboard, position bias and outcome
/// agreement; ratings, of the item or of each response by model, to α per criterion.
///
/// Memory is flat: judgments are kept as counts per (left, right, outcome), the models
/// squared, and the leaderboard is fitted from them in sorted order at the end, so the
/// figures are the same bits whatever order items come in (the pass over rows and the
/// store's totals give them in different orders).
public struct JudgingTally: Sendable {
    private var judgments: [JudgedPair: Int] = [:]
    private var bias = PositionBiasTally()
    private var outcomes = PairwiseOutcomeTally()
    private var ratings: RatingAgreementTally
    private var unit: [JudgedPair] = []

    /// `criteria`: the guide's rating criteria (the first of each name counts).
    public init(criteria: [RatingCriterion]) {
        var seen = Set<String>()
        let unique = criteria.filter { seen.insert($0.name).inserted }
        ratings = RatingAgreementTally(criteria: unique.map { ($0.name, 1...max(1, $0.scale)) })
    }

    /// Adds `times` items alike whose annotators' current values are `values`.
    public mutating func add(_ values: some Collection<(annotator: String, value: AnnotationValue)>, times: Int = 1) {
        unit.removeAll(keepingCapacity: true)
        for (annotator, value) in values {
            guard let judgment = value.pairwiseJudgment else { continue }
            let pair = JudgedPair(left: judgment.left, right: judgment.right,
                                  outcome: JudgedPair.Outcome(rawValue: judgment.outcome.rawValue)!)
            judgments[pair, default: 0] += times
            bias.add(pair, by: annotator, times: times)
            unit.append(pair)
        }
        outcomes.add(unit, times: times)
        addRatings(values.lazy.map(\.value), times: times)
    }

    /// One unit per criterion of the item's ratings, and one per criterion of each response
    /// rated (by model, whatever side it was shown on).
    private mutating func addRatings(_ values: some Collection<AnnotationValue>, times: Int) {
        var item: [[String: Int]] = [], byModel: [String: [[String: Int]]] = [:]
        for case .answers(let answers) in values {
            switch answers.ratings {
            case .item(let points)?: item.append(points)
            case .responses(let models)?: for (model, points) in models { byModel[model, default: []].append(points) }
            case nil: break
            }
        }
        if !item.isEmpty { ratings.add(item, times: times) }
        for model in byModel.keys.sorted() { ratings.add(byModel[model]!, times: times) }
    }

    /// The figures so far.
    public var stats: JudgingStats {
        var tally = PairwiseTally()
        let sorted = judgments.keys.sorted { ($0.left, $0.right, $0.outcome.rawValue) < ($1.left, $1.right, $1.outcome.rawValue) }
        for pair in sorted { tally.add(pair, times: judgments[pair]!) }
        return JudgingStats(
            leaderboard: judgments.isEmpty ? nil : BradleyTerry.fit(tally),
            outcomes: judgments.isEmpty ? nil
                : OutcomeAgreement(items: outcomes.items, percent: outcomes.percent, alpha: outcomes.alpha),
            ratings: ratings.results, positionBias: bias.results)
    }
}
