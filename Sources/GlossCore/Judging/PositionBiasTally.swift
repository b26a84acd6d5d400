/// Position bias per annotator: among an annotator's decisive pairwise judgments (a side
/// won; ties and `neither` say nothing about sides), the share where the left side won.
/// Sides are random per item and annotator, so an unbiased annotator's share is 1/2 up to
/// chance; the exact binomial test and the Wilson interval say how far from chance it is.
/// Checked against `scipy.stats.binomtest` (Tests/Fixtures/judging/pairwise-*.json).
public struct PositionBiasTally: Sendable {
    private var counts: [String: (left: Int, decisive: Int)] = [:]

    public init() {}

    /// Adds `times` judgments alike by `annotator`.
    public mutating func add(_ judgment: JudgedPair, by annotator: String, times: Int = 1) {
        var count = counts[annotator] ?? (0, 0)
        if judgment.isDecisive {
            count.decisive += times
            if judgment.outcome == .left { count.left += times }
        }
        counts[annotator] = count
    }

    /// One line per annotator who judged, sorted by name.
    public var results: [PositionBias] {
        counts.keys.sorted().map { name in
            let c = counts[name]!
            let interval = Binomial.wilson(successes: c.left, trials: c.decisive)
            return PositionBias(
                annotator: name, decisive: c.decisive, leftWins: c.left,
                leftShare: c.decisive == 0 ? nil : Double(c.left) / Double(c.decisive),
                pValue: Binomial.twoSidedPValue(successes: c.left, trials: c.decisive),
                lower: interval?.lower, upper: interval?.upper)
        }
    }
}

/// One annotator's position bias; the figures are nil without a decisive judgment.
public struct PositionBias: Sendable, Equatable, Codable {
    public var annotator: String
    public var decisive: Int
    public var leftWins: Int
    public var leftShare: Double?
    /// Two-sided exact binomial test against 1/2.
    public var pValue: Double?
    /// The 95% Wilson interval of the left share.
    public var lower: Double?
    public var upper: Double?

    public init(annotator: String, decisive: Int, leftWins: Int, leftShare: Double?, pValue: Double?,
                lower: Double?, upper: Double?) {
        self.annotator = annotator
        self.decisive = decisive
        self.leftWins = leftWins
        self.leftShare = leftShare
        self.pValue = pValue
        self.lower = lower
        self.upper = upper
    }
}
