import GlossCore

/// A text prepared for span suggestion: its scalars, its tokens (scalar offsets, see
/// `SpanTokenizer`) and each token lowercased (Unicode-aware), computed once per call.
struct SpanText {
    let scalars: [Unicode.Scalar]
    let tokens: [TextToken]
    let lower: [String]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        tokens = SpanTokenizer.tokens(text)
        lower = tokens.map { $0.text.lowercased() }
    }

    /// The original text of the scalar offsets `range`.
    func surface(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// Whether there is a separator between token `index` and the one after it.
    func hasGap(after index: Int) -> Bool {
        tokens[index].end < tokens[index + 1].start
    }

    /// Spans clamped to the text, empty ones dropped, sorted by start, and an overlapping
    /// span dropped in favor of the one that starts first (the longer one on a tie).
    func normalized(_ spans: [LabeledRange]) -> [LabeledRange] {
        let length = scalars.count
        let clamped = spans.compactMap { span -> LabeledRange? in
            let start = min(max(span.start, 0), length), end = min(max(span.end, 0), length)
            return start < end ? LabeledRange(start: start, end: end, label: span.label) : nil
        }
        let sorted = clamped.sorted { ($0.start, -$0.end, $0.label) < ($1.start, -$1.end, $1.label) }
        var result: [LabeledRange] = []
        for span in sorted where result.last.map({ $0.end <= span.start }) ?? true {
            result.append(span)
        }
        return result
    }
}

/// FNV-1a over 64 bits with a final avalanche: the same value in every process and on
/// every platform (unlike `hashValue`, which Swift seeds per process).
struct StableHash {
    private var state: UInt64

    init(template: UInt8, salt: UInt64) {
        state = 0xCBF2_9CE4_8422_2325 ^ (salt &* 0x9E37_79B9_7F4A_7C15)
        mix(UInt64(template))
    }

    mutating func mix(_ value: UInt64) {
        state ^= value
        state &*= 0x0000_0100_0000_01B3
    }

    mutating func mix<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { mix(UInt64(scalar.value)) }
        mix(0xFFFF_FFFF)  // terminator, so ("ab", "c") and ("a", "bc") differ
    }

    var value: UInt64 {
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Korean particles (josa) that follow a name inside one token: `삼성전자가`, `서울에서`.
/// Annotators leave them out of spans, so matches and tagged spans stop before them.
enum KoreanParticles {
    /// Longest first, so `에서` wins over `서`-less readings and `으로` over `로`.
    static let all: [[Unicode.Scalar]] = [
        "에서는", "에게서", "으로는", "에서", "에게", "한테", "께서", "으로", "까지", "부터", "처럼", "보다",
        "이나", "이랑", "과", "와", "은", "는", "이", "가", "을", "를", "의", "에", "도", "로", "만", "랑",
    ].map { Array($0.unicodeScalars) }

    /// Particles that also end many names (`강원도`, `종로`): trimmed only where a known
    /// name is what is left, never from a tagged span.
    static let ambiguous: Set<[Unicode.Scalar]> = [Array("도".unicodeScalars), Array("로".unicodeScalars)]

    /// The lengths of the particles `word` ends with, longest first, each leaving at least one
    /// scalar before it; none unless the word ends in a Hangul syllable.
    static func suffixLengths(of word: [Unicode.Scalar], includingAmbiguous: Bool = true) -> [Int] {
        guard let last = word.last, (0xAC00...0xD7A3).contains(last.value) else { return [] }
        return all.filter { particle in
            particle.count < word.count && word.suffix(particle.count).elementsEqual(particle)
                && (includingAmbiguous || !ambiguous.contains(particle))
        }.map(\.count)
    }
}
