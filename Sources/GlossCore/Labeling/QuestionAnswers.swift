import Foundation

/// The answers one annotator gave on one item to a guide's questions, saved once as one
/// decision when the last question is answered: a pairwise judgment (the `pairwise`
/// question of a combined guide) and ratings. Canonical JSON, members in this order and
/// absent when not answered (an optional question skipped):
/// `{"pairwise":{"winner":…,"side":…,"left":…,"right":…},"ratings":{"atlas-7b":{"quality":4},…}}`;
/// a `rating` guide's value is `{"ratings":{"clarity":4,"quality":5}}`; a `ranking`
/// guide's `{"ranking":[["atlas-7b"],["borealis-13b","cirrus-2"]],"shown":[…]}` (`Ranking`).
/// A text answer (`TypedText`) comes last, as its members `text`, `corrects`, `diff`.
public struct QuestionAnswers: Sendable, Hashable {
    public var pairwise: PairwiseJudgment?
    public var ratings: Ratings?
    public var ranking: Ranking?
    public var text: TypedText?

    public init(pairwise: PairwiseJudgment? = nil, ratings: Ratings? = nil, ranking: Ranking? = nil, text: TypedText? = nil) {
        self.pairwise = pairwise
        self.ratings = ratings
        self.ranking = ranking
        self.text = text
    }

    /// The answers as decided, for comparing two annotators': a ranking without the order it was shown in.
    public var decided: QuestionAnswers {
        var answers = self
        answers.ranking = ranking?.decided
        return answers
    }

    /// The members of the stored JSON object, without its braces.
    func appendMembers(to out: inout [UInt8]) {
        var first = true
        if let pairwise {
            out.appendASCII("\"pairwise\":{")
            pairwise.appendMembers(to: &out)
            out.appendASCII("}")
            first = false
        }
        if let ratings {
            if !first { out.appendASCII(",") }
            out.appendASCII("\"ratings\":")
            ratings.appendJSON(to: &out)
            first = false
        }
        if let ranking {
            if !first { out.appendASCII(",") }
            ranking.appendMembers(to: &out)
            first = false
        }
        if let text {
            if !first { out.appendASCII(",") }
            text.appendMembers(to: &out)
        }
    }

    /// Reads `pairwise`, `ratings`, `ranking` and `text` from a JSON object's members; nil when it has none.
    public static func read(_ object: [String: Any]) throws(PairwiseValueError) -> QuestionAnswers? {
        guard object["pairwise"] != nil || object["ratings"] != nil || object["ranking"] != nil || object["text"] != nil
        else { return nil }
        var answers = QuestionAnswers()
        if let raw = object["pairwise"], !(raw is NSNull) {
            guard let inner = raw as? [String: Any], let judgment = try PairwiseJudgment.read(inner) else {
                throw PairwiseValueError("\"pairwise\" must be a judgment: {\"winner\" or \"outcome\", \"left\", \"right\"}")
            }
            answers.pairwise = judgment
        }
        if let raw = object["ratings"], !(raw is NSNull) {
            answers.ratings = try Ratings.read(raw)
        }
        answers.ranking = try Ranking.read(object)
        if let raw = object["text"], !(raw is NSNull) {
            answers.text = try TypedText.read(object)
        }
        guard answers.pairwise != nil || answers.ratings != nil || answers.ranking != nil || answers.text != nil else {
            throw PairwiseValueError("the answers are empty: give \"pairwise\", \"ratings\", \"ranking\" or \"text\"")
        }
        return answers
    }
}

/// Ratings on a scale: of the item as a whole (`{CRITERION: n}`) or of each response,
/// by its model, never by the side it was shown on (`{MODEL: {CRITERION: n}}`).
public enum Ratings: Sendable, Hashable {
    case item([String: Int])
    case responses([String: [String: Int]])

    /// Every rating as (model or nil, criterion, point), models and criteria in byte order.
    public var all: [(model: String?, criterion: String, point: Int)] {
        switch self {
        case .item(let points):
            return Self.sortedKeys(points).map { (nil, $0, points[$0]!) }
        case .responses(let byModel):
            return Self.sortedKeys(byModel).flatMap { model in
                Self.sortedKeys(byModel[model]!).map { (Optional(model), $0, byModel[model]![$0]!) }
            }
        }
    }

    /// `quality 4, clarity 3` or `atlas-7b quality 4, borealis-13b quality 2`.
    public var summary: String {
        all.map { [$0.model, $0.criterion, "\($0.point)"].compactMap { $0 }.joined(separator: " ") }
            .joined(separator: ", ")
    }

    static func sortedKeys<V>(_ dictionary: [String: V]) -> [String] {
        dictionary.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    func appendJSON(to out: inout [UInt8]) {
        func points(_ points: [String: Int]) {
            out.appendASCII("{")
            for (index, criterion) in Self.sortedKeys(points).enumerated() {
                if index > 0 { out.appendASCII(",") }
                out.appendJSONString(criterion)
                out.appendASCII(":")
                out += Array(String(points[criterion]!).utf8)
            }
            out.appendASCII("}")
        }
        switch self {
        case .item(let byCriterion):
            points(byCriterion)
        case .responses(let byModel):
            out.appendASCII("{")
            for (index, model) in Self.sortedKeys(byModel).enumerated() {
                if index > 0 { out.appendASCII(",") }
                out.appendJSONString(model)
                out.appendASCII(":")
                points(byModel[model]!)
            }
            out.appendASCII("}")
        }
    }

    /// Reads `{CRITERION: n}` or `{MODEL: {CRITERION: n}}` (points are integers 1...9).
    static func read(_ raw: Any) throws(PairwiseValueError) -> Ratings {
        guard let object = raw as? [String: Any], !object.isEmpty else {
            throw PairwiseValueError("\"ratings\" must be a non-empty object: {\"CRITERION\": n} or {\"MODEL\": {\"CRITERION\": n}}")
        }
        func point(_ raw: Any, _ path: String) throws(PairwiseValueError) -> Int {
            guard let number = raw as? NSNumber, String(cString: number.objCType) != "c",
                  number.doubleValue == number.doubleValue.rounded(), (1...9).contains(number.intValue) else {
                throw PairwiseValueError("the rating \(path) must be an integer from 1 to 9")
            }
            return number.intValue
        }
        if object.values.allSatisfy({ $0 is [String: Any] }) {
            var byModel: [String: [String: Int]] = [:]
            for (model, inner) in object {
                let inner = inner as! [String: Any]
                guard !inner.isEmpty else { throw PairwiseValueError("the ratings of \"\(model)\" are empty") }
                for (criterion, value) in inner {
                    byModel[model, default: [:]][criterion] = try point(value, "\"\(model)\".\"\(criterion)\"")
                }
            }
            return .responses(byModel)
        }
        var points: [String: Int] = [:]
        for (criterion, value) in object {
            if value is [String: Any] {
                throw PairwiseValueError("\"ratings\" mixes criteria and models; rate the item or each response, not both")
            }
            points[criterion] = try point(value, "\"\(criterion)\"")
        }
        return .item(points)
    }
}
