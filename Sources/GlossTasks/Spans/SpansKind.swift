import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// Labeled character ranges of the text, marked with a token cursor and a selection.
public struct SpansKind: TaskKind {
    public init() {}
    public var type: TaskType { .spans }
    public var values: any ValueRules { SpansValues() }
    public var answer: any TaskAnswer { SpansAnswer() }
    public var agreement: any AgreementMeasure { SpansAgreement() }
    public var review: any TaskReview { SpansReview() }

    public var modelFamily: ModelFamily { .spanSuggester }

    public func model(for guide: Guide, seed: UInt64) -> any LabelModel {
        SpanLabelModel(SpanSuggester(labels: guide.labels.map(\.name), seed: seed))
    }

    /// The text's first token under the guide's first label (no span for a text without one).
    public func sampleAnswer(for text: String, parts: ItemParts?, guide: Guide,
                             using generator: inout some RandomNumberGenerator) -> AnnotationValue {
        let first = SpanTokenizer.tokens(text).first
        return .spans(first.map { [LabeledRange(start: $0.start, end: $0.end, label: guide.labels[0].name)] } ?? [])
    }

    public func consensusRule(labels: [String]) -> any ConsensusRule { SpansConsensus() }
    public var foreignAnswers: any ForeignAnswerRule { SpansForeignAnswers() }
    public var exportMapping: any ExportMapping { SpansExport() }
}
