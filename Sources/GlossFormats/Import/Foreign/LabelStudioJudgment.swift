import GlossCore

/// The judging results of one Label Studio annotation, read result by result:
/// - `{"type":"pairwise","value":{"selected":"left"|"right"}}` (the `Pairwise` tag): the
///   winner is the task's first response (Label Studio's left) or its second;
/// - a `choices` result from the control `outcome` holding `tie` or `neither` (Pairwise has
///   no such choice; the `label-studio` export writes these), on a task with two responses;
/// - `{"type":"rating","value":{"rating":n}}` (the `Rating` tag): a rating of the response
///   its `to_name` shows (`response_a`, `response_b`, or the template's `text1`, `text2`),
///   the criterion being the control's name without the side's `_a`/`_b` (`_1`/`_2`, `1`/`2`);
///   on any other object, a rating of the item named after the control.
struct LabelStudioJudgment {
    /// The models of the task's first and second response, when it has them.
    let pair: (String, String)?
    private var outcome: PairwiseJudgment.Outcome?
    private var item: [String: Int] = [:]
    private var responses: [String: [String: Int]] = [:]
    private var seen = false

    init(pair: (String, String)?) { self.pair = pair }

    /// Reads a result when it is a judging one (true), else leaves it to the caller.
    mutating func read(_ result: [String: Any], type: String, value: [String: Any], number: Int) throws(AnnotationLineError) -> Bool {
        let from = result["from_name"] as? String ?? ""
        switch type {
        case "pairwise":
            guard let selected = value["selected"] as? String, selected == "left" || selected == "right" else {
                throw AnnotationLineError("result \(number) (pairwise) needs \"value.selected\": \"left\" or \"right\"")
            }
            try setOutcome(selected == "left" ? .left : .right, number: number)
        case "choices" where from == "outcome" && pair != nil:
            guard let names = value["choices"] as? [String], names.count == 1,
                  let chosen = PairwiseJudgment.Outcome(rawValue: names[0]), chosen == .tie || chosen == .neither else {
                throw AnnotationLineError("result \(number) (outcome) must choose \"tie\" or \"neither\"")
            }
            try setOutcome(chosen, number: number)
        case "rating":
            guard let point = ForeignJSON.integer(value["rating"]), (1...9).contains(point) else {
                throw AnnotationLineError("result \(number) (rating) needs an integer \"value.rating\" from 1 to 9")
            }
            let to = result["to_name"] as? String ?? ""
            if let pair, let left = ["response_a": true, "text1": true, "response_b": false, "text2": false][to] {
                let tags = left ? ["_a", "_1", "1"] : ["_b", "_2", "2"]
                let tag = tags.first { from.hasSuffix($0) && from.count > $0.count }
                let criterion = tag.map { String(from.dropLast($0.count)) } ?? from
                responses[left ? pair.0 : pair.1, default: [:]][criterion] = point
            } else {
                item[from.isEmpty ? "rating" : from] = point
            }
        default:
            return false
        }
        seen = true
        return true
    }

    private mutating func setOutcome(_ found: PairwiseJudgment.Outcome, number: Int) throws(AnnotationLineError) {
        if let outcome, outcome != found {
            throw AnnotationLineError("result \(number) says \(found.rawValue) after \(outcome.rawValue); an annotation judges once")
        }
        outcome = found
    }

    /// The judgment read, nil when no result was a judging one.
    var value: ForeignJudgment? {
        get throws(AnnotationLineError) {
            guard seen else { return nil }
            if !item.isEmpty && !responses.isEmpty {
                throw AnnotationLineError("the result rates both the item and its responses; rate one or the other")
            }
            let ratings: Ratings? = !responses.isEmpty ? .responses(responses) : item.isEmpty ? nil : .item(item)
            return ForeignJudgment(left: pair?.0, right: pair?.1, outcome: outcome, ratings: ratings)
        }
    }
}
