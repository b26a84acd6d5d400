import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// One kind of task (classify, multilabel, spans, pairwise, rating, text): everything that differs between kinds
/// lives in the kind's folder behind this protocol. Each facet is a protocol of the target
/// that uses it (the labeling screen's `TaskAnswer`, …); a kind conforms to all of them,
/// and `TaskKinds` registers it under its `TaskType`.
public protocol TaskKind: Sendable {
    /// The guide's `task:` name.
    var type: TaskType { get }
    /// The labeling screen's answer before any item (`TaskAnswer.restarted` makes each item's).
    var answer: any TaskAnswer { get }
    /// How two annotators' agreement is measured, and any figures over the units of its own
    /// (for `gloss stats` and `:stats`).
    var agreement: any AgreementMeasure { get }
    /// How values of the kind are checked and stored when they come from outside the labeler.
    var values: any ValueRules { get }
    /// The review screen's part (label keys, how a value reads).
    var review: any TaskReview { get }
    /// The kind of model the task learns with (`gloss train`, `eval`, `learning-curve`).
    var modelFamily: ModelFamily { get }
    /// The labeler's model for a guide of this kind.
    func model(for guide: Guide, seed: UInt64) -> any LabelModel
    /// An answer a headless annotator gives (`gloss drive`, for load and fault tests).
    func sampleAnswer(for text: String, parts: ItemParts?, guide: Guide,
                      using generator: inout some RandomNumberGenerator) -> AnnotationValue
    /// How an export combines this kind's decisions, for a guide with `labels` (in order).
    func consensusRule(labels: [String]) -> any ConsensusRule
    /// How answers in another tool's export (Label Studio, Prodigy, doccano) become this kind's values.
    var foreignAnswers: any ForeignAnswerRule { get }
    /// How exports write this kind's values, in the formats it supports.
    var exportMapping: any ExportMapping { get }
}

/// The registry of task kinds: one line per kind.
public enum TaskKinds {
    public static let all: [any TaskKind] = [ClassifyKind(), MultilabelKind(), SpansKind(), PairwiseKind(), RatingKind(),
                                             RankingKind(), TextKind()]

    /// The kind of a task type (every `TaskType` has one).
    public static func kind(for type: TaskType) -> any TaskKind {
        guard let kind = all.first(where: { $0.type == type }) else {
            preconditionFailure("no task kind is registered for \(type.rawValue)")
        }
        return kind
    }

    /// The value rules of each task, for the store's checks of imported values.
    public static let valueRules: ValueRulesLookup = { kind(for: $0).values }
}

/// The agreement measures, by the project's task: what statistics are handed.
public enum AgreementMeasures {
    public static func measure(for type: TaskType) -> any AgreementMeasure {
        TaskKinds.kind(for: type).agreement
    }
}

/// The labeler's models, by the guide's task.
public enum LabelModels {
    public static func make(for guide: Guide, seed: UInt64 = 1) -> any LabelModel {
        TaskKinds.kind(for: guide.task).model(for: guide, seed: seed)
    }
}
