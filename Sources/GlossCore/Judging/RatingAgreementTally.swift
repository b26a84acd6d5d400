/// Agreement on a rating rubric, items given one at a time: Krippendorff's α, ordinal and
/// interval, per criterion, each criterion's unit being one item × that criterion
/// (``ScaleUnitsTally`` over the criterion's scale points as the value domain).
public struct RatingAgreementTally: Sendable {
    private var names: [String]
    private var tallies: [ScaleUnitsTally]
    private var index: [String: Int] = [:]
    private var values: [[Int]]

    /// The guide's criteria with their scales (1…n), in the guide's order.
    public init(criteria: [(name: String, points: ClosedRange<Int>)]) {
        names = criteria.map(\.name)
        tallies = criteria.map { ScaleUnitsTally(points: $0.points) }
        values = Array(repeating: [], count: criteria.count)
        for (i, criterion) in criteria.enumerated() where index[criterion.name] == nil { index[criterion.name] = i }
    }

    /// Adds one item: each annotator's ratings by criterion. A criterion an annotator left
    /// out is missing data; a criterion the guide does not have is left out.
    /// `times` items alike add their units `times` over.
    public mutating func add(_ ratings: some Sequence<[String: Int]>, times: Int = 1) {
        for i in values.indices { values[i].removeAll(keepingCapacity: true) }
        for annotator in ratings {
            for (criterion, point) in annotator {
                if let i = index[criterion] { values[i].append(point) }
            }
        }
        for i in tallies.indices { tallies[i].add(values[i], times: times) }
    }

    /// One line per criterion, in the guide's order.
    public var results: [CriterionAgreement] {
        zip(names, tallies).map { name, tally in
            CriterionAgreement(criterion: name, points: tally.points.count, units: tally.units,
                               ordinal: tally.alpha(.ordinal), interval: tally.alpha(.interval),
                               outOfScale: tally.outOfScale)
        }
    }
}

/// One criterion's agreement: α ordinal and interval over its units rated twice or more.
public struct CriterionAgreement: Sendable, Equatable, Codable {
    public var criterion: String
    /// The scale's number of points.
    public var points: Int
    /// Items the criterion was rated on by two or more annotators.
    public var units: Int
    public var ordinal: Double?
    public var interval: Double?
    /// Ratings off the scale, left out.
    public var outOfScale: Int
    public init(criterion: String, points: Int, units: Int, ordinal: Double?, interval: Double?, outOfScale: Int) {
        self.criterion = criterion
        self.points = points
        self.units = units
        self.ordinal = ordinal
        self.interval = interval
        self.outOfScale = outOfScale
    }
}
