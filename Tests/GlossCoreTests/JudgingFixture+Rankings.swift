import GlossCore

extension JudgingFixture {
    /// rankings-40items.json: items whose responses judges ranked, as tie groups best first.
    struct Rankings: Decodable {
        var source: String
        var items: [Item]
        var expected: Expected

        struct Item: Decodable {
            var responses: [String]
            var rankings: [String: [[String]]]
        }

        struct Expected: Decodable {
            var perItem: [PerItem]
            var itemsWithW: Int
            var meanW: Double
            var pairs: [JudgePairTau]
            var meanPairwiseTau: Double
        }

        struct PerItem: Decodable {
            var ranks: [String: [Double]]
            var w: Double?
            var tau: [String: Double?]
        }
    }

    /// rankings-6judges-12objects.json: a judges × objects table of mid-ranks.
    struct RankTable: Decodable {
        var source: String
        var ranks: [[Double]]
        var expected: Expected

        struct Expected: Decodable {
            var w: Double
            var tauWithFirst: [Double]
        }
    }
}
