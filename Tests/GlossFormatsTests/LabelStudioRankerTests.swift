import Foundation
import GlossCore
import Testing
@testable import GlossFormats

/// Label Studio's List and Ranker as the label-studio export of a ranking project writes
/// them, read back: List items as responses, Ranker buckets as tie groups best first.
@Suite("Label Studio Ranker results and List data")
struct LabelStudioRankerTests {
    func ranking(_ buckets: [String: Any], to list: String = "responses") throws(AnnotationLineError) -> Ranking {
        try LabelStudioRanker.ranking(["to_name": list], value: ["ranker": buckets], number: 1)
    }

    @Test func bucketsAreTieGroupsInTheOrderOfTheirPlace() throws {
        let buckets: [String: Any] = ["rank-10": ["m9"], "rank-2": ["m2", "m0"], "rank-1": ["m1"], "rank-3": [String](),
                                      "responses": [String]()]
        #expect(try ranking(buckets).groups == [["m1"], ["m0", "m2"], ["m9"]])
        // Without buckets, the list's own order: best first, no ties.
        #expect(try ranking(["responses": ["m2", "m0", "m1"]]).groups == [["m2"], ["m0"], ["m1"]])
        // Responses left in the list are not placed (the import then says which are missing).
        #expect(try ranking(["rank-1": ["m1"], "rank-2": ["m0"], "responses": ["m2"]]).models == ["m1", "m0"])
    }

    @Test func bucketsGlossCannotOrderAndBadRankingsAreRefused() {
        let cases: [([String: Any], String)] = [
            (["best": ["m1"], "rank-2": ["m0"]], #"result 1 (ranker) has the bucket "best"; Gloss reads buckets named rank-1, rank-2, … best first"#),
            (["rank-1": ["m1", "m1"]], #"result 1 (ranker): "ranking" names "m1" twice"#),
            (["rank-1": ["m1"]], #"result 1 (ranker): "ranking" ranks 1 response; a ranking has 2 to 9"#),
            (["rank-1": "m1"], #"result 1 (ranker): the bucket "rank-1" must be a list of response ids"#),
            (["rank-1": [String](), "responses": ["m0", "m1"]], "result 1 (ranker) places no response"),
        ]
        for (buckets, message) in cases {
            #expect(throws: AnnotationLineError(message)) { try ranking(buckets) }
        }
        #expect(throws: AnnotationLineError(#"result 1 (ranker) needs "value.ranker", an object of buckets and the responses in each"#)) {
            try LabelStudioRanker.ranking([:], value: [:], number: 1)
        }
    }

    @Test func listItemsAreResponsesNamedByTheirIDs() {
        let list: [Any] = [["id": "m0", "title": "Model zero", "body": "zero"], ["id": 7, "title": "t", "body": "seven"]]
        let responses = LabelStudioRanker.responses(fromList: list)
        #expect(responses?.map { $0["model"] as? String } == ["m0", "7"])
        #expect(responses?.map { $0["text"] as? String } == ["zero", "seven"])
        // Gloss's own responses are left as they are.
        #expect(LabelStudioRanker.responses(fromList: [["model": "m0", "text": "zero"]]) == nil)
    }
}
