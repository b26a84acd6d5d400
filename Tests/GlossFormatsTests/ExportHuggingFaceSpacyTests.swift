import Foundation
import GlossCore
import Testing
@testable import GlossFormats
@testable import GlossTasks

@Suite("Export hf and spacy")
struct ExportHuggingFaceSpacyTests {
    @Test func hfClassifyWritesClassIndexesLabelNamesAndACard() throws {
        let sink = try ExportFixtures.export(.hf, ExportFixtures.context(.classify), ExportFixtures.classify())
        #expect(Set(sink.files.keys) == ["train.jsonl", "label_names.json", "README.md"])
        #expect(sink.jsonLines("train.jsonl").map { $0["label"] as? Int } == [0, 2, 1])
        #expect(sink.text("train.jsonl")?.hasPrefix(#"{"id":"a1","text":"서울에서 만나요 🎉","label":0}"#) == true)
        #expect(sink.text("label_names.json") == "[\"positive\",\"negative\",\"mixed feelings\"]\n")
        let card = try #require(sink.text("README.md"))
        #expect(card.hasPrefix("""
            ---
            configs:
            - config_name: default
              data_files:
              - split: train
                path: train.jsonl
            dataset_info:
              features:
              - name: id
                dtype: string
              - name: text
                dtype: string
              - name: label
                dtype:
                  class_label:
                    names:
                      '0': "positive"
                      '1': "negative"
                      '2': "mixed feelings"
            ---

            # reviews
            """))
    }

    @Test func hfMultilabelAndSplitsDeclareEverySplit() throws {
        let context = ExportFixtures.context(.multilabel, splits: [.train, .validation, .test])
        let sink = try ExportFixtures.export(.hf, context, ExportFixtures.multilabel(split: true))
        #expect(sink.jsonLines("train.jsonl").first?["labels"] as? [Int] == [0, 2])
        #expect(sink.jsonLines("validation.jsonl").first?["labels"] as? [Int] == [])
        let card = try #require(sink.text("README.md"))
        for split in ["train", "validation", "test"] { #expect(card.contains("  - split: \(split)\n    path: \(split).jsonl\n")) }
        #expect(card.contains("  - name: labels\n    sequence:\n      class_label:\n        names:\n          '0': \"positive\"\n"))
    }

    @Test func hfSpansTagsAgreeWithTheSpans() throws {
        let records = ExportFixtures.spans()
        let sink = try ExportFixtures.export(.hf, ExportFixtures.context(.spans), records)
        let names = try #require(JSONSerialization.jsonObject(with: Data(sink.files["label_names.json"]!)) as? [String])
        #expect(names == ["O", "B-LOC", "I-LOC", "B-EMOJI", "I-EMOJI"])
        let lines = sink.jsonLines("train.jsonl")
        #expect(lines[0]["tokens"] as? [String] == ["서울", "에서", "만나요", "🎉"])
        #expect(lines[0]["ner_tags"] as? [Int] == [1, 0, 0, 3])
        for (line, record) in zip(lines, records) {
            guard case .spans(let spans) = record.value else { continue }
            let tokens = SpanTagging.tokens(record.text, cutAt: spans)
            #expect(line["tokens"] as? [String] == tokens.map(\.text))
            let tags: [SpanTag] = try #require(line["ner_tags"] as? [Int]).map { index in
                let name = names[index]
                return name == "O" ? .outside : name.hasPrefix("B-") ? .begin(String(name.dropFirst(2))) : .inside(String(name.dropFirst(2)))
            }
            #expect(SpanTagging.spans(tags: tags, tokens: tokens) == spans)
        }
        #expect(sink.text("README.md")?.contains("  - name: tokens\n    sequence: string\n  - name: ner_tags\n    sequence:\n      class_label:\n        names:\n          '0': \"O\"\n          '1': \"B-LOC\"\n") == true)
    }

    @Test func hfCardDeclaresOnlySplitsWithItems() throws {
        let context = ExportFixtures.context(.classify, splits: [.train, .validation, .test])
        let sink = try ExportFixtures.export(.hf, context, ExportFixtures.classify(split: true))
        #expect(sink.files["validation.jsonl"] == [])
        let card = try #require(sink.text("README.md"))
        #expect(card.contains("  - split: train\n    path: train.jsonl\n  - split: test\n    path: test.jsonl\ndataset_info:"))
        let empty = try ExportFixtures.export(.hf, context, [])
        #expect(empty.text("README.md")?.contains("  data_files:\n  - split: train\n    path: train.jsonl\ndataset_info:") == true)
    }

    @Test func hfLabelsTheGuideNoLongerListsGetTheNextIndexes() throws {
        let records = [ExportFixtures.record(1, "o", "old", .label("retired")), ExportFixtures.record(2, "p", "new", .label("negative"))]
        let sink = try ExportFixtures.export(.hf, ExportFixtures.context(.classify), records)
        #expect(sink.jsonLines("train.jsonl").map { $0["label"] as? Int } == [3, 1])
        #expect(sink.text("label_names.json") == "[\"positive\",\"negative\",\"mixed feelings\",\"retired\"]\n")
        #expect(sink.text("README.md")?.contains("          '3': \"retired\"\n") == true)
    }

    @Test func spacyCatsListEveryGuideLabel() throws {
        let sink = try ExportFixtures.export(.spacy, ExportFixtures.context(.multilabel), ExportFixtures.multilabel())
        #expect(Array(sink.files.keys) == ["data.jsonl"])
        #expect(sink.text("data.jsonl") == """
            {"id":"m1","text":"서울에서 만나요 🎉","cats":{"positive":1,"negative":0,"mixed feelings":1}}
            {"id":"m2","text":"I ❤️ Seoul 🇰🇷","cats":{"positive":0,"negative":0,"mixed feelings":0}}
            {"id":"m3","text":"meh","cats":{"positive":0,"negative":1,"mixed feelings":0}}

            """)
    }

    @Test func spacyTokensRebuildTheTextAndAlignEverySpan() throws {
        var records = ExportFixtures.spans(split: true)
        records.append(ExportFixtures.record(4, "s4", " two  spaces\tand\na tab ", .spans([
            LabeledRange(start: 1, end: 12, label: "LOC"), LabeledRange(start: 5, end: 12, label: "EMOJI"),
        ]), split: .train))
        let context = ExportFixtures.context(.spans, splits: [.train, .validation, .test])
        let sink = try ExportFixtures.export(.spacy, context, records)
        #expect(Set(sink.files.keys) == ["train.jsonl", "validation.jsonl", "test.jsonl"])
        #expect(sink.text("train.jsonl")?.hasPrefix(#"{"id":"s1","text":"서울에서 만나요 🎉","tokens":[{"text":"서울","start":0,"end":2,"ws":false},{"text":"에서","start":2,"end":4,"ws":true},"#) == true)
        let lines = ["train.jsonl", "validation.jsonl", "test.jsonl"].flatMap { sink.jsonLines($0) }
        #expect(lines.count == 4)
        for line in lines {
            let text = try #require(line["text"] as? String)
            let tokens = try #require(line["tokens"] as? [[String: Any]])
            let rebuilt = tokens.map { ($0["text"] as! String) + (($0["ws"] as! Bool) ? " " : "") }.joined()
            #expect(rebuilt == text)
            let starts = Set(tokens.map { $0["start"] as! Int })
            let ends = Set(tokens.map { $0["end"] as! Int })
            for span in try #require(line["spans"] as? [[String: Any]]) {
                #expect(starts.contains(span["start"] as! Int) && ends.contains(span["end"] as! Int), "\(span) in \(text)")
            }
        }
    }
}
