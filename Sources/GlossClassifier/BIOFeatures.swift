import GlossCore

/// The class of one scalar for shapes: ASCII is classified without a Unicode property lookup.
enum ShapeSymbol: UInt64 {
    case upper = 88, lower = 120, digit = 100, uncasedLetter = 76, other = 0  // X, x, d, L

    init(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x41...0x5A: self = .upper
        case 0x61...0x7A: self = .lower
        case 0x30...0x39: self = .digit
        case 0..<0x80: self = .other
        default:
            let properties = scalar.properties
            if properties.isUppercase || properties.generalCategory == .titlecaseLetter { self = .upper }
            else if properties.isLowercase { self = .lower }
            else if properties.numericType != nil { self = .digit }
            else if properties.isAlphabetic { self = .uncasedLetter }
            else { self = .other }
        }
    }
}

/// The broad shape of a token, shared by a word and its neighbors' features.
enum WordKind: UInt8 {
    case capitalized = 1, allCaps, lower, digits, mixed, uncased, symbol

    init(_ token: String) {
        var first = true, firstUpper = false, upperAfterFirst = false
        var upper = false, lower = false, digit = false, uncased = false
        for scalar in token.unicodeScalars {
            switch ShapeSymbol(scalar) {
            case .upper:
                upper = true
                if first { firstUpper = true } else { upperAfterFirst = true }
            case .lower: lower = true
            case .digit: digit = true
            case .uncasedLetter: uncased = true
            case .other: break
            }
            first = false
        }
        switch (upper, lower, digit) {
        case (false, false, false): self = uncased ? .uncased : .symbol
        case (false, false, true): self = uncased ? .mixed : .digits
        case (true, _, false) where firstUpper && !upperAfterFirst: self = .capitalized
        case (true, false, false): self = .allCaps
        case (false, true, false): self = .lower
        default: self = .mixed
        }
    }
}

/// The hashed features of one token that do not depend on the tags: word, affixes 1-3,
/// shapes, capitalization, and the words and kinds around it.
struct TokenFeatures {
    var hashes: [UInt64]
    var kind: WordKind
    var word: UInt64

    private enum Template: UInt8 {
        case bias = 1, word, prefix1, prefix2, prefix3, suffix1, suffix2, suffix3
        case shape, shortShape, kind, capitalized
        case previousWord, nextWord, previousWord2, nextWord2, previousWordKind, nextWordKind
        case previousKind, nextKind, previousTag, previousTagKind, previousTagWord, stem, particle, sentenceStartKind
    }

    private static let start: UInt64 = 0x5354_4152_54  // "START"
    private static let end: UInt64 = 0x454E_44  // "END"

    /// The tag-dependent features appended to the token's own.
    func with(previousTag: Int, salt: UInt64) -> [UInt64] {
        var all = hashes
        let tag = UInt64(previousTag)
        all.append(Self.hash(.previousTag, salt) { $0.mix(tag) })
        all.append(Self.hash(.previousTagKind, salt) { $0.mix(tag); $0.mix(UInt64(kind.rawValue)) })
        all.append(Self.hash(.previousTagWord, salt) { $0.mix(tag); $0.mix(word) })
        return all
    }

    static func extract(_ text: SpanText, salt: UInt64) -> [TokenFeatures] {
        let lower = text.lower.map { Array($0.unicodeScalars) }
        let words = lower.map { scalars in hash(.word, salt) { $0.mix(scalars: scalars) } }
        let kinds = text.tokens.map { WordKind($0.text) }
        func word(_ position: Int) -> UInt64 {
            position < 0 ? start : position >= words.count ? end : words[position]
        }
        func kind(_ position: Int) -> UInt64 {
            kinds.indices.contains(position) ? UInt64(kinds[position].rawValue) : 0
        }
        return text.tokens.indices.map { i in
            let scalars = lower[i]
            var hashes: [UInt64] = [hash(.bias, salt) { _ in }, words[i]]
            hashes.reserveCapacity(26)
            for (length, prefix, suffix) in [(1, Template.prefix1, Template.suffix1), (2, .prefix2, .suffix2), (3, .prefix3, .suffix3)]
            where length == 1 || scalars.count > length {
                hashes.append(hash(prefix, salt) { $0.mix(scalars: scalars.prefix(length)) })
                hashes.append(hash(suffix, salt) { $0.mix(scalars: scalars.suffix(length)) })
            }
            // A Korean word without its particle, so 삼성전자가 and 삼성전자 share a feature.
            let particle = KoreanParticles.suffixLengths(of: scalars).first ?? 0
            hashes.append(hash(.stem, salt) { $0.mix(scalars: scalars.dropLast(particle)) })
            if particle > 0 { hashes.append(hash(.particle, salt) { $0.mix(scalars: scalars.suffix(particle)) }) }
            let (shape, shortShape) = shapes(text.tokens[i].text)
            hashes.append(hash(.shape, salt) { $0.mix(shape) })
            hashes.append(hash(.shortShape, salt) { $0.mix(shortShape) })
            hashes.append(hash(.kind, salt) { $0.mix(kind(i)) })
            hashes.append(hash(.capitalized, salt) { $0.mix(kinds[i] == .capitalized || kinds[i] == .allCaps ? 1 : 0) })
            hashes.append(hash(.previousWord, salt) { $0.mix(word(i - 1)) })
            hashes.append(hash(.nextWord, salt) { $0.mix(word(i + 1)) })
            hashes.append(hash(.previousWord2, salt) { $0.mix(word(i - 2)) })
            hashes.append(hash(.nextWord2, salt) { $0.mix(word(i + 2)) })
            hashes.append(hash(.previousWordKind, salt) { $0.mix(word(i - 1)); $0.mix(kind(i)) })
            hashes.append(hash(.nextWordKind, salt) { $0.mix(word(i + 1)); $0.mix(kind(i)) })
            hashes.append(hash(.previousKind, salt) { $0.mix(kind(i - 1)) })
            hashes.append(hash(.nextKind, salt) { $0.mix(kind(i + 1)) })
            // A capital after a sentence's end says less than one inside a sentence.
            let startsSentence = i == 0 || [".", "!", "?", "。", "\"", "“"].contains(text.tokens[i - 1].text)
            hashes.append(hash(.sentenceStartKind, salt) { $0.mix(startsSentence ? 1 : 0); $0.mix(kind(i)) })
            return TokenFeatures(hashes: hashes, kind: kinds[i], word: words[i])
        }
    }

    /// The token's shape with runs of a character class cut at 4 ("Xxxx", "dd", "XX.x") and
    /// at 1 ("Xx"), hashed: X upper, x lower, d digit, L uncased letter, other scalars as is.
    private static func shapes(_ token: String) -> (UInt64, UInt64) {
        var long = StableHash(template: 0, salt: 0), short = StableHash(template: 0, salt: 0)
        var last: UInt64 = 0, run = 0
        for scalar in token.unicodeScalars {
            let kind = ShapeSymbol(scalar)
            let symbol = kind == .other ? UInt64(scalar.value) : kind.rawValue
            run = symbol == last ? run + 1 : 1
            if run <= 4 { long.mix(symbol) }
            if run == 1 { short.mix(symbol) }
            last = symbol
        }
        return (long.value, short.value)
    }

    private static func hash(_ template: Template, _ salt: UInt64, _ body: (inout StableHash) -> Void) -> UInt64 {
        var hasher = StableHash(template: template.rawValue, salt: salt)
        body(&hasher)
        return hasher.value
    }
}
