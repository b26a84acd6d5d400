import GlossClassifier
import GlossCore
import GlossFormats
import GlossTUI

/// Points on a scale for each of a guide's criteria (`task: rating`): a digit rates the
/// current criterion and moves to the next; the item's decision, saved when the last
/// criterion is rated, is `{"ratings": {CRITERION: n}}`. The item is rated as a whole: its
/// text, or an item with parts (a prompt and one response) as its flattened text. Rating
/// each response of an item, by model, is a question of a pairwise guide (`per: response`).
/// No model of Gloss learns it.
public struct RatingKind: TaskKind {
    public init() {}
    public var type: TaskType { .rating }
    public var values: any ValueRules { RatingValues() }
    public var answer: any TaskAnswer { QuestionsAnswer() }
    public var agreement: any AgreementMeasure { PairwiseAgreement() }
    public var review: any TaskReview { RatingReview() }
    public var modelFamily: ModelFamily { .none }

    public func model(for guide: Guide, seed: UInt64) -> any LabelModel { NoLabelModel(labels: []) }

    /// Random points on each criterion's scale.
    public func sampleAnswer(for text: String, parts: ItemParts?, guide: Guide,
                             using generator: inout some RandomNumberGenerator) -> AnnotationValue {
        var points: [String: Int] = [:]
        for criterion in guide.askedQuestions.flatMap(\.criteria) {
            points[criterion.name] = Int.random(in: 1...criterion.scale, using: &generator)
        }
        return .answers(QuestionAnswers(ratings: .item(points.isEmpty ? ["rating": 1] : points)))
    }

    public func consensusRule(labels: [String]) -> any ConsensusRule { RatingConsensus() }
    public var foreignAnswers: any ForeignAnswerRule { RatingForeignAnswers() }
    public var exportMapping: any ExportMapping { RatingExport() }
}

/// Rating values: ratings of the item, each a criterion of the guide on its scale.
struct RatingValues: AnswersValueRules {
    var field: String { "ratings" }

    func fits(_ answers: QuestionAnswers) -> Bool {
        guard answers.pairwise == nil, case .item? = answers.ratings else { return false }
        return true
    }
}

/// Ratings on the review screen: read as `quality 4, clarity 3`; the reviewer adopts one
/// annotator's ratings with Enter.
struct RatingReview: TaskReview, Equatable {
    var labelKeysDecide: Bool { false }
    func line(for value: AnnotationValue, itemText: String) -> String { value.summary }
}

/// Rating consensus: for each criterion, the median of the annotators' points (the lower of
/// the two middle ones for an even count); `unanimous` keeps only ratings every
/// annotator gave alike; `all` writes each annotator's ratings as a row of its own. The stratum is the ratings themselves.
struct RatingConsensus: ConsensusRule {
    var allKeepsEachAnnotator: Bool { true }

    func normalized(_ value: AnnotationValue) -> AnnotationValue { value }

    func combine(_ values: [AnnotationValue], policy: ConsensusPolicy) -> ConsensusResult {
        if policy == .unanimous || policy == .all { return ConsensusVote.choice(values, policy: policy) }
        var points: [String: [Int]] = [:]
        for case .answers(let answers) in values {
            guard case .item(let ratings)? = answers.ratings else { continue }
            for (criterion, point) in ratings { points[criterion, default: []].append(point) }
        }
        guard !points.isEmpty else { return .leftOut(.noLabel) }
        return .value(.answers(QuestionAnswers(ratings: .item(points.mapValues { $0.sorted()[($0.count - 1) / 2] }))))
    }

    func stratum(of value: AnnotationValue) -> String {
        guard case .answers(let answers) = value, let ratings = answers.ratings else { return "" }
        return StratifiedSplitter.stratum(ratings.all.map { "\($0.criterion)=\($0.point)" })
    }
}

/// Another tool's answers on a rating project: ratings of the item (Label Studio's Rating
/// results, Argilla's rating answers); a judgment, ratings of each response, choices,
/// accepts and spans are refused with what they have.
struct RatingForeignAnswers: ForeignAnswerRule {
    var placesOffsets: Bool { false }

