import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// Labeled character ranges of the text, marked with a token cursor and a selection.
public struct SpansKind: TaskKind {
    public init() {}
    public var type: TaskType { .spans }
    public var answer: any TaskAnswer { SpansAnswer() }
    public var reviewPicksByLabelKey: Bool { false }

    public func model(for guide: Guide, seed: UInt64) -> any LabelModel {
        SpanLabelModel(SpanSuggester(labels: guide.labels.map(\.name), seed: seed))
    }

    public func consensusRule(labels: [String]) -> any ConsensusRule { SpansConsensus() }
    public var foreignAnswers: any ForeignAnswerRule { SpansForeignAnswers() }
    public var exportMapping: any ExportMapping { SpansExport() }
}
