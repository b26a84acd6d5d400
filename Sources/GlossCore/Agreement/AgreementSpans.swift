/// Span agreement of two annotators: exact-match F1 and token-overlap F1.
extension Agreement {
    /// Both F1s treat the first annotator as the reference and the second as the
    /// prediction; F1 = 2·TP / (2·TP + FP + FN) is symmetric, so swapping them changes
    /// nothing. Counts are pooled over all items (micro average) before the one division,
    /// and an F1 is nil when neither annotator has anything to count (no span at all, or
    /// no labeled token).
    ///
    /// - **Exact**: a span matches a span of the other annotator with the same start, end
    ///   and label; each span matches at most once (duplicates count as a multiset), so
    ///   TP is the size of the multiset intersection and 2·TP + FP + FN = |first| + |second|.
    /// - **Token**: the item's text is split by ``SpanTokenizer``; each annotator gives
    ///   each token the label of the span covering it, or none. A span covers a token when
    ///   they share at least one scalar, so a span nudged to leave a particle out
    ///   (`삼성전자` in `삼성전자가`) still labels the token. If an annotator's spans
    ///   overlap (imported data; the editor never makes such spans), the token takes the
    ///   label of the covering span with the lowest (start, end, label). Then per token with
    ///   reference label r and predicted label p: r = p ≠ none is TP; p ≠ none, p ≠ r is
    ///   FP; r ≠ none, r ≠ p is FN (a token labeled differently is both).
    static func spanAgreement(_ items: [SpanPair]) -> SpanAgreement {
        var tally = SpanAgreementTally()
        for item in items { tally.add(item.first, item.second, text: item.text) }
        return tally.agreement
    }

    /// Token-level true positives, false positives and false negatives.
    struct TokenCounts: Sendable {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0

        mutating func add(reference: String?, predicted: String?) {
            if let predicted {
                if predicted == reference { truePositives += 1 } else { falsePositives += 1 }
            }
            if let reference, reference != predicted { falseNegatives += 1 }
        }

        /// 2·TP / (2·TP + FP + FN), nil when nothing was labeled by either side.
        var f1: Double? {
            let denominator = 2 * truePositives + falsePositives + falseNegatives
            return denominator == 0 ? nil : Double(2 * truePositives) / Double(denominator)
        }
    }

    /// How many spans of `a` find a distinct equal span (start, end, label) in `b`.
    static func multisetIntersection(_ a: [LabeledRange], _ b: [LabeledRange]) -> Int {
        var remaining: [SpanKey: Int] = [:]
        for span in b { remaining[SpanKey(span), default: 0] += 1 }
        var matches = 0
        for span in a {
            let key = SpanKey(span)
            if let left = remaining[key], left > 0 {
                remaining[key] = left - 1
                matches += 1
            }
        }
        return matches
    }

    /// Each token's label from `spans` (see ``spanAgreement(_:)``), nil for none.
    ///
    /// Spans are sorted once and walked alongside the (ordered) tokens, so for spans that do
    /// not overlap each other the cost is O(t + s log s) rather than t·s.
    static func tokenLabels(_ tokens: [TextToken], _ spans: [LabeledRange]) -> [String?] {
        let sorted = spans.filter { $0.start < $0.end }.sorted {
            ($0.start, $0.end, $0.label) < ($1.start, $1.end, $1.label)
        }
        var labels: [String?] = []
        labels.reserveCapacity(tokens.count)
        var first = 0
        for token in tokens {
            // A span that ends at or before this token ends before every later token too.
            while first < sorted.count && sorted[first].end <= token.start { first += 1 }
            var label: String?
            var i = first
            while i < sorted.count && sorted[i].start < token.end {
                if sorted[i].end > token.start { label = sorted[i].label; break }
                i += 1
            }
            labels.append(label)
        }
        return labels
    }
}

/// ``Agreement/spans(_:)`` item by item, for the streaming statistics: counts only, pooled
/// until the one division of each F1.
public struct SpanAgreementTally: Sendable {
    private var items = 0
    private var exactMatches = 0
    private var exactTotal = 0
    private var token = Agreement.TokenCounts()

    public init() {}

    /// Adds one item both annotators annotated: their spans and the item's text.
    public mutating func add(_ first: [LabeledRange], _ second: [LabeledRange], text: String) {
        exactMatches += Agreement.multisetIntersection(first, second)
        exactTotal += first.count + second.count
        let tokens = SpanTokenizer.tokens(text)
        let reference = Agreement.tokenLabels(tokens, first)
        let predicted = Agreement.tokenLabels(tokens, second)
        for (r, p) in zip(reference, predicted) { token.add(reference: r, predicted: p) }
        items += 1
    }

    /// Both F1s over the items so far.
    public var agreement: SpanAgreement {
        let exact = exactTotal == 0 ? nil : Double(2 * exactMatches) / Double(exactTotal)
        return SpanAgreement(items: items, exactF1: exact, tokenF1: token.f1)
    }
}

/// A span's identity for exact matching.
private struct SpanKey: Hashable {
    var start: Int
    var end: Int
    var label: String
    init(_ span: LabeledRange) {
        start = span.start
        end = span.end
        label = span.label
    }
}
