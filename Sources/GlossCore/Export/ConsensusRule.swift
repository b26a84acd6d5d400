/// A task kind's part of an export's consensus (each kind implements it in its folder in
/// GlossTasks; the store's export scan is handed the project's): the canonical form of the
/// kind's values, how several annotators' values become one under a policy, and the stratum
/// a final value is balanced in by a stratified split. `Consensus` does what every kind
/// shares; `ConsensusVote` holds the votes kinds are made of (one choice, sets of elements).
public protocol ConsensusRule: Sendable {
    /// `value` in the canonical order an export writes, duplicates merged, so that values
    /// equal as decisions compare equal; returned as is when already canonical (the common
    /// case then allocates nothing).
    func normalized(_ value: AnnotationValue) -> AnnotationValue
    /// The final value of one or more normalized label decisions given oldest first under
    /// `policy` (never `.adjudicated`: `Consensus` answers that), or why there is none.
    func combine(_ values: [AnnotationValue], policy: ConsensusPolicy) -> ConsensusResult
    /// The stratum of a final value: a stratified split balances the items of each stratum
    /// across the splits (see `StratifiedSplitter`); build it with `StratifiedSplitter.stratum(_:)`.
    func stratum(of value: AnnotationValue) -> String
    /// Whether `.all` writes each annotator's value as a row of its own instead of the value
    /// they share (judging kinds: a preference set keeps every judge's judgment); false by default.
    var allKeepsEachAnnotator: Bool { get }
}

extension ConsensusRule {
    public var allKeepsEachAnnotator: Bool { false }
}

/// The votes task kinds combine their values with, so every kind reads a policy the same
/// way (`ConsensusPolicy` documents the rules).
public enum ConsensusVote {
    /// Values that are one choice each (a label): a single decision stands; `.unanimous` and
    /// `.all` keep a value every decision shares; otherwise the most frequent value, a tie at
    /// the top left out under `.majority` and going to the value decided first under `.any`.
    public static func choice(_ values: [AnnotationValue], policy: ConsensusPolicy) -> ConsensusResult {
        guard let first = values.first else { return .leftOut(.noLabel) }
        if values.count == 1 { return .value(first) }
        switch policy {
        case .unanimous, .all:
            return unanimous(values)
        default:
            var counts: [(value: AnnotationValue, count: Int)] = []  // in order of first decision
            for value in values {
                if let at = counts.firstIndex(where: { $0.value == value }) {
                    counts[at].count += 1
                } else {
                    counts.append((value, 1))
                }
            }
            let top = counts.map(\.count).max() ?? 0
            if policy == .majority, counts.filter({ $0.count == top }).count > 1 { return .leftOut(.tie) }
            return .value(counts.first { $0.count == top }?.value ?? first)
        }
    }

    /// Values that are sets of elements (labels, spans), each normalized: a single decision
    /// stands (but under `.all` one that chose nothing is no label); `.unanimous` keeps a
    /// value every decision shares; `.any` the union; `.all` the intersection, left out when
    /// empty; `.majority` each element chosen by more than half of the decisions, exactly
    /// half being a tie, and "nothing" kept when more than half chose nothing. `make` builds
    /// the kind's value from elements in any order.
    public static func sets<Element: Hashable>(
        _ values: [AnnotationValue], policy: ConsensusPolicy, elements: (AnnotationValue) -> [Element],
        make: ([Element]) -> AnnotationValue
    ) -> ConsensusResult {
        guard let first = values.first else { return .leftOut(.noLabel) }
        if values.count == 1 {
            return policy == .all && elements(first).isEmpty ? .leftOut(.noLabel) : .value(first)
        }
        if policy == .unanimous { return unanimous(values) }
        let sets = values.map(elements)
        var counts: [Element: Int] = [:]
        for set in sets { for element in Set(set) { counts[element, default: 0] += 1 } }
        let voters = sets.count
        switch policy {
        case .any:
            return .value(make(Array(counts.keys)))
        case .all:
            let common = counts.filter { $0.value == voters }.map(\.key)
            return common.isEmpty ? .leftOut(.noLabel) : .value(make(common))
        default:
            if counts.values.contains(where: { $0 * 2 == voters }) { return .leftOut(.tie) }
            let chosen = counts.filter { $0.value * 2 > voters }.map(\.key)
            if !chosen.isEmpty { return .value(make(chosen)) }
            // "Nothing" is a choice too: kept when more than half chose it.
            let emptyVotes = sets.filter(\.isEmpty).count
            if emptyVotes * 2 > voters { return .value(make([])) }
            return emptyVotes * 2 == voters ? .leftOut(.tie) : .leftOut(.noLabel)
        }
    }

    /// The first value when every value equals it, else not unanimous.
    public static func unanimous(_ values: [AnnotationValue]) -> ConsensusResult {
        guard let first = values.first else { return .leftOut(.noLabel) }
        return values.allSatisfy({ $0 == first }) ? .value(first) : .leftOut(.notUnanimous)
    }
}
