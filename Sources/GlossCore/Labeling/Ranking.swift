import Foundation

/// A ranking of an item's responses, best first, told by model (never by the number or
/// place a response was shown at): `groups` are tie groups, best first, each with one model
/// or several tied; `shown` is the order the annotator saw the responses in (random per item
/// and annotator), kept to study order effects, and empty when unknown (a ranking imported
/// from elsewhere). Canonical JSON members, in this order: `"ranking":[["atlas-7b"],
/// ["borealis-13b","cirrus-2"]],"shown":["cirrus-2","atlas-7b","borealis-13b"]` — each group's
/// models in byte order, `shown` as shown and absent when empty. Two rankings decide the
/// same when their groups are equal, whatever was shown (`decided`).
public struct Ranking: Sendable, Hashable {
    /// How many responses a ranking may order: one digit key each.
    public static let maxResponses = 9

    public private(set) var groups: [[String]]
    public var shown: [String]

    /// The groups are put in canonical form: each group's models in byte order, empty groups dropped.
    public init(groups: [[String]], shown: [String] = []) {
        self.groups = groups.filter { !$0.isEmpty }.map { $0.sorted(by: Self.byteOrder) }
        self.shown = shown
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

    /// The models ranked, best first (within a group in byte order).
    public var models: [String] { groups.flatMap { $0 } }

    /// The models ranked, in byte order (the response order rankings are compared in).
    public var modelsByName: [String] { models.sorted(by: Self.byteOrder) }

    /// The ranking without the order it was shown in: what it decides.
    public var decided: Ranking { Ranking(groups: groups) }

    /// Every ordered pair, the better model first: each model with each model of every
    /// later group (tied models make no pair), groups best first, models in byte order.
    public var orderedPairs: [(better: String, worse: String)] {
        var pairs: [(String, String)] = []
        for (index, group) in groups.enumerated() {
            for better in group { for later in groups[(index + 1)...] { for worse in later { pairs.append((better, worse)) } } }
        }
        return pairs
    }

    /// Mid-ranks (best = 1, tied models sharing the mean of their places) of `models`, in
    /// their order; nil when the ranking does not rank exactly these models.
    public func midranks(of models: [String]) -> [Double]? {
        var index: [String: Int] = [:]
        for (at, model) in models.enumerated() { index[model] = at }
        var groupsByIndex: [[Int]] = []
        for group in groups {
            var indices: [Int] = []
            for model in group {
                guard let at = index[model] else { return nil }
                indices.append(at)
            }
            groupsByIndex.append(indices)
        }
        return Ranks.midranks(groupsByIndex, count: models.count)
    }

    /// `atlas-7b > borealis-13b = cirrus-2`.
    public var summary: String {
        groups.map { $0.joined(separator: " = ") }.joined(separator: " > ")
    }

    /// Why the ranking does not rank exactly `responses` (the item's models), as a phrase
    /// naming the field; nil when it does.
    public func problem(responses: [String]) -> String? {
        let known = Set(responses)
        var seen: Set<String> = []
        for model in models {
            guard known.contains(model) else {
                return "\"ranking\" names \"\(model)\", which is not a response of the item (its models: "
                    + responses.joined(separator: ", ") + ")"
            }
            guard seen.insert(model).inserted else { return "\"ranking\" names \"\(model)\" twice" }
        }
        if let missing = responses.first(where: { !seen.contains($0) }) {
            return "\"ranking\" leaves out \"\(missing)\"; rank every response of the item"
        }
        if !shown.isEmpty, Set(shown) != known || shown.count != responses.count {
            return "\"shown\" must list each response of the item once, in the order shown (its models: "
                + responses.joined(separator: ", ") + ")"
        }
        return nil
    }

    /// The members of the stored JSON (see the type's comment), without braces.
    func appendMembers(to out: inout [UInt8]) {
        out.appendASCII("\"ranking\":[")
        for (index, group) in groups.enumerated() {
            if index > 0 { out.appendASCII(",") }
            out.appendJSONStrings(group)
        }
        out.appendASCII("]")
        if !shown.isEmpty {
            out.appendASCII(",\"shown\":")
            out.appendJSONStrings(shown)
        }
    }

    /// Reads `ranking` (tie groups best first: a list of lists of model names, or a list
    /// of names for a ranking without ties) and the optional `shown`. Throws a phrase
    /// saying what is wrong; nil when the object has no `ranking`.
    public static func read(_ object: [String: Any]) throws(PairwiseValueError) -> Ranking? {
        guard let raw = object["ranking"], !(raw is NSNull) else {
            if object["shown"] != nil { throw PairwiseValueError("\"shown\" goes with a \"ranking\"") }
            return nil
        }
        let shape = "\"ranking\" must be a list of tie groups best first, such as [[\"a\"], [\"b\", \"c\"]]"
        guard let list = raw as? [Any], !list.isEmpty else { throw PairwiseValueError(shape) }
        var groups: [[String]] = []
        for entry in list {
            if let model = entry as? String {
                groups.append([model])
            } else if let group = entry as? [Any], !group.isEmpty {
                var models: [String] = []
                for model in group {
                    guard let name = model as? String else { throw PairwiseValueError(shape) }
                    models.append(name)
                }
                groups.append(models)
            } else {
                throw PairwiseValueError(shape)
            }
        }
        let all = groups.flatMap { $0 }
        if all.contains(where: \.isEmpty) { throw PairwiseValueError("\"ranking\" has an empty model name") }
        if let twice = Self.firstRepeat(all) { throw PairwiseValueError("\"ranking\" names \"\(twice)\" twice") }
        guard all.count >= 2, all.count <= maxResponses else {
            throw PairwiseValueError("\"ranking\" ranks \(NumberText.counted(all.count, "response")); a ranking has 2 to \(maxResponses)")
        }
        var shown: [String] = []
        if let rawShown = object["shown"], !(rawShown is NSNull) {
            guard let names = rawShown as? [String], Set(names) == Set(all), names.count == all.count else {
                throw PairwiseValueError("\"shown\" must list the models ranked, each once, in the order they were shown")
            }
            shown = names
        }
        return Ranking(groups: groups, shown: shown)
    }

    static func firstRepeat(_ names: [String]) -> String? {
        var seen: Set<String> = []
        return names.first { !seen.insert($0).inserted }
    }
}