    func value(of answer: ForeignValue, current: AnnotationValue?) throws(AnnotationLineError) -> AnnotationValue {
        switch answer {
        case .judgment(let found):
            guard found.outcome == nil else { throw .foreignShape("a pairwise judgment", task: .rating) }
            guard case .item? = found.ratings else {
                throw found.ratings == nil ? AnnotationLineError("the answer has no ratings")
                    : .foreignShape("ratings of each response", task: .rating)
            }
            return .answers(QuestionAnswers(ratings: found.ratings))
        case .choices: throw .foreignShape("choices", task: .rating)
        case .accepted: throw .foreignShape("an accept or reject", task: .rating)
        case .ranking: throw .foreignShape("a ranking", task: .rating)
        case .spans: throw .foreignShape("spans", task: .rating)
        }
    }
}

/// How exports write ratings: `ratings`, an object of each criterion's point, in `jsonl`;
/// the same object as a JSON string in the CSV column `ratings`; in `hf` the item's parts and
/// a list of `{criterion, rating}` (`JudgingHuggingFace`); `label-studio` a `rating` result
/// per criterion. The
/// manifest counts values by `CRITERION=POINT`.
struct RatingExport: ExportMapping {
    func forEachCountedLabel(in value: AnnotationValue, _ body: (String) -> Void) {
        guard case .answers(let answers) = value, let ratings = answers.ratings else { return }
        for rating in ratings.all { body("\(rating.criterion)=\(rating.point)") }
    }

    func appendJSONMembers(of record: ExportRecord, to out: inout [UInt8]) throws(ExportWriterError) {
        out.appendASCII(",\"ratings\":")
        out += Array(try ratingsJSON(record.value, of: record).utf8)
        if case .answers(let answers) = record.value { TextExport.appendAnswer(answers.text, to: &out) }
    }

    var csvColumns: [String] { ["ratings"] }

    func appendCSVFields(of record: ExportRecord, to row: inout CSVRow) throws(ExportWriterError) {
        row.append(try ratingsJSON(record.value, of: record))
    }

    func appendHuggingFaceMembers(of record: ExportRecord, classes: inout ClassIndex, to out: inout [UInt8])
        throws(ExportWriterError) {
        guard case .answers(let answers) = record.value, answers.pairwise == nil, answers.ratings != nil else {
            throw .unexpectedValue(record.value, item: record.id, task: .rating)
        }
        JudgingHuggingFace.appendParts(of: record, to: &out)
        JudgingHuggingFace.appendRatings(answers.ratings, to: &out)
    }

    func huggingFaceFeatures(classLabel: String) -> String {
        JudgingHuggingFace.partsFeatures + JudgingHuggingFace.ratingsFeature(byResponse: false)
    }

    var huggingFaceDescription: String {
        JudgingHuggingFace.partsDescription + " `ratings` each criterion's `{criterion, rating}`."
    }

    /// One `rating` result per criterion, `{"rating": POINT}` from the `Rating` control
    /// named after the criterion on `text` (`<Rating name="clarity" toName="text" maxRating="3"/>`).
    func appendLabelStudioResults(_ value: AnnotationValue, of record: ExportRecord, idPrefix: String,
                                  to out: inout [UInt8]) throws(ExportWriterError) {
        guard case .answers(let answers) = value, answers.pairwise == nil, case .item? = answers.ratings else {
            throw .unexpectedValue(value, item: record.id, task: .rating)
        }
        for (n, rating) in answers.ratings!.all.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            LabelStudioRegion.appendRating(rating.point, id: "\(idPrefix)_\(n + 1)", from: rating.criterion, to: "text", out: &out)
        }
    }

    private func ratingsJSON(_ value: AnnotationValue, of record: ExportRecord) throws(ExportWriterError) -> String {
        guard case .answers(let answers) = value, answers.pairwise == nil, let ratings = answers.ratings else {
            throw .unexpectedValue(value, item: record.id, task: .rating)
        }
        return String(AnnotationValue.answers(QuestionAnswers(ratings: ratings)).json().dropFirst(11).dropLast())
    }
}
