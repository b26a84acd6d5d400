import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// One label per item, picked with one key.
public struct ClassifyKind: TaskKind {
    public init() {}
    public var type: TaskType { .classify }
    public var values: any ValueRules { ClassifyValues() }
    public var answer: any TaskAnswer { ClassifyAnswer() }
    public var agreement: any AgreementMeasure { ClassifyAgreement() }
    public var review: any TaskReview { ClassifyReview() }

    public var modelFamily: ModelFamily { .textClassifier(multilabel: false) }

    public func model(for guide: Guide, seed: UInt64) -> any LabelModel {
        TextLabelModel(guide: guide, multilabel: false, seed: seed)
    }

    /// A random label of the guide.
    public func sampleAnswer(for text: String, parts: ItemParts?, guide: Guide,
                             using generator: inout some RandomNumberGenerator) -> AnnotationValue {
        .label(guide.labels[Int.random(in: 0..<guide.labels.count, using: &generator)].name)
    }

    public func consensusRule(labels: [String]) -> any ConsensusRule { ClassifyConsensus() }
    public var foreignAnswers: any ForeignAnswerRule { ClassifyForeignAnswers() }
    public var exportMapping: any ExportMapping { ClassifyExport() }
}
