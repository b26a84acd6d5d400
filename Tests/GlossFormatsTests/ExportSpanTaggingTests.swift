import GlossCore
import Testing
@testable import GlossFormats
@testable import GlossTasks

private func span(_ start: Int, _ end: Int, _ label: String) -> LabeledRange {
    LabeledRange(start: start, end: end, label: label)
}

/// The scalars `start..<end` of `text`.
private func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: Array(text.unicodeScalars)[start..<end])
    return String(view)
}

@Suite("Export span tagging")
struct ExportSpanTaggingTests {
    @Test func tokensAreCutAtSpanEdgesAndTaggedIOB2() {
        let text = "서울에서 만나요 🎉"
        let spans = [span(0, 2, "LOC"), span(9, 10, "EMOJI")]
        let tokens = SpanTagging.tokens(text, cutAt: spans)
        #expect(tokens.map(\.text) == ["서울", "에서", "만나요", "🎉"])
        #expect(tokens.map(\.start) == [0, 2, 5, 9])
        let tags = SpanTagging.tags(tokens: tokens, spans: spans)
        #expect(tags.map(\.name) == ["B-LOC", "O", "O", "B-EMOJI"])
    }

    @Test func multiTokenSpansGetInsideTags() {
        let text = "I ❤️ New York City 🇰🇷!"
        let spans = [span(2, 4, "EMOJI"), span(5, 18, "LOC")]
        let tokens = SpanTagging.tokens(text, cutAt: spans)
        #expect(tokens.map(\.text) == ["I", "❤️", "New", "York", "City", "🇰🇷", "!"])
        let tags = SpanTagging.tags(tokens: tokens, spans: spans)
        #expect(tags.map(\.name) == ["O", "B-EMOJI", "B-LOC", "I-LOC", "I-LOC", "O", "O"])
        #expect(SpanTagging.spans(tags: tags, tokens: tokens) == spans)
        #expect(slice(text, 5, 18) == "New York City")
    }

    @Test func overlapsKeepTheEarlierStartingThenLongerSpan() {
        let spans = [span(4, 13, "B"), span(0, 3, "C"), span(0, 8, "A"), span(14, 20, "D")]
        #expect(SpanTagging.nonOverlapping(spans) == [span(0, 8, "A"), span(14, 20, "D")])
        // Adjacent spans do not overlap.
        #expect(SpanTagging.nonOverlapping([span(3, 5, "X"), span(0, 3, "Y")]) == [span(0, 3, "Y"), span(3, 5, "X")])
    }

    @Test func adjacentSpansOfOneLabelStaySeparateThroughTheTags() {
        let text = "삼성전자가 LG전자와"
        let spans = [span(0, 4, "ORG"), span(4, 5, "ORG"), span(6, 10, "ORG")]
        let tokens = SpanTagging.tokens(text, cutAt: spans)
        let tags = SpanTagging.tags(tokens: tokens, spans: spans)
        #expect(tags.map(\.name) == ["B-ORG", "B-ORG", "B-ORG", "O"])
        #expect(SpanTagging.spans(tags: tags, tokens: tokens) == spans)
    }

    @Test func decodingTheTagsGivesBackRandomSpans() {
        let texts = ["서울에서 만나요 🎉 내일 오후 3시에", "I ❤️ Seoul 🇰🇷 and Busan, really!", "東京タワーに行った 👩‍💻 ok👍go"]
        var random = SeededGenerator(seed: 7)
        for text in texts {
            let words = SpanTokenizer.tokens(text)
            let boundaries = Array(Set(words.flatMap { [$0.start, $0.end] } + (0..<20).map { _ in
                Int.random(in: 0...text.unicodeScalars.count, using: &random)
            })).sorted()
            for _ in 0..<200 {
                // Random non-overlapping spans whose edges are not separators.
                var spans: [LabeledRange] = []
                var cursor = 0
                for edge in boundaries.shuffled(using: &random).prefix(6).sorted() where edge > cursor {
                    let start = Int.random(in: cursor..<edge, using: &random)
                    let candidate = span(start, edge, ["A", "B"].randomElement(using: &random)!)
                    let piece = slice(text, candidate.start, candidate.end)
                    guard let first = piece.unicodeScalars.first, let last = piece.unicodeScalars.last,
                          !first.properties.isWhitespace, !last.properties.isWhitespace else { continue }
                    spans.append(candidate)
                    cursor = edge
                }
                let tokens = SpanTagging.tokens(text, cutAt: spans)
                let tags = SpanTagging.tags(tokens: tokens, spans: spans)
                #expect(SpanTagging.spans(tags: tags, tokens: tokens) == spans, "\(text) \(spans)")
                for token in tokens { #expect(slice(text, token.start, token.end) == token.text) }
            }
        }
    }

    @Test func coveringTokensRebuildTheTextAndAlignEverySpan() {
        let text = "  I ❤️  Seoul\n🇰🇷\tok "
        // One span ends after a space, one starts on a space, two overlap.
        let spans = [span(2, 4, "X"), span(6, 13, "Y"), span(8, 13, "Z"), span(13, 16, "W")]
        let covering = SpanTagging.coveringTokens(text, spans: spans)
        var rebuilt = ""
        for piece in covering {
            rebuilt += piece.token.text + (piece.spaceAfter ? " " : "")
            #expect(slice(text, piece.token.start, piece.token.end) == piece.token.text)
        }
        #expect(rebuilt == text)
        let starts = Set(covering.map(\.token.start))
        let ends = Set(covering.map(\.token.end))
        for span in spans {
            #expect(starts.contains(span.start) && ends.contains(span.end), "\(span) does not align")
        }
        // "I" keeps no space after it: span X ends just past that space.
        #expect(covering.first { $0.token.text == "I" }?.spaceAfter == false)
        #expect(covering.first { $0.token.text == "ok" }?.spaceAfter == true)
    }
}
