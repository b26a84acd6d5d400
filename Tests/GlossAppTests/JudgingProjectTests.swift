import Foundation
import GlossApp
import GlossCore
import GlossFormats
import GlossStore
import GlossTasks
import GlossTestSupport
import Testing

/// The sample preference items under the combined guide (a judgment, then a quality rating of each answer).
private func combinedProject() throws -> JudgedProjectFixture {
    try JudgedProjectFixture(guide: Samples.guide("preference.md"))
}

@Suite("Judging projects: a judgment with ratings, and rating projects, in and out")
struct JudgingProjectTests {
    static let judged = [
        #"{"item":"p001","annotator":"ana","pairwise":{"winner":"atlas-7b","left":"borealis-13b","right":"atlas-7b"},"ratings":{"atlas-7b":{"quality":5},"borealis-13b":{"quality":1}}}"#,
        #"{"item":"p004","annotator":"ana","pairwise":{"outcome":"tie","left":"atlas-7b","right":"borealis-13b"},"ratings":{"atlas-7b":{"quality":4},"borealis-13b":{"quality":4}}}"#,
    ]

    @Test func answersRoundTripThroughAnnotationFilesAndAreChecked() throws {
        let fixture = try combinedProject()
        try fixture.annotate(Self.judged)
        let out = fixture.dir.path("out.jsonl")
        try fixture.store.exportAnnotations(project: "prefs", to: out)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""pairwise":{"winner":"atlas-7b","side":"right","left":"borealis-13b","right":"atlas-7b"},"ratings":{"atlas-7b":{"quality":5},"borealis-13b":{"quality":1}}"#))
        try fixture.createCopy()
        try fixture.store.importAnnotations(project: "copy", from: out)
        #expect(try fixture.storedValues(of: "copy") == fixture.storedValues(of: "prefs"))
        // Answers that do not fit the guide's questions are refused, saying why.
        for (line, message) in [
            (#"{"item":"p002","annotator":"bo","winner":"atlas-7b","left":"atlas-7b","right":"borealis-13b"}"#,
             "the guide's rating questions are not optional"),
            (#"{"item":"p002","annotator":"bo","pairwise":{"winner":"atlas-7b","left":"atlas-7b","right":"borealis-13b"},"ratings":{"atlas-7b":{"quality":7},"borealis-13b":{"quality":1}}}"#,
             "quality is rated 7 but its scale is 1-5"),
            (#"{"item":"p002","annotator":"bo","pairwise":{"winner":"atlas-7b","left":"atlas-7b","right":"borealis-13b"},"ratings":{"atlas-7b":{"tone":3}}}"#,
             "\"tone\" is not a criterion of the guide"),
            (#"{"item":"p002","annotator":"bo","pairwise":{"winner":"atlas-7b","left":"atlas-7b","right":"borealis-13b"},"ratings":{"cirrus-70b":{"quality":3}}}"#,
             "neither model judged"),
            (#"{"item":"p002","annotator":"bo","pairwise":{"winner":"atlas-7b","left":"atlas-7b","right":"borealis-13b"},"ratings":{"atlas-7b":{"quality":3},"borealis-13b":{"quality":3}},"ranking":["atlas-7b","borealis-13b"]}"#,
             "the guide asks for no ranking"),
        ] {
            let error = try #require(throws: (any Error).self) { try fixture.annotate([line], name: "bad.jsonl") }
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func ktoFromWinnersOrFromRatingsAndDPOFromTheJudgment() throws {
        let fixture = try combinedProject()
        try fixture.annotate(Self.judged)
        _ = try fixture.export(.dpo, to: "dpo")
        let dpo = try String(contentsOfFile: fixture.dir.path("dpo/train.jsonl"), encoding: .utf8)
        #expect(dpo.split(separator: "\n").count == 1)  // the tie gives none
        #expect(dpo.contains(#""chosen":"Around 70 °C"#))
        _ = try fixture.export(.kto, to: "kto")
        let kto = try String(contentsOfFile: fixture.dir.path("kto/train.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(kto.count == 2)
        #expect(kto[0].hasPrefix(#"{"id":"p001","prompt":"What is the boiling point"#) && kto[0].hasSuffix(#""label":true}"#))
        #expect(kto[1].hasSuffix(#""label":false}"#))
        _ = try fixture.export(.kto, to: "kto4", ktoThreshold: 4)
        let rated = try String(contentsOfFile: fixture.dir.path("kto4/train.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(rated.map { $0.hasSuffix(#""label":true}"#) } == [true, false, true, true])
        // The same store and options give the same bytes.
        _ = try fixture.export(.kto, to: "kto4-again", ktoThreshold: 4)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.dir.path("kto4/train.jsonl")))
                == Data(contentsOf: URL(fileURLWithPath: fixture.dir.path("kto4-again/train.jsonl"))))
    }

    @Test func aRatingProjectTakesRatingsInAndOut() throws {
        let fixture = try JudgedProjectFixture(guide: Samples.guide("rating.md"), project: "rated")
        #expect(try fixture.store.project(named: "rated").task == .rating)
        try fixture.annotate([
            #"{"item":"p001","annotator":"ana","ratings":{"correctness":5,"helpfulness":4,"clarity":3}}"#,
            #"{"item":"p001","annotator":"bo","ratings":{"correctness":3,"helpfulness":4,"clarity":2}}"#,
        ])
        let error = try #require(throws: (any Error).self) {
            try fixture.annotate([#"{"item":"p002","annotator":"ana","ratings":{"correctness":5,"helpfulness":4,"clarity":4}}"#],
                                 name: "bad.jsonl")
        }
        #expect("\(error)".contains("clarity is rated 4 but its scale is 1-3"))
        let out = fixture.dir.path("out.jsonl")
        try fixture.store.exportAnnotations(project: "rated", to: out)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains(#""ratings":{"clarity":3,"correctness":5,"helpfulness":4}"#))
        _ = try fixture.export(.jsonl, to: "x")
        // Two raters: the lower median of each criterion.
        #expect(try String(contentsOfFile: fixture.dir.path("x/data.jsonl"), encoding: .utf8)
            .contains(#""ratings":{"clarity":2,"correctness":3,"helpfulness":4}"#))
    }
}
