import GlossCore
import GlossFormats

/// A token of the spaCy export: the tokens cover the whole text, so that
/// `Doc(vocab, words, spaces)` rebuilds it exactly; `spaceAfter` is spaCy's `whitespace_`.
struct CoveringToken: Sendable, Equatable {
    var token: TextToken
    var spaceAfter: Bool

    init(token: TextToken, spaceAfter: Bool) {
        self.token = token
        self.spaceAfter = spaceAfter
    }
}

/// Turns an item's spans into the tokens and tags of token formats (hf, conll, spacy).
///
/// Tokens are ``SpanTokenizer``'s, cut at every span edge, so each span starts and ends on a
/// token boundary and the tags agree exactly with the spans: decoding the tags gives back the
/// spans (less any separators at a span's edge, which belong to no token). Token formats
/// cannot hold overlapping spans (possible under the `any` policy): the earlier-starting one is
/// kept, then the longer, and a span overlapping a kept one is left out.
enum SpanTagging {
    /// The spans a token format keeps: sorted by start then longest first, overlaps dropped.
    static func nonOverlapping(_ spans: [LabeledRange]) -> [LabeledRange] {
        let sorted = spans.filter { $0.start < $0.end }.sorted {
            $0.start != $1.start ? $0.start < $1.start : ($0.end != $1.end ? $0.end > $1.end : $0.label < $1.label)
        }
        var kept: [LabeledRange] = []
        for span in sorted where kept.last.map({ span.start >= $0.end }) ?? true { kept.append(span) }
        return kept
    }

    /// The word tokens of `text`, cut wherever a span starts or ends inside one.
    static func tokens(_ text: String, cutAt spans: [LabeledRange]) -> [TextToken] {
        cut(SpanTokenizer.tokens(text), at: edges(of: spans))
    }

    /// The IOB2 tag of each token for non-overlapping spans sorted by start (as
    /// ``nonOverlapping(_:)`` gives) over tokens cut at their edges.
    static func tags(tokens: [TextToken], spans: [LabeledRange]) -> [SpanTag] {
        var tags = [SpanTag](repeating: .outside, count: tokens.count)
        var spanIndex = 0
        var begun = false
        for (index, token) in tokens.enumerated() {
            while spanIndex < spans.count, spans[spanIndex].end <= token.start {
                spanIndex += 1
                begun = false
            }
            guard spanIndex < spans.count else { break }
            let span = spans[spanIndex]
            if token.start >= span.start, token.end <= span.end {
                tags[index] = begun ? .inside(span.label) : .begin(span.label)
                begun = true
            }
        }
        return tags
    }

    /// The spans IOB2 tags describe: from a `B` (or an `I` that does not continue a span of its
    /// label) through the following `I`s of the same label, as token scalar offsets.
    static func spans(tags: [SpanTag], tokens: [TextToken]) -> [LabeledRange] {
        var spans: [LabeledRange] = []
        var open: LabeledRange?
        for (tag, token) in zip(tags, tokens) {
            switch tag {
            case .outside:
                if let span = open { spans.append(span); open = nil }
            case .begin(let label):
                if let span = open { spans.append(span) }
                open = LabeledRange(start: token.start, end: token.end, label: label)
            case .inside(let label):
                if var span = open, span.label == label {
                    span.end = token.end
                    open = span
                } else {
                    if let span = open { spans.append(span) }
                    open = LabeledRange(start: token.start, end: token.end, label: label)
                }
            }
        }
        if let span = open { spans.append(span) }
        return spans
    }

    /// Tokens covering every scalar of `text` for spaCy: the word tokens cut at every edge of
    /// `spans` (overlapping ones included), and the separators between them as tokens of their
    /// own, except a single space after a word, which becomes that word's `spaceAfter` unless a
    /// span starts at the space or ends just after it. Every span then aligns with
    /// `Doc.char_span(..., alignment_mode="strict")`.
    static func coveringTokens(_ text: String, spans: [LabeledRange]) -> [CoveringToken] {
        let edges = edges(of: spans)
        let starts = Set(spans.map(\.start))
        let ends = Set(spans.map(\.end))
        let words = cut(SpanTokenizer.tokens(text), at: edges)
        let scalars = Array(text.unicodeScalars)
        var result: [CoveringToken] = []
        result.reserveCapacity(words.count * 2)
        var position = 0

        func addGap(upTo end: Int) {
            guard position < end else { return }
            if let last = result.last, last.token.end == position, scalars[position] == " ",
               !starts.contains(position), !ends.contains(position + 1) {
                result[result.count - 1].spaceAfter = true
                position += 1
            }
            guard position < end else { return }
            let gap = TextToken(start: position, end: end, text: slice(scalars, position, end))
            for piece in cut([gap], at: edges) { result.append(CoveringToken(token: piece, spaceAfter: false)) }
            position = end
        }

        for word in words {
            addGap(upTo: word.start)
            result.append(CoveringToken(token: word, spaceAfter: false))
            position = word.end
        }
        addGap(upTo: scalars.count)
        return result
    }

    /// Every span start and end.
    static func edges(of spans: [LabeledRange]) -> Set<Int> {
        var edges = Set<Int>()
        for span in spans {
            edges.insert(span.start)
            edges.insert(span.end)
        }
        return edges
    }

    /// `tokens` with each one split at the edges strictly inside it.
    static func cut(_ tokens: [TextToken], at edges: Set<Int>) -> [TextToken] {
        guard !edges.isEmpty else { return tokens }
        var result: [TextToken] = []
        result.reserveCapacity(tokens.count)
        for token in tokens {
            let inner = edges.filter { $0 > token.start && $0 < token.end }.sorted()
            if inner.isEmpty { result.append(token); continue }
            let scalars = Array(token.text.unicodeScalars)
            var start = token.start
            for end in inner + [token.end] {
                let piece = slice(scalars, start - token.start, end - token.start)
                result.append(TextToken(start: start, end: end, text: piece))
                start = end
            }
        }
        return result
    }

    static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
