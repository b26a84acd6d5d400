import GlossCore
import Testing
@testable import GlossFormats
@testable import GlossTasks

@Suite("Export fasttext and conll")
struct ExportFastTextCoNLLTests {
    @Test func fasttextClassifyFoldsLineBreaksAndLabelSpaces() throws {
        let sink = try ExportFixtures.export(.fasttext, ExportFixtures.context(.classify), ExportFixtures.classify())
        #expect(Array(sink.files.keys) == ["data.txt"])
        #expect(sink.text("data.txt") == "__label__positive 서울에서 만나요 🎉\n"
            + "__label__mixed_feelings I ❤️ Seoul 🇰🇷\n"
            + "__label__negative bad, \"really\" bad day\n")
    }

    @Test func fasttextWritesOneFilePerSplit() throws {
        let context = ExportFixtures.context(.classify, splits: [.train, .test])
        let sink = try ExportFixtures.export(.fasttext, context, ExportFixtures.classify(split: true))
        #expect(Set(sink.files.keys) == ["train.txt", "test.txt"])
        #expect(sink.text("test.txt") == "__label__mixed_feelings I ❤️ Seoul 🇰🇷\n")
        #expect(sink.text("train.txt")?.split(separator: "\n").count == 2)
        #expect(sink.text("train.txt")?.contains("\r") == false)
    }

    @Test func fasttextMultilabelAndSpansWriteEachLabelAndLeaveOutItemsWithoutOne() throws {
        let multi = try ExportFixtures.export(.fasttext, ExportFixtures.context(.multilabel), ExportFixtures.multilabel())
        #expect(multi.text("data.txt") == "__label__positive __label__mixed_feelings 서울에서 만나요 🎉\n__label__negative meh\n")
        let spans = try ExportFixtures.export(.fasttext, ExportFixtures.context(.spans), ExportFixtures.spans())
        #expect(spans.text("data.txt") == "__label__LOC __label__EMOJI 서울에서 만나요 🎉\n__label__LOC __label__EMOJI I ❤️ Seoul 🇰🇷\n")
    }

    @Test func conllExactBytes() throws {
        let sink = try ExportFixtures.export(.conll, ExportFixtures.context(.spans), ExportFixtures.spans())
        #expect(sink.text("data.conll") == """
            -DOCSTART- O

            서울 B-LOC
            에서 O
            만나요 O
            🎉 B-EMOJI

            I O
            ❤️ B-EMOJI
            Seoul B-LOC
            🇰🇷 B-EMOJI

            no O
            entities O
            here O


            """)
    }

    @Test func conllTagsAgreeWithTheSpansInEverySplit() throws {
        let records = ExportFixtures.spans(split: true) + [
            ExportFixtures.record(4, "s4", "New York City 🗽 and 부산광역시", .spans([
                LabeledRange(start: 0, end: 13, label: "big city"), LabeledRange(start: 20, end: 22, label: "LOC"),
            ]), split: .train),
        ]
        let context = ExportFixtures.context(.spans, splits: [.train, .validation, .test])
        let sink = try ExportFixtures.export(.conll, context, records)
        #expect(Set(sink.files.keys) == ["train.conll", "validation.conll", "test.conll"])
        for file in sink.files.keys { #expect(sink.text(file)?.hasPrefix("-DOCSTART- O\n\n") == true) }
        let train = try #require(sink.text("train.conll"))
        #expect(train.contains("New B-big_city\nYork I-big_city\nCity I-big_city\n🗽 O\nand O\n부산 B-LOC\n광역시 O\n\n"))
        // Decode every item's tags and compare with its spans.
        for record in records {
            guard case .spans(let spans) = record.value, let split = record.split else { continue }
            let text = try #require(sink.text("\(split.rawValue).conll"))
            let tokens = SpanTagging.tokens(record.text, cutAt: spans)
            let block = tokens.map(\.text)
            let lines = text.components(separatedBy: "\n")
            let start = try #require(lines.indices.first { index in
                index + block.count <= lines.count
                    && zip(lines[index..<(index + block.count)], block).allSatisfy { $0.hasPrefix($1 + " ") }
            })
            let tags: [SpanTag] = lines[start..<(start + block.count)].map { line in
                let name = String(line.split(separator: " ").last!)
                let label = String(name.dropFirst(2))
                return name == "O" ? .outside : name.hasPrefix("B-") ? .begin(label) : .inside(label)
            }
            let decoded = SpanTagging.spans(tags: tags, tokens: tokens)
            #expect(decoded == spans.map { LabeledRange(start: $0.start, end: $0.end, label: $0.label.replacingOccurrences(of: " ", with: "_")) })
        }
    }

    @Test func conllRefusesClassifyAndMultilabelProjects() {
        for task in [TaskType.classify, .multilabel] {
            #expect(!ExportFormat.conll.supports(ExportFixtures.mapping(task)))
            #expect {
                _ = try ExportFormat.conll.makeWriter(context: ExportFixtures.context(task))
            } throws: { error in
                "\(error)".hasPrefix("The conll format writes span projects only")
                    && "\(error)".contains("project \"reviews\" is a \(task.rawValue) project; use one of jsonl, csv, fasttext, hf, spacy, label-studio.")
            }
            var writer = CoNLLExportWriter(context: ExportFixtures.context(task))
            var sink = MemorySink()
            #expect(throws: ExportWriterError.self) { try writer.begin(&sink) }
        }
    }

    @Test func singleFileFormats() {
        #expect(ExportFormat.jsonl.singleFile(splits: [.train, .test]))
        #expect(ExportFormat.labelStudio.singleFile(splits: [.train]))
        #expect(ExportFormat.conll.singleFile(splits: []))
        #expect(!ExportFormat.conll.singleFile(splits: [.train]))
        #expect(!ExportFormat.hf.singleFile(splits: []))
    }
}
