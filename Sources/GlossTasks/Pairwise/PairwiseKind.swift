import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// Which of two model responses is better: the item's prompt above two of its responses,
/// sides random per item and annotator, one key per judgment. No model of Gloss learns it.
public struct PairwiseKind: TaskKind {
    public init() {}
    public var type: TaskType { .pairwise }
    public var values: any ValueRules { PairwiseValues() }
    public var answer: any TaskAnswer { PairwiseAnswer() }
    public var agreement: any AgreementMeasure { PairwiseAgreement() }
    public var review: any TaskReview { PairwiseReview() }

    public var modelFamily: ModelFamily { .none }

    public func model(for guide: Guide, seed: UInt64) -> any LabelModel { NoLabelModel(labels: guide.labels.map(\.name)) }

    /// A random outcome of the guide on two of the item's responses (with random ratings of
    /// both when the guide asks for them), for a headless annotator; a tie between "a" and
    /// "b" for an item without two responses.
    public func sampleAnswer(for text: String, parts: ItemParts?, guide: Guide,
                             using generator: inout some RandomNumberGenerator) -> AnnotationValue {
        let outcomes = guide.labels.compactMap { PairwiseJudgment.Outcome(rawValue: $0.name) }
        let outcome = outcomes.isEmpty ? .tie : outcomes[Int.random(in: 0..<outcomes.count, using: &generator)]
        let models = parts?.responses.map(\.model) ?? []
        guard models.count >= 2 else { return .pairwise(PairwiseJudgment(outcome: .tie, left: "a", right: "b")) }
        let first = Int.random(in: 0..<models.count, using: &generator)
        var second = Int.random(in: 0..<(models.count - 1), using: &generator)
        if second >= first { second += 1 }
        let judgment = PairwiseJudgment(outcome: outcome, left: models[first], right: models[second])
        // A guide with rating questions: random points for each of the two answers too.
        guard guide.asksSeveralQuestions else { return .pairwise(judgment) }
        var ratings: [String: [String: Int]] = [:]
        for criterion in guide.askedQuestions.flatMap(\.criteria) {
            for model in [judgment.left, judgment.right] {
                ratings[model, default: [:]][criterion.name] = Int.random(in: 1...criterion.scale, using: &generator)
            }
        }
        return .answers(QuestionAnswers(pairwise: judgment, ratings: ratings.isEmpty ? nil : .responses(ratings)))
    }

    public func consensusRule(labels: [String]) -> any ConsensusRule { PairwiseConsensus() }
    public var foreignAnswers: any ForeignAnswerRule { PairwiseForeignAnswers() }
    public var exportMapping: any ExportMapping { PairwiseExport() }
}

/// The labeler's model for a task no model learns: it suggests nothing and keeps nothing.
final class NoLabelModel: LabelModel {
    let labels: [String]
    init(labels: [String]) { self.labels = labels }
    var examplesSeen: Int { 0 }
    func learn(text: String, value: AnnotationValue) {}
    func suggest(_ text: String) -> RankedSuggestion? { nil }
}
