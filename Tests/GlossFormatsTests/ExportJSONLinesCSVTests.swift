import Foundation
import GlossCore
import Testing
@testable import GlossFormats

@Suite("Export jsonl and csv")
struct ExportJSONLinesCSVTests {
    @Test func jsonlClassifyExactBytes() throws {
        let sink = try ExportFixtures.export(.jsonl, ExportFixtures.context(.classify), ExportFixtures.classify())
        #expect(Array(sink.files.keys) == ["data.jsonl"])
        #expect(sink.text("data.jsonl") == """
            {"id":"a1","text":"서울에서 만나요 🎉","label":"positive","meta":{"lang":"ko"},"annotators":["ann"],"agreement":1.0,"source":"consensus"}
            {"id":"a2","text":"I ❤️ Seoul 🇰🇷","label":"mixed feelings","meta":null,"annotators":["ann"],"agreement":1.0,"source":"consensus"}
            {"id":"a3","text":"bad, \\"really\\"\\nbad\\tday","label":"negative","meta":null,"annotators":["ann"],"agreement":1.0,"source":"consensus"}

            """)
    }

    @Test func jsonlMultilabelWithSplitAgreementAndPrediction() throws {
        var records = ExportFixtures.multilabel(split: true)
        records[0].agreement = 2.0 / 3.0
        records[0].annotators = ["kim", "lee", "park"]
        records[2].source = .prediction
        records[2].annotators = []
        records[2].agreement = nil
        records[2].confidence = 0.5
        let sink = try ExportFixtures.export(.jsonl, ExportFixtures.context(.multilabel, splits: [.train, .validation, .test]), records)
        let lines = (sink.text("data.jsonl") ?? "").split(separator: "\n").map(String.init)
        #expect(lines == [
            #"{"id":"m1","text":"서울에서 만나요 🎉","labels":["positive","mixed feelings"],"meta":null,"annotators":["kim","lee","park"],"agreement":0.6666666666666666,"source":"consensus","split":"train"}"#,
            #"{"id":"m2","text":"I ❤️ Seoul 🇰🇷","labels":[],"meta":null,"annotators":["ann"],"agreement":1.0,"source":"consensus","split":"validation"}"#,
            #"{"id":"m3","text":"meh","labels":["negative"],"meta":null,"annotators":[],"agreement":null,"source":"prediction","confidence":0.5,"split":"test"}"#,
        ])
    }

    @Test func jsonlSpanTextsSliceTheOriginalTextByScalars() throws {
        let records = ExportFixtures.spans()
        let sink = try ExportFixtures.export(.jsonl, ExportFixtures.context(.spans), records)
        let lines = sink.jsonLines("data.jsonl")
        #expect(lines.count == 3)
        for (line, record) in zip(lines, records) {
            let scalars = Array(record.text.unicodeScalars)
            let spans = try #require(line["spans"] as? [[String: Any]])
            guard case .spans(let expected) = record.value else { continue }
            #expect(spans.count == expected.count)
            for (json, span) in zip(spans, expected) {
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[span.start..<span.end])
                #expect(json["start"] as? Int == span.start && json["end"] as? Int == span.end)
                #expect(json["label"] as? String == span.label)
                #expect((json["text"] as? String).map { Array($0.unicodeScalars) } == Array(piece))
            }
        }
        #expect(sink.text("data.jsonl")?.contains(#""spans":[{"start":2,"end":4,"label":"EMOJI","text":"❤️"}"#) == true)
    }

    @Test func spanOutsideTheTextIsAnErrorNamingTheItem() throws {
        let bad = ExportFixtures.record(9, "x9", "short", .spans([LabeledRange(start: 2, end: 40, label: "LOC")]))
        #expect {
            _ = try ExportFixtures.export(.jsonl, ExportFixtures.context(.spans), [bad])
        } throws: { error in
            "\(error)".contains("Item \"x9\" has a span 2..<40 labeled \"LOC\" outside its text of 5 characters")
        }
    }

    @Test func jsonStringsEscapeAsTheImportersEncoderDoes() throws {
        for text in ["\u{01}bell\u{07}\u{7F}", "탭\t줄\r\n", "back\\slash \"q\" / 👩‍💻", ""] {
            let sink = try ExportFixtures.export(.jsonl, ExportFixtures.context(.classify), [ExportFixtures.record(1, "e", text, .label("x"))])
            #expect(sink.text("data.jsonl")?.contains(#","text":"# + JSONString.literal(text) + #","label""#) == true, "\(text)")
            #expect(sink.jsonLines("data.jsonl").first?["text"] as? String == text)
        }
    }

    @Test func jsonlMetadataLineBreaksStayOnOneLine() throws {
        let record = ExportFixtures.record(1, "a", "t", .label("positive"), meta: "{\n  \"k\": \"v\"\n}")
        let sink = try ExportFixtures.export(.jsonl, ExportFixtures.context(.classify), [record])
        let text = try #require(sink.text("data.jsonl"))
        #expect(text.filter { $0 == "\n" }.count == 1)
        #expect((sink.jsonLines("data.jsonl").first?["meta"] as? [String: String]) == ["k": "v"])
    }

    @Test func csvQuotesFieldsWhenNeededAndKeepsLineBreaks() throws {
        let sink = try ExportFixtures.export(.csv, ExportFixtures.context(.classify, splits: [.train, .test]),
                                             ExportFixtures.classify(split: true))
        #expect(sink.text("data.csv") == "id,text,label,split\r\n"
            + "a1,서울에서 만나요 🎉,positive,train\r\n"
            + "a2,I ❤️ Seoul 🇰🇷,mixed feelings,test\r\n"
            + "a3,\"bad, \"\"really\"\"\nbad\tday\",negative,train\r\n")
    }

    @Test func csvMultilabelJoinsWithBarAndSpansAreJSON() throws {
        let multi = try ExportFixtures.export(.csv, ExportFixtures.context(.multilabel), ExportFixtures.multilabel())
        #expect(multi.text("data.csv") == "id,text,labels\r\nm1,서울에서 만나요 🎉,positive|mixed feelings\r\nm2,I ❤️ Seoul 🇰🇷,\r\nm3,meh,negative\r\n")
        let spans = try ExportFixtures.export(.csv, ExportFixtures.context(.spans), ExportFixtures.spans())
        let lines = try #require(spans.text("data.csv")).components(separatedBy: "\r\n")
        #expect(lines[0] == "id,text,spans")
        #expect(lines[1] == #"s1,서울에서 만나요 🎉,"[{""start"":0,""end"":2,""label"":""LOC"",""text"":""서울""},{""start"":9,""end"":10,""label"":""EMOJI"",""text"":""🎉""}]""#)
        #expect(lines[3] == "s3,no entities here,[]")
    }

    @Test func sameRecordsGiveTheSameBytesInEveryFormat() throws {
        for format in ExportFormat.allCases {
            for task in TaskType.allCases where format.supports(ExportFixtures.mapping(task)) {
                let records = switch task {
                case .classify: ExportFixtures.classify(split: true)
                case .multilabel: ExportFixtures.multilabel(split: true)
                case .spans: ExportFixtures.spans(split: true)
                case .pairwise: ExportFixtures.pairwise(split: true) + ExportFixtures.judgedAndRated(split: true).map {
                    var record = $0
                    record.rowID += 10
                    record.id += "r"
                    return record
                }
                case .rating: ExportFixtures.rating(split: true)
                case .ranking: ExportFixtures.ranking(split: true)
                case .text: ExportFixtures.corrections(split: true)
                }
                let context = ExportFixtures.context(task, splits: [.train, .validation, .test])
                let first = try ExportFixtures.export(format, context, records)
                let second = try ExportFixtures.export(format, context, records)
                #expect(first.files == second.files, "\(format) \(task)")
                var writer = try format.makeWriter(context: context)
                #expect(Set(first.files.keys) == Set(writer.files), "\(format) \(task) announced other files")
                var sink = MemorySink()
                try ExportFixtures.drive(&writer, [], &sink)
                #expect(Set(sink.files.keys) == Set(writer.files), "\(format) \(task): an empty export misses files")
            }
        }
    }

    @Test func numbersAreFormattedTheSameEverywhere() throws {
        var record = ExportFixtures.record(1, "n", "t", .label("positive"))
        for (agreement, expected) in [(1.0, "1.0"), (0.0, "0.0"), (0.5, "0.5"), (1e-5, "1e-05"), (0.1 + 0.2, "0.30000000000000004")] {
            record.agreement = agreement
            let sink = try ExportFixtures.export(.jsonl, ExportFixtures.context(.classify), [record])
            #expect(sink.text("data.jsonl")?.contains("\"agreement\":\(expected),") == true, "\(agreement)")
        }
        record.rowID = 1_234_567_890_123
        record.agreement = .nan
        let sink = try ExportFixtures.export(.labelStudio, ExportFixtures.context(.classify), [record])
        #expect(sink.text("tasks.json")?.hasPrefix("[\n{\"id\":1234567890123,") == true)
    }
}
