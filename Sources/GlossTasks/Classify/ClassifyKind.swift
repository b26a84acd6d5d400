import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// One label per item, picked with one key.
public struct ClassifyKind: TaskKind {
    public init() {}
    public var type: TaskType { .classify }
    public var answer: any TaskAnswer { ClassifyAnswer() }
    public var reviewPicksByLabelKey: Bool { true }

    public func model(for guide: Guide, seed: UInt64) -> any LabelModel {
        TextLabelModel(TextClassifier(labels: guide.labels.map(\.name), multilabel: false, options: .labeler(seed: seed)))
    }

    public func consensusRule(labels: [String]) -> any ConsensusRule { ClassifyConsensus() }
    public var foreignAnswers: any ForeignAnswerRule { ClassifyForeignAnswers() }
    public var exportMapping: any ExportMapping { ClassifyExport() }
}
