import GlossClassifier
import GlossCore
import GlossStore

/// Labeled items turned into examples of a guide's labels, for training, evaluation and
/// learning curves alike: what was kept, what was left out and why, and a seeded stratified
/// split into training and held-out parts.
///
/// The rule is the classifier's own (`TextClassifier` learns from exactly these): labels
/// not in the guide are dropped; a single-label item needs exactly one known label; a
/// multilabel item with no label at all is kept (it says no label applies), but one whose
/// labels are all unknown is left out.
public struct TrainingExamples: Sendable {
    /// The items kept, with their labels restricted to the guide's.
    public private(set) var items: [LabeledItem] = []
    /// Labels not in the guide, with how many items use them.
    public private(set) var unknownLabels: [String: Int] = [:]
    /// Items left out: every label unknown, none in a single-label task, or several there.
    public private(set) var leftOut = 0
    public private(set) var severalLabels = 0

    /// Keeps the items whose labels (single-label: exactly one) are among `labels`.
    public init(_ labeled: [LabeledItem], labels: [String], multilabel: Bool) {
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

    /// The kept items as the classifier's examples.
    public var examples: [TrainingExample] { items.map { TrainingExample(text: $0.text, labels: $0.labels) } }

    /// How many kept items carry each label.
    public func counts(of labels: [String]) -> [Int] {
        var count: [String: Int] = [:]
        for item in items { for label in item.labels { count[label, default: 0] += 1 } }
        return labels.map { count[$0] ?? 0 }
    }

    /// A sentence about what was left out, or nil when nothing was.
    public var leftOutNote: String? {
        guard leftOut > 0 else {
            return unknownLabels.isEmpty ? nil : "ignored labels not in the guide: \(Self.list(unknownLabels))."
        }
        var reasons: [String] = []
        if !unknownLabels.isEmpty { reasons.append("labels not in the guide: \(Self.list(unknownLabels))") }
        if severalLabels > 0 {
            reasons.append("\(NumberText.grouped(severalLabels)) with several labels in a single-label project")
        }
        let items = "\(NumberText.grouped(leftOut)) item\(leftOut == 1 ? "" : "s")"
        return "left out \(items) (\(reasons.joined(separator: "; ")))."
    }

    /// Label counts as "name (count)", the most used first.
    public static func list(_ counts: [String: Int]) -> String {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\(TerminalText.visible($0.key)) (\(NumberText.grouped($0.value)))" }.joined(separator: ", ")
    }

    /// Splits with `StratifiedSplit`, items grouped by their label set.
    public func split(holdout fraction: Double, seed: UInt64) -> (train: [LabeledItem], heldOut: [LabeledItem]) {
        StratifiedSplit.split(items, key: { $0.labels.sorted().joined(separator: "\u{1F}") }, fraction: fraction,
                              seed: seed)
    }
}
