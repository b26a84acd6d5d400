/// Why an export left a decided item out; the raw values are the keys of the manifest's
/// left-out counts.
public enum ExportLeftOutReason: String, Sendable, Codable, CaseIterable {
    case tie
    case skipped
    case flagged
    case notUnanimous = "not unanimous"
    case belowMinAgreement = "below min agreement"
    case notAdjudicated = "not adjudicated"
    /// No label decision, or none (no label, no span) met the policy's bar.
    case noLabel = "no label"

    /// Whether the item has no consensus value (so a model may label it under
    /// `--include-predictions`); skips, flags and low agreement keep their verdict.
    public var wantsPrediction: Bool {
        switch self {
        case .tie, .notUnanimous, .notAdjudicated, .noLabel: true
        case .skipped, .flagged, .belowMinAgreement: false
        }
    }
}

/// The final value of an item, or why it has none.
public enum ConsensusResult: Sendable, Equatable {
    case value(AnnotationValue)
    case leftOut(ExportLeftOutReason)
}

/// Combines the annotators' label decisions on an item into one value under a
/// `ConsensusPolicy` (see its cases for the rules), and puts values in the canonical order an
/// export writes: multilabel in guide order (labels the guide no longer has after them,
/// sorted), spans by start, end and label with exact duplicates merged.
public struct Consensus: Sendable {
    public let task: TaskType
    public let policy: ConsensusPolicy
    /// Guide position of each label of the current guide.
    private let labelOrder: [String: Int]

    public init(task: TaskType, policy: ConsensusPolicy, labels: [String]) {
        self.task = task
        self.policy = policy
        var order: [String: Int] = [:]
        for (index, label) in labels.enumerated() where order[label] == nil { order[label] = index }
        labelOrder = order
    }

    /// `value` in canonical order, duplicates merged; returned as is when already canonical.
    public func normalized(_ value: AnnotationValue) -> AnnotationValue {
        switch value {
        case .label: return value
        case .labels(let names):
            if zip(names, names.dropFirst()).allSatisfy({ labelPrecedes($0, $1) }) { return value }
            return .labels(Array(Set(names)).sorted(by: labelPrecedes))
        case .spans(let spans):
            if zip(spans, spans.dropFirst()).allSatisfy({ Self.spanPrecedes($0, $1) }) { return value }
            var merged: [LabeledRange] = []
            for span in spans.sorted(by: Self.spanPrecedes) where merged.last != span { merged.append(span) }
            return .spans(merged)
        }
    }

    /// The final value of normalized label decisions given oldest first, or why there is none.
    /// Under `.adjudicated` nothing but an adjudication counts, so the answer is always no.
    public func combine(_ values: [AnnotationValue]) -> ConsensusResult {
        if policy == .adjudicated { return .leftOut(.notAdjudicated) }
        guard let first = values.first else { return .leftOut(.noLabel) }
        if values.count == 1 {
            if policy == .all, first.labelNames.isEmpty, task != .classify { return .leftOut(.noLabel) }
            return .value(first)
        }
        switch policy {
        case .unanimous:
            return values.allSatisfy({ $0 == first }) ? .value(first) : .leftOut(.notUnanimous)
        case .all where task == .classify:
            return values.allSatisfy({ $0 == first }) ? .value(first) : .leftOut(.notUnanimous)
        default:
            break
        }
        switch first {
        case .label: return combineLabels(values)
        case .labels:
            return combineSets(values.map { $0.labelNames }, empty: .labels([])) { .labels($0.sorted(by: labelPrecedes)) }
        case .spans:
            let sets = values.map { value -> [SpanKey] in
                guard case .spans(let spans) = value else { return [] }
                return spans.map(SpanKey.init)
            }
            return combineSets(sets, empty: .spans([])) { keys in
                .spans(keys.map(\.range).sorted(by: Self.spanPrecedes))
            }
        }
    }

    /// The share of `values` equal to `final` (as sets for multilabel and spans, both being
    /// normalized); nil when there are no values.
    public func agreement(of values: [AnnotationValue], with final: AnnotationValue) -> Double? {
        guard !values.isEmpty else { return nil }
        var equal = 0
        for value in values where value == final { equal += 1 }
        return Double(equal) / Double(values.count)
    }

    /// Classify: the most frequent label; a tie at the top is left out under `.majority` and
    /// goes to the label decided first under `.any`.
    private func combineLabels(_ values: [AnnotationValue]) -> ConsensusResult {
        var counts: [(label: String, count: Int)] = []  // in order of first decision
        for case .label(let name) in values {
            if let at = counts.firstIndex(where: { $0.label == name }) { counts[at].count += 1 } else { counts.append((name, 1)) }
        }
        guard let top = counts.map(\.count).max(), let winner = counts.first(where: { $0.count == top }) else {
            return .leftOut(.noLabel)
        }
        if policy == .majority, counts.filter({ $0.count == top }).count > 1 { return .leftOut(.tie) }
        return .value(.label(winner.label))
    }

    /// Multilabel and spans over sets of elements: majority (more than half; exactly half is
    /// a tie), union (`.any`) or intersection (`.all`, left out when empty).
    private func combineSets<Element: Hashable>(_ sets: [[Element]], empty: AnnotationValue,
                                                make: ([Element]) -> AnnotationValue) -> ConsensusResult {
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
            if emptyVotes * 2 > voters { return .value(empty) }
            return emptyVotes * 2 == voters ? .leftOut(.tie) : .leftOut(.noLabel)
        }
    }

    private func labelPrecedes(_ a: String, _ b: String) -> Bool {
        let left = labelOrder[a] ?? Int.max, right = labelOrder[b] ?? Int.max
        return left != right ? left < right : a < b
    }

    static func spanPrecedes(_ a: LabeledRange, _ b: LabeledRange) -> Bool {
        (a.start, a.end, a.label) < (b.start, b.end, b.label)
    }

    /// A span as a set element: start, end and label (its text follows from the offsets).
    private struct SpanKey: Hashable {
        var start: Int, end: Int, label: String
        init(_ range: LabeledRange) { (start, end, label) = (range.start, range.end, range.label) }
        var range: LabeledRange { LabeledRange(start: start, end: end, label: label) }
    }
}
