import GlossCore

/// A suggested span, where it came from and how sure it is (0...1).
public struct SpanSuggestion: Sendable, Equatable {
    public enum Source: String, Sendable, Equatable { case dictionary, tagger }
    public var span: LabeledRange
    public var confidence: Double
    public var source: Source
    public init(span: LabeledRange, confidence: Double, source: Source) {
        self.span = span
        self.confidence = confidence
        self.source = source
    }
}

/// Suggests spans for the spans task: exact and case-insensitive matches of spans labeled
/// earlier, plus a BIO token tagger (averaged perceptron over word, affix, shape and
/// context features) trained online. Offsets are Unicode scalar offsets, as in
/// `LabeledRange`. Pure, deterministic for a seed; one owner at a time.
///
/// Spans whose label is not in `labels` are ignored (neither counted nor taught as outside).
public final class SpanSuggester: @unchecked Sendable {
    public let labels: [String]
    public let seed: UInt64
    public private(set) var examplesSeen: Int = 0

    var dictionary: SpanDictionary
    var tagger: BIOTagger
    private let labelIndex: [String: Int]

    /// Dictionary confidence is scaled by this when the text's spelling differs in case
    /// from every spelling labeled so far.
    static let caseMismatchFactor = 0.9

    public init(labels: [String], seed: UInt64 = 1) {
        self.labels = labels
        self.seed = seed
        labelIndex = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        dictionary = SpanDictionary(labelCount: labels.count)
        tagger = BIOTagger(labelCount: labels.count, salt: seed)
    }

    convenience init(labels: [String], seed: UInt64, examplesSeen: Int, dictionary: SpanDictionary, tagger: BIOTagger) {
        self.init(labels: labels, seed: seed)
        self.examplesSeen = examplesSeen
        self.dictionary = dictionary
        self.tagger = tagger
    }

    /// Learns from one decided item: its text and its spans (possibly none). Each span's
    /// surface is counted for its label; every dictionary surface found outside the spans
    /// counts as a miss; the tagger makes one pass over the tokens.
    public func learn(text: String, spans: [LabeledRange]) {
        let prepared = SpanText(text)
        let spans = prepared.normalized(spans)
        for span in spans {
            guard let label = labelIndex[span.label] else { continue }
            dictionary.count(surface: prepared.surface(span.range), label: label)
        }
        for match in dictionary.matches(in: prepared) where !spans.contains(where: { $0.range.overlaps(match.range) }) {
            dictionary.countMiss(entry: match.entry)
        }
        tagger.learn(prepared, gold: BIOTagger.goldTags(prepared, spans: spans, labelIndex: labelIndex))
        examplesSeen += 1
    }

    /// Non-overlapping suggestions for `text`, in text order: dictionary matches first
    /// (leftmost, longest), then the tagger's spans that overlap none of them. A Korean
    /// particle ending a span's last token is left out of the span.
    public func suggest(_ text: String) -> [SpanSuggestion] {
        let prepared = SpanText(text)
        var result: [SpanSuggestion] = []
        let matches = dictionary.matches(in: prepared) { $0.isSuggestible }
        for match in matches {
            let entry = dictionary.entries[match.entry]
            let best = entry.best()
            let exact = entry.surfaces.contains(prepared.surface(match.range))
            let confidence = best.share * (exact ? 1 : Self.caseMismatchFactor)
            result.append(SpanSuggestion(span: LabeledRange(start: match.range.lowerBound, end: match.range.upperBound, label: labels[best.label]),
                                         confidence: confidence, source: .dictionary))
        }
        var next = 0
        for tagged in tagger.tag(prepared) {
            // Annotators leave a Korean particle out of a span (삼성전자 in 삼성전자가).
            let last = tagged.tokens.upperBound - 1
            let particle = KoreanParticles.suffixLengths(of: Array(prepared.lower[last].unicodeScalars), includingAmbiguous: false).first ?? 0
            let range = prepared.tokens[tagged.tokens.lowerBound].start..<prepared.tokens[last].end - particle
            while next < matches.count, matches[next].range.upperBound <= range.lowerBound { next += 1 }
            if next < matches.count, matches[next].range.overlaps(range) { continue }
            result.append(SpanSuggestion(span: LabeledRange(start: range.lowerBound, end: range.upperBound, label: labels[tagged.label]),
                                         confidence: tagged.confidence, source: .tagger))
        }
        return result.sorted { $0.span.start < $1.span.start }
    }
}
