import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// Any number of labels per item: label keys toggle, Enter saves the set.
public struct MultilabelKind: TaskKind {
    public init() {}
    public var type: TaskType { .multilabel }
    public var values: any ValueRules { MultilabelValues() }
    public var answer: any TaskAnswer { MultilabelAnswer() }
    public var agreement: any AgreementMeasure { MultilabelAgreement() }
    public var review: any TaskReview { MultilabelReview() }

    public var modelFamily: ModelFamily { .textClassifier(multilabel: true) }

    public func model(for guide: Guide, seed: UInt64) -> any LabelModel {
        TextLabelModel(guide: guide, multilabel: true, seed: seed)
    }

    /// Each label of the guide with probability one half.
    public func sampleAnswer(for text: String, parts: ItemParts?, guide: Guide,
                             using generator: inout some RandomNumberGenerator) -> AnnotationValue {
        .labels(guide.labels.map(\.name).filter { _ in Bool.random(using: &generator) })
    }

    public func consensusRule(labels: [String]) -> any ConsensusRule { MultilabelConsensus(labels: labels) }
    public var foreignAnswers: any ForeignAnswerRule { MultilabelForeignAnswers() }
    public var exportMapping: any ExportMapping { MultilabelExport() }
}
