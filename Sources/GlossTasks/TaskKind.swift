import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// One kind of task (classify, multilabel, spans): everything that differs between kinds
/// lives in the kind's folder behind this protocol. Each facet is a protocol of the target
/// that uses it (the labeling screen's `TaskAnswer`, …); a kind conforms to all of them,
/// and `TaskKinds` registers it under its `TaskType`.
public protocol TaskKind: Sendable {
    /// The guide's `task:` name.
    var type: TaskType { get }
    /// The labeling screen's answer before any item (`TaskAnswer.restarted` makes each item's).
    var answer: any TaskAnswer { get }
    /// Whether on the review screen a label's key makes that label the final answer (else
    /// the reviewer adopts one of the decisions with Enter).
    var reviewPicksByLabelKey: Bool { get }
    /// The labeler's model for a guide of this kind.
    func model(for guide: Guide, seed: UInt64) -> any LabelModel
    /// How an export combines this kind's decisions, for a guide with `labels` (in order).
    func consensusRule(labels: [String]) -> any ConsensusRule
    /// How answers in another tool's export (Label Studio, Prodigy, doccano) become this kind's values.
    var foreignAnswers: any ForeignAnswerRule { get }
    /// How exports write this kind's values, in the formats it supports.
    var exportMapping: any ExportMapping { get }
}

/// The registry of task kinds: one line per kind.
public enum TaskKinds {
    public static let all: [any TaskKind] = [ClassifyKind(), MultilabelKind(), SpansKind()]

    /// The kind of a task type (every `TaskType` has one).
    public static func kind(for type: TaskType) -> any TaskKind {
        guard let kind = all.first(where: { $0.type == type }) else {
            preconditionFailure("no task kind is registered for \(type.rawValue)")
        }
        return kind
    }
}

/// The labeler's models, by the guide's task.
public enum LabelModels {
    public static func make(for guide: Guide, seed: UInt64 = 1) -> any LabelModel {
        TaskKinds.kind(for: guide.task).model(for: guide, seed: seed)
    }
}
