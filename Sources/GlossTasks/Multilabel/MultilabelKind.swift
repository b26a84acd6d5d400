import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// Any number of labels per item: label keys toggle, Enter saves the set.
public struct MultilabelKind: TaskKind {
    public init() {}
    public var type: TaskType { .multilabel }
    public var answer: any TaskAnswer { MultilabelAnswer() }
    public var reviewPicksByLabelKey: Bool { false }

    public func model(for guide: Guide, seed: UInt64) -> any LabelModel {
        TextLabelModel(TextClassifier(labels: guide.labels.map(\.name), multilabel: true, options: .labeler(seed: seed)))
    }

    public func consensusRule(labels: [String]) -> any ConsensusRule { MultilabelConsensus(labels: labels) }
    public var foreignAnswers: any ForeignAnswerRule { MultilabelForeignAnswers() }
    public var exportMapping: any ExportMapping { MultilabelExport() }
}
