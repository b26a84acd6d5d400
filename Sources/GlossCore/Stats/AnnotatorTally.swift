/// One annotator's counters in a statistics pass (see `TeamStats` for what each figure
/// means): a fixed set of integers plus counts per distinct active time, guide version and
/// label, so its size does not grow with the rows.
struct AnnotatorTally {
    var rows = 0
    var undone = 0
    var activeMilliseconds = 0
    var decisions = 0
    var labels = 0
    var skips = 0
    var flags = 0
    /// Active milliseconds of current decisions, as counts per value.
    var durations = DurationCounts()
    var suggestionsShown = 0
    var suggestionsAccepted = 0
    /// Guide version → current decisions, in the order versions first came (a few).
    var versions: [KeyCount] = []
    /// Label number → uses in current label decisions.
    var labelUses: [Int: Int] = [:]
    var goldDecided = 0
    var goldMissed: [String] = []
    var consensusItems = 0
    var consensusAgreeing = 0

    /// Counts one of the annotator's rows; `row.value` is left to the item (it needs the others').
    mutating func add(_ row: StatsRow) {
        rows += 1
        if row.undone { undone += 1 }
        activeMilliseconds += row.activeMilliseconds ?? 0
        guard row.isCurrent else { return }
        decisions += 1
        switch row.kind {
        case .label: labels += 1
        case .skip: skips += 1
        case .flag: flags += 1
        }
        if let milliseconds = row.activeMilliseconds { durations.add(milliseconds) }
        if row.suggestionShown {
            suggestionsShown += 1
            if row.suggestionAccepted == true { suggestionsAccepted += 1 }
        }
        if let at = versions.firstIndex(where: { $0.key == row.guideVersion }) {
            versions[at].count += 1
        } else {
            versions.append(KeyCount(key: row.guideVersion, count: 1))
        }
    }

    /// The annotator's section, with the pairs worked out by the pass.
    func stats(name: String, pairs: [PairAgreement], labelNames: [String]) -> AnnotatorStats {
        let activeHours = Double(activeMilliseconds) / 3_600_000
        let seconds = durations.ranks()
        let goldCorrect = goldDecided - goldMissed.count
        return AnnotatorStats(
            name: name, rows: rows, decisions: decisions, labels: labels, skips: skips, flags: flags,
            undone: undone, undoRate: rows == 0 ? nil : Double(undone) / Double(rows),
            activeHours: activeHours,
            itemsPerHour: activeHours > 0 ? Double(decisions) / activeHours : nil,
            medianSeconds: seconds.percentile(0.5), p90Seconds: seconds.percentile(0.9),
            suggestionsShown: suggestionsShown, suggestionsAccepted: suggestionsAccepted,
            suggestionAcceptance: suggestionsShown == 0 ? nil : Double(suggestionsAccepted) / Double(suggestionsShown),
            gold: GoldAccuracy(decided: goldDecided, correct: goldCorrect,
                               accuracy: goldDecided > 0 ? Double(goldCorrect) / Double(goldDecided) : nil,
                               missed: goldMissed.sorted()),
            pairs: pairs,
            consensus: ConsensusAgreement(
                items: consensusItems, agreeing: consensusAgreeing,
                percent: consensusItems > 0 ? Double(consensusAgreeing) / Double(consensusItems) : nil),
            labelDistribution: labelUses.map { LabelCount(label: labelNames[$0.key], count: $0.value) }
                .sorted { ($1.count, $0.label) < ($0.count, $1.label) },
            guideVersions: versions.sorted { $0.key < $1.key }.map {
                VersionCount(version: $0.key, decisions: $0.count)
            })
    }
}

/// A count of something known by a number (a guide version, a category).
struct KeyCount {
    var key: Int
    var count: Int
}

/// Durations kept as counts per value, so memory does not grow with the decisions: a
/// dictionary while the values are few, then an array of counts by millisecond for the
/// first 65.5 s (256 KiB) beside it for the rest.
struct DurationCounts {
    private static let denseLimit = 1 << 16
    private static let sparseLimit = 1024
    private var dense: [UInt32] = []
    private var sparse: [Int: Int] = [:]

    /// Counts `count` durations of `milliseconds`.
    mutating func add(_ milliseconds: Int, count: Int = 1) {
        if !dense.isEmpty, milliseconds >= 0, milliseconds < Self.denseLimit {
            dense[milliseconds] += UInt32(count)
            return
        }
        sparse[milliseconds, default: 0] += count
        if dense.isEmpty, sparse.count > Self.sparseLimit {
            dense = Array(repeating: 0, count: Self.denseLimit)
            for (value, count) in sparse where value >= 0 && value < Self.denseLimit {
                dense[value] = UInt32(count)
                sparse[value] = nil
            }
        }
    }

    /// The values in order with their counts, for reading by rank.
    func ranks() -> DurationRanks {
        var counts = sparse.map { (value: $0.key, count: $0.value) }
        for (value, count) in dense.enumerated() where count > 0 { counts.append((value, Int(count))) }
        return DurationRanks(counts.sorted { $0.value < $1.value })
    }
}

/// Durations in order as (value, count), read back by rank for percentiles: the same
/// interpolation as `Percentile.of` over the values spelled out, in seconds.
struct DurationRanks {
    private let milliseconds: [Int]
    /// `ends[i]`: how many durations are at most `milliseconds[i]`.
    private let ends: [Int]

    init(_ counts: [(value: Int, count: Int)]) {
        milliseconds = counts.map(\.value)
        var total = 0
        ends = counts.map { pair in
            total += pair.count
            return total
        }
    }

    func percentile(_ p: Double) -> Double? {
        Percentile.of(count: ends.last ?? 0, p) { rank in
            // The first distinct value whose run of copies reaches past `rank`.
            var low = 0, high = ends.count - 1
            while low < high {
                let middle = (low + high) / 2
                if ends[middle] > rank { high = middle } else { low = middle + 1 }
            }
            return Double(milliseconds[low]) / 1000
        }
    }
}
