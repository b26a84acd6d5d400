import GlossCore

extension JudgingFixture {
    /// pairwise-*.json: judgments with the expected leaderboard, position bias and agreement.
    struct Pairwise: Decodable {
        var source: String
        var models: [String]
        var judgments: [Judgment]
        var expected: Expected

        struct Judgment: Decodable {
            var item: String
            var annotator: String
            var left: String
            var right: String
            var outcome: String

            var pair: JudgedPair { JudgedPair(left: left, right: right, outcome: JudgedPair.Outcome(rawValue: outcome)!) }
        }

        struct Expected: Decodable {
            var models: [Model]
            var positionBias: [Bias]
            var agreement: Agreement
        }

        struct Model: Decodable {
            var model: String
            var judgments: Int
            var wins: Int
            var ties: Int
            var losses: Int
            var winRate: Double?
            var strength: Double
            var standardError: Double
            var lower: Double
            var upper: Double
        }

        struct Bias: Decodable {
            var annotator: String
            var decisive: Int
            var left: Int
            var share: Double?
            var pValue: Double?
            var wilsonLower: Double?
            var wilsonUpper: Double?
        }

        struct Agreement: Decodable {
            var items: Int
            var percent: Double
            var alpha: Double?
        }

        /// The judgments grouped by item, in the order items first appear.
        var byItem: [[Judgment]] {
            var order: [String] = []
            var groups: [String: [Judgment]] = [:]
            for j in judgments {
                if groups[j.item] == nil { order.append(j.item) }
                groups[j.item, default: []].append(j)
            }
            return order.map { groups[$0]! }
        }
    }
}
