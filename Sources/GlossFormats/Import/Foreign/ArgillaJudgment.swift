import Foundation
import GlossCore

/// One Argilla user's answers on a record as a judgment (see `ArgillaDecoder`): the
/// responses are the record's `response…` fields, the first on the left. Answers name a
/// response by its field (or by its model); the judgment names it by its model.
struct ArgillaJudgment {
    let responses: [String]
    let models: [String]
    private var outcome: PairwiseJudgment.Outcome?
    private var item: [String: Int] = [:]
    private var byResponse: [String: [String: Int]] = [:]

    /// `models[n]` is the model of the field `responses[n]` (the field name when unnamed).
    init(responses: [String], models: [String]) {
        self.responses = responses
        self.models = models.count == responses.count ? models : responses
    }

    /// The position of the response an answer names, by field or by model.
    private func index(of name: String) -> Int? {
        responses.firstIndex(of: name) ?? models.firstIndex(of: name)
    }

    mutating func read(_ question: String, _ value: Any) throws(AnnotationLineError) {
        if let number = value as? NSNumber, !AnnotationRecord.isBoolean(number) {
            guard let point = ForeignJSON.integer(number), (1...9).contains(point) else {
                throw AnnotationLineError("\(question): the rating \(number) must be an integer from 1 to 9")
            }
            if let response = responses.sorted(by: { $0.count > $1.count }).first(where: { question.contains($0) }),
               let model = index(of: response).map({ models[$0] }) {
                var criterion = question.replacingOccurrences(of: response, with: "")
                criterion = criterion.trimmingCharacters(in: CharacterSet(charactersIn: "_- "))
                byResponse[model, default: [:]][criterion.isEmpty ? "rating" : criterion] = point
            } else {
                item[question] = point
            }
        } else if let list = value as? [Any], responses.count >= 2 {
            try readRanking(question, list)
        } else if let name = value as? String {
            if let chosen = PairwiseJudgment.Outcome(rawValue: name), chosen == .tie || chosen == .neither {
                try set(chosen, question)
            } else if responses.count == 2, let side = index(of: name) {
                try set(side == 0 ? .left : .right, question)
            }
        }
    }

    /// A ranking of the record's responses: names best first, or `{"value", "rank"}` items.
    private mutating func readRanking(_ question: String, _ list: [Any]) throws(AnnotationLineError) {
        var ranked: [(name: String, rank: Int)] = []
        for (n, element) in list.enumerated() {
            if let name = element as? String {
                ranked.append((name, n + 1))
            } else if let entry = element as? [String: Any], let name = entry["value"] as? String {
                ranked.append((name, ForeignJSON.integer(entry["rank"]) ?? n + 1))
            } else {
                return
            }
        }
        guard ranked.allSatisfy({ index(of: $0.name) != nil }) else { return }
        guard responses.count == 2, ranked.count == 2 else {
            throw AnnotationLineError("\(question) ranks \(ranked.count) of \(responses.count) responses; a pairwise judgment ranks two")
        }
        ranked.sort { $0.rank < $1.rank }
        if ranked[0].rank == ranked[1].rank { return try set(.tie, question) }
        try set(index(of: ranked[0].name) == 0 ? .left : .right, question)
    }

    private mutating func set(_ found: PairwiseJudgment.Outcome, _ question: String) throws(AnnotationLineError) {
        if let outcome, outcome != found {
            throw AnnotationLineError("\(question) says \(found.rawValue) but another answer said \(outcome.rawValue)")
        }
        outcome = found
    }

    /// The judgment read; nil when the answers held none (text answers only).
    var value: ForeignJudgment? {
        get throws(AnnotationLineError) {
            if !item.isEmpty && !byResponse.isEmpty {
                throw AnnotationLineError("the answers rate both the item and its responses; rate one or the other")
            }
            let ratings: Ratings? = !byResponse.isEmpty ? .responses(byResponse) : item.isEmpty ? nil : .item(item)
            guard outcome != nil || ratings != nil else { return nil }
            return ForeignJudgment(left: models.count >= 2 ? models[0] : nil, right: models.count >= 2 ? models[1] : nil,
                                   outcome: outcome, ratings: ratings)
        }
    }
}
