import GlossCore

/// A greedy left-to-right BIO token tagger: tag 0 is O, label `k` has B = 1 + 2k and
/// I = 2 + 2k. An averaged perceptron scores each token from its word, affixes, shape and
/// neighbors and the tag before it; decoding never puts an I after anything but its own B or I.
struct BIOTagger {
    /// A tagged run of tokens and how sure the tagger is of it (0...1).
    struct TaggedSpan: Equatable {
        var tokens: Range<Int>
        var label: Int
        var confidence: Double
    }

    let labelCount: Int
    let salt: UInt64
    private(set) var weights: PerceptronWeights
    /// How often the tagger, while learning, guessed a B or I tag for a token, and how often
    /// that guess was right: its recent precision scales the confidence of what it suggests,
    /// so an immature tagger is not shown as sure. Both are halved at `precisionWindow`.
    private(set) var guessed = 0, guessedRight = 0
    static let precisionWindow = 1000

    init(labelCount: Int, salt: UInt64) {
        self.labelCount = labelCount
        self.salt = salt
        weights = PerceptronWeights(classCount: 1 + 2 * labelCount)
    }

    /// Rebuilds a stored tagger; nil when its precision counts are impossible.
    init?(labelCount: Int, salt: UInt64, weights: PerceptronWeights, guessed: Int, guessedRight: Int) {
        guard guessedRight >= 0, guessedRight <= guessed, guessed <= Self.precisionWindow else { return nil }
        self.labelCount = labelCount
        self.salt = salt
        self.weights = weights
        self.guessed = guessed
        self.guessedRight = guessedRight
    }

    /// The smoothed share of right entity guesses while learning, (right + 1) / (guessed + 2).
    var precision: Double { Double(guessedRight + 1) / Double(guessed + 2) }

    var tagCount: Int { 1 + 2 * labelCount }

    static func begin(_ label: Int) -> Int { 1 + 2 * label }
    static func isInside(_ tag: Int) -> Bool { tag > 0 && tag % 2 == 0 }
    static func label(of tag: Int) -> Int { (tag - 1) / 2 }

    /// Whether `tag` may follow `previous`: an I only continues a B or I of its own label.
    static func allowed(_ tag: Int, after previous: Int) -> Bool {
        !isInside(tag) || previous == tag || previous == tag - 1
    }

    /// The gold tag of each token: B on the first token a span overlaps, I on the rest,
    /// O outside spans, nil under a span whose label is not one of the tagger's.
    static func goldTags(_ text: SpanText, spans: [LabeledRange], labelIndex: [String: Int]) -> [Int?] {
        var tags: [Int?] = Array(repeating: 0, count: text.tokens.count)
        var next = 0
        for (position, token) in text.tokens.enumerated() {
            while next < spans.count, spans[next].end <= token.start { next += 1 }
            guard next < spans.count, spans[next].start < token.end else { continue }
            guard let label = labelIndex[spans[next].label] else { tags[position] = nil; continue }
            let first = position == 0 || text.tokens[position - 1].end <= spans[next].start
            tags[position] = first ? begin(label) : begin(label) + 1
        }
        return tags
    }

    /// One online pass over the tokens: predict each tag with the current weights (the
    /// previous tag being the gold one) and correct the weights where the guess was wrong.
    mutating func learn(_ text: SpanText, gold: [Int?]) {
        let features = TokenFeatures.extract(text, salt: salt)
        var scores = [Double](repeating: 0, count: tagCount)
        var previous = 0
        for position in text.tokens.indices {
            let context = features[position].with(previousTag: previous, salt: salt)
            let guess = best(context, after: previous, averaged: false, scores: &scores).tag
            if let truth = gold[position] {
                if guess != 0 { record(right: guess == truth) }
                weights.update(context, truth: truth, guess: guess)
                weights.tick()
                previous = truth
            } else {
                previous = guess
            }
        }
    }

    private mutating func record(right: Bool) {
        guessed += 1
        if right { guessedRight += 1 }
        if guessed == Self.precisionWindow {
            guessed /= 2
            guessedRight /= 2
        }
    }

    /// The spans the averaged weights find, in text order, never overlapping. A span's
    /// confidence is the mean over its tokens of the chosen tag's softmax probability among
    /// the allowed tags, times the tagger's precision while learning.
    func tag(_ text: SpanText) -> [TaggedSpan] {
        guard weights.clock > 0 else { return [] }
        let features = TokenFeatures.extract(text, salt: salt)
        var scores = [Double](repeating: 0, count: tagCount)
        var spans: [TaggedSpan] = []
        let precision = precision
        var sure = 0.0
        var previous = 0
        for position in text.tokens.indices {
            let context = features[position].with(previousTag: previous, salt: salt)
            let (tag, probability) = best(context, after: previous, averaged: true, scores: &scores)
            if Self.isInside(tag), var span = spans.popLast() {
                span.tokens = span.tokens.lowerBound..<position + 1
                sure += probability
                span.confidence = precision * sure / Double(span.tokens.count)
                spans.append(span)
            } else if tag != 0 {
                sure = probability
                spans.append(TaggedSpan(tokens: position..<position + 1, label: Self.label(of: tag), confidence: precision * probability))
            }
            previous = tag
        }
        return spans
    }

    /// The best tag allowed after `previous` (O on a tie) and its softmax probability among
    /// the allowed tags.
    private func best(_ features: [UInt64], after previous: Int, averaged: Bool, scores: inout [Double]) -> (tag: Int, probability: Double) {
        for index in scores.indices { scores[index] = 0 }
        weights.addScores(features, averaged: averaged, into: &scores)
        var best = 0
        for tag in 1..<tagCount where Self.allowed(tag, after: previous) && scores[tag] > scores[best] { best = tag }
        guard averaged else { return (best, 0) }
        var sum = 0.0
        for tag in 0..<tagCount where Self.allowed(tag, after: previous) { sum += SpanMath.exp(scores[tag] - scores[best]) }
        return (best, 1 / sum)
    }
}

/// Math with plain arithmetic, so results are the same on every platform.
enum SpanMath {
    /// e^x by range reduction (x = k ln 2 + r, |r| <= ln2/2) and a Taylor series for e^r;
    /// 0 below -700, where it would underflow.
    static func exp(_ x: Double) -> Double {
        guard x >= -700 else { return 0 }
        guard x <= 700 else { return .infinity }
        let ln2 = 0.693_147_180_559_945_3
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0, sum = 1.0
        for n in 1...14 {
            term *= r / Double(n)
            sum += term
        }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }
}
