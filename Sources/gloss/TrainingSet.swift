import GlossClassifier
import GlossCore
import GlossStore

/// Labeled items turned into examples of a guide's labels: what was kept, what was left out
/// and why, and a seeded stratified split into training and held-out parts.
struct TrainingSet {
    /// The items kept, with their labels restricted to the guide's.
    var items: [LabeledItem] = []
    /// Labels not in the guide, with how many items use them.
    var unknownLabels: [String: Int] = [:]
    /// Items left out: every label unknown, or several labels in a single-label task.
    var leftOut = 0
    var severalLabels = 0

    /// Keeps the items whose labels (single-label: exactly one) are among `labels`.
    init(_ labeled: [LabeledItem], labels: [String], multilabel: Bool) {
        let known = Set(labels)
        for var item in labeled {
            let unknown = item.labels.filter { !known.contains($0) }
            for label in unknown { unknownLabels[label, default: 0] += 1 }
            let kept = item.labels.filter { known.contains($0) }
            if !multilabel, kept.count > 1 {
                severalLabels += 1
                leftOut += 1
                continue
            }
            if kept.isEmpty, !item.labels.isEmpty || !multilabel {
                leftOut += 1
                continue
            }
            item.labels = kept
            items.append(item)
        }
    }

    /// How many kept items carry each label.
    func counts(of labels: [String]) -> [Int] {
        var count: [String: Int] = [:]
        for item in items { for label in item.labels { count[label, default: 0] += 1 } }
        return labels.map { count[$0] ?? 0 }
    }

    /// A sentence about what was left out, or nil when nothing was.
    var leftOutNote: String? {
        guard leftOut > 0 else {
            return unknownLabels.isEmpty ? nil : "ignored labels not in the guide: \(Self.list(unknownLabels))."
        }
        var reasons: [String] = []
        if !unknownLabels.isEmpty { reasons.append("labels not in the guide: \(Self.list(unknownLabels))") }
        if severalLabels > 0 { reasons.append("\(NumberText.grouped(severalLabels)) with several labels in a single-label project") }
        return "left out \(NumberText.grouped(leftOut)) item\(leftOut == 1 ? "" : "s") (\(reasons.joined(separator: "; ")))."
    }

    static func list(_ counts: [String: Int]) -> String {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\(TerminalText.visible($0.key)) (\(NumberText.grouped($0.value)))" }.joined(separator: ", ")
    }

    /// Splits with `StratifiedSplit`, items grouped by their label set.
    func split(holdout fraction: Double, seed: UInt64) -> (train: [LabeledItem], heldOut: [LabeledItem]) {
        StratifiedSplit.split(items, key: { $0.labels.sorted().joined(separator: "\u{1F}") }, fraction: fraction, seed: seed)
    }
}
