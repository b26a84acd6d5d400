import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// Two to nine model responses ordered best first, ties allowed (`task: ranking`): the
/// prompt above the responses, numbered in an order random per item and annotator, one
/// digit per response (`RankingAnswer`). The value is `QuestionAnswers` with a `Ranking`:
/// `{"ranking":[["atlas-7b"],["borealis-13b","cirrus-2"]],"shown":[…]}`. No model of Gloss
/// learns it.
public struct RankingKind: TaskKind {
    public init() {}
    public var type: TaskType { .ranking }
    public var values: any ValueRules { RankingValues() }
    public var answer: any TaskAnswer { RankingAnswer() }
    public var agreement: any AgreementMeasure { RankingAgreement() }
    public var review: any TaskReview { RankingReview() }
    public var modelFamily: ModelFamily { .none }

    public func model(for guide: Guide, seed: UInt64) -> any LabelModel { NoLabelModel(labels: []) }

    /// A random order of the item's responses, neighbours tied one time in four, for a
    /// headless annotator; "a" over "b" for an item without responses.
    public func sampleAnswer(for text: String, parts: ItemParts?, guide: Guide,
                             using generator: inout some RandomNumberGenerator) -> AnnotationValue {
        let models = (parts?.responses.map(\.model) ?? []).shuffled(using: &generator)
        guard models.count >= 2 else { return .answers(QuestionAnswers(ranking: Ranking(groups: [["a"], ["b"]]))) }
        var groups: [[String]] = []
        for model in models {
            if !groups.isEmpty, Int.random(in: 0..<4, using: &generator) == 0 { groups[groups.count - 1].append(model) } else { groups.append([model]) }
        }
        return .answers(QuestionAnswers(ranking: Ranking(groups: groups, shown: models)))
    }

    public func consensusRule(labels: [String]) -> any ConsensusRule { RankingConsensus() }
    public var foreignAnswers: any ForeignAnswerRule { RankingForeignAnswers() }
    public var exportMapping: any ExportMapping { RankingExport() }
}

/// Ranking values: a ranking alone, of exactly the item's responses (checked against its
/// parts where values come from outside the labeler: `checksResponses`).
struct RankingValues: AnswersValueRules {
    var field: String { "ranking" }
    var checksResponses: Bool { true }

    func fits(_ answers: QuestionAnswers) -> Bool {
        answers.ranking != nil && answers.pairwise == nil && answers.ratings == nil
    }

    /// A ranking guide asks no questions (`AnswerChecks` would refuse the ranking itself):
    /// what a ranking must name is the item's responses, checked below.
    func problem(with answers: QuestionAnswers, guide: Guide) -> ValueProblem? { nil }

    func problem(with value: AnnotationValue, responses: [String]) -> ValueProblem? {
        guard case .answers(let answers) = value, let ranking = answers.ranking else { return nil }
        return ranking.problem(responses: responses).map(ValueProblem.answers)
    }
}

/// Another tool's answers on a ranking project: a ranking (Label Studio's Ranker result),
/// which the import checks against the item's responses; other shapes are refused with what
/// they have.
struct RankingForeignAnswers: ForeignAnswerRule {
    var placesOffsets: Bool { false }

    func value(of answer: ForeignValue, current: AnnotationValue?) throws(AnnotationLineError) -> AnnotationValue {
        switch answer {
        case .ranking(let ranking): return .answers(QuestionAnswers(ranking: ranking))
        case .choices: throw .foreignShape("choices", task: .ranking)
        case .accepted: throw .foreignShape("an accept or reject", task: .ranking)
        case .spans: throw .foreignShape("spans", task: .ranking)
        case .judgment: throw .foreignShape("a pairwise judgment or ratings", task: .ranking)
        }
    }
}
