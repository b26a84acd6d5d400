import Foundation
import GlossCore

/// Label Studio's ranking tags, as the `label-studio` export of a ranking project writes them
/// (`RankingExport`): a `List` of the responses in the task's `data`, and a `Ranker` result.
enum LabelStudioRanker {
    /// `data.responses` as a `List` tag's items, `{"id", "title", "body"}`, turned into
    /// `{"model": id, "text": body}` responses (the Ranker places items by `id`); nil when
    /// the list is not of that shape, to be read as responses as they are.
    static func responses(fromList raw: Any?) -> [[String: Any]]? {
        guard let list = raw as? [Any], !list.isEmpty else { return nil }
        var responses: [[String: Any]] = []
        for element in list {
            guard let item = element as? [String: Any], item["body"] != nil, item["text"] == nil, item["content"] == nil,
                  let id = ForeignJSON.identifier(item["id"]) else { return nil }
            responses.append(["model": id, "text": item["body"] ?? NSNull()])
        }
        return responses
    }

    /// A `ranker` result's `value.ranker`: buckets `rank-1`, `rank-2`, … best first, each
    /// holding the ids of the responses in that place (several: a tie); an empty bucket is
    /// no place, and the bucket of the list itself (`to_name`: responses not placed) is
    /// left out, so a response it holds goes unranked. A Ranker without buckets has one
    /// entry, the list in the order given: best first, no ties.
    static func ranking(_ result: [String: Any], value: [String: Any], number: Int) throws(AnnotationLineError) -> Ranking {
        let location = "result \(number) (ranker)"
        guard let buckets = value["ranker"] as? [String: Any], !buckets.isEmpty else {
            throw AnnotationLineError("\(location) needs \"value.ranker\", an object of buckets and the responses in each")
        }
        var lists: [String: [String]] = [:]
        for (name, raw) in buckets {
            guard let ids = (raw as? [Any])?.compactMap(ForeignJSON.identifier), ids.count == (raw as? [Any])?.count else {
                throw AnnotationLineError("\(location): the bucket \"\(name)\" must be a list of response ids")
            }
            lists[name] = ids
        }
        let groups: [[String]]
        if lists.count == 1, let only = lists.values.first, place(of: lists.keys.first!) == nil {
            groups = only.map { [$0] }
        } else {
            let list = result["to_name"] as? String
            let placed = lists.filter { $0.key != list }
            let places = placed.keys.compactMap { name in place(of: name).map { (name, $0) } }
            guard places.count == placed.count else {
                let other = placed.keys.filter { place(of: $0) == nil }.sorted()
                throw AnnotationLineError("\(location) has the bucket\(other.count == 1 ? "" : "s") "
                    + other.map { "\"\($0)\"" }.joined(separator: ", ") + "; Gloss reads buckets named rank-1, rank-2, … best first")
            }
            groups = places.sorted { $0.1 < $1.1 }.map { lists[$0.0]! }
        }
        let ranked = groups.filter { !$0.isEmpty }
        guard !ranked.isEmpty else { throw AnnotationLineError("\(location) places no response") }
        do throws(PairwiseValueError) {
            // The checks of an annotation line's ranking: no name twice, 2 to 9 responses.
            return try Ranking.read(["ranking": ranked]) ?? Ranking(groups: ranked)
        } catch {
            throw AnnotationLineError("\(location): \(error.description)")
        }
    }

    /// N of a bucket named `rank-N` (N ≥ 1).
    private static func place(of bucket: String) -> Int? {
        guard bucket.hasPrefix("rank-"), let n = Int(bucket.dropFirst("rank-".count)), n >= 1 else { return nil }
        return n
    }
}
