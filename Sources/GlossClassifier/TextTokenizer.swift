/// What kind of text a token is; features are built differently for each.
public enum TokenKind: UInt8, Sendable, Equatable {
    /// Letters and digits of alphabetic scripts (Latin, Cyrillic, Greek, ...), apostrophes inside.
    case word
    /// A run of Hangul: a Korean word (eojeol), split only at spaces, punctuation and other scripts.
    case hangul
    /// One Han or Kana character (these scripts do not separate words with spaces).
    case cjk
    /// One emoji, with its modifiers, variation selectors and ZWJ-joined parts, or a flag.
    case emoji
    /// One punctuation mark or symbol, such as `!` or `?`.
    case punctuation
}

/// Splits text into lowercased tokens without a dictionary, in any script.
///
/// Latin-like words keep inner apostrophes (`don't`), Korean words stay whole (their endings
/// are caught by character n-grams later), each Han/Kana character is a token, an emoji
/// sequence is one token, and punctuation marks are tokens of their own. The scan works on
/// Unicode scalars into reused buffers, so the classifier's hot path allocates nothing per token.
public struct TextTokenizer: Sendable {
    /// Lowercased scalars of the last text scanned; tokens are ranges of it.
    private(set) var scalars: [UInt32] = []
    /// Tokens of the last text scanned: start and end offsets into `scalars`, and kind.
    private(set) var starts: [Int32] = []
    private(set) var ends: [Int32] = []
    private(set) var kinds: [TokenKind] = []

    init() {}

    /// The tokens of `text`, lowercased, in text order.
    public static func tokens(_ text: String) -> [String] {
        var tokenizer = TextTokenizer()
        tokenizer.scan(text)
        return (0..<tokenizer.count).map { tokenizer.token(at: $0) }
    }

    /// The tokens of `text` with their kinds.
    public static func kindedTokens(_ text: String) -> [(token: String, kind: TokenKind)] {
        var tokenizer = TextTokenizer()
        tokenizer.scan(text)
        return (0..<tokenizer.count).map { (tokenizer.token(at: $0), tokenizer.kinds[$0]) }
    }

    var count: Int { kinds.count }

    func token(at index: Int) -> String {
        var text = String.UnicodeScalarView()
        for offset in Int(starts[index])..<Int(ends[index]) {
            text.append(Unicode.Scalar(scalars[offset])!)
        }
        return String(text)
    }

    /// Scans `text`, replacing the previous text's tokens.
    mutating func scan(_ text: String) {
        scalars.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        var open: TokenKind? = nil
        var iterator = text.unicodeScalars.makeIterator()
        var next = iterator.next()
        while let scalar = next {
            next = iterator.next()
            let cls = ScalarClass(scalar)
            switch cls {
            case .space:
                close(&open)
            case .mark:
                // A combining mark extends the letter before it; alone it is dropped.
                if let kind = open, kind == .word || kind == .hangul { appendLowercased(scalar) }
            case .apostrophe:
                if open == .word, let following = next, ScalarClass(following) == .letter(.word) {
                    scalars.append(0x27)
                } else {
                    close(&open)
                    emitSingle(0x27, kind: .punctuation)
                }
            case .letter(let kind):
                if open != kind || kind == .cjk {
                    close(&open)
                    starts.append(Int32(scalars.count))
                    open = kind
                }
                if kind == .cjk {
                    scalars.append(scalar.value)
                    close(&open)
                } else {
                    appendLowercased(scalar)
                }
            case .punctuation:
                close(&open)
                // Fullwidth marks (！？) read as their ASCII forms.
                let value = scalar.value
                emitSingle((0xFF01...0xFF5E).contains(value) ? value - 0xFEE0 : value, kind: .punctuation)
            case .regionalIndicator:
                close(&open)
                starts.append(Int32(scalars.count))
                scalars.append(scalar.value)
                if let following = next, ScalarClass(following) == .regionalIndicator {
                    scalars.append(following.value)
                    next = iterator.next()
                }
                ends.append(Int32(scalars.count))
                kinds.append(.emoji)
            case .emoji:
                close(&open)
                starts.append(Int32(scalars.count))
                scalars.append(scalar.value)
                while let following = next {
                    if EmojiSequence.extends(following) {
                        scalars.append(following.value)
                        next = iterator.next()
                    } else if following.value == 0x200D {
                        next = iterator.next()
                        guard let joined = next, ScalarClass(joined) == .emoji else { break }
                        scalars.append(0x200D)
                        scalars.append(joined.value)
                        next = iterator.next()
                    } else {
                        break
                    }
                }
                ends.append(Int32(scalars.count))
                kinds.append(.emoji)
            }
        }
        close(&open)
    }

    private mutating func close(_ open: inout TokenKind?) {
        guard let kind = open else { return }
        ends.append(Int32(scalars.count))
        kinds.append(kind)
        open = nil
    }

    private mutating func emitSingle(_ value: UInt32, kind: TokenKind) {
        starts.append(Int32(scalars.count))
        scalars.append(value)
        ends.append(Int32(scalars.count))
        kinds.append(kind)
    }

    private mutating func appendLowercased(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            scalars.append(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
        } else if value >= 0xFF21 && value <= 0xFF5A {
            // Fullwidth Latin letters read as their ASCII forms.
            let ascii = value - 0xFEE0
            scalars.append(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)
        } else if value >= 0xFF10 && value <= 0xFF19 {
            scalars.append(value - 0xFEE0)
        } else if value < 0x1_0000, ScalarTable.codes[Int(value)] & 0x10 == 0 {
            let lower = ScalarTable.lowercase[Int(value)]
            scalars.append(lower == 0 ? value : lower)
        } else if scalar.properties.changesWhenLowercased {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { scalars.append(lower.value) }
        } else {
            scalars.append(value)
        }
    }
}

/// How the tokenizer treats one scalar.
enum ScalarClass: Equatable {
    case space, mark, apostrophe, punctuation, regionalIndicator, emoji
    case letter(TokenKind)

    init(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if v >= 0x80, v < 0x1_0000 {
            self = ScalarTable.classes[Int(ScalarTable.codes[Int(v)] & 0x0F)]
            return
        }
        self.init(computing: scalar)
    }

    /// The class from the scalar's Unicode properties (what `ScalarTable` caches for the BMP).
    init(computing scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            switch v {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: self = .letter(.word)
            case 0x27: self = .apostrophe
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: self = .punctuation
            default: self = .space
            }
            return
        }
        switch v {
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF:
            self = .letter(.hangul)
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0xFF66...0xFF9F, 0x20000...0x3134F:
            self = .letter(.cjk)
        case 0x2019, 0x02BC:
            self = .apostrophe
        case 0x1F1E6...0x1F1FF:
            self = .regionalIndicator
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            self = .letter(.word)
        case 0x200D, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F:
            self = .mark
        default:
            let properties = scalar.properties
            if properties.isEmoji {
                self = .emoji
                return
            }
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                self = .letter(.word)
            case .nonspacingMark, .spacingMark, .enclosingMark:
                self = .mark
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation,
                 .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                self = .punctuation
            default:
                self = .space
            }
        }
    }
}

/// The scalars that continue an emoji: variation selectors, skin tones, keycaps, tag letters.
enum EmojiSequence {
    static func extends(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0x20E3, 0xE0020...0xE007F: return true
        default: return false
        }
    }
}

/// The class and one-scalar lowercase of every scalar of the Basic Multilingual Plane,
/// computed once: Unicode property look-ups cost more than the rest of tokenizing, and
/// Cyrillic, Greek or Hangul text needs one per letter.
enum ScalarTable {
    /// The classes by code (the low four bits of `codes`).
    static let classes: [ScalarClass] = [
        .space, .mark, .apostrophe, .punctuation, .regionalIndicator, .emoji,
        .letter(.word), .letter(.hangul), .letter(.cjk), .letter(.emoji), .letter(.punctuation),
    ]
    /// Per scalar: its class code, plus 0x10 when its lowercase is not one scalar.
    static let codes: [UInt8] = (0..<0x1_0000).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
        let code = UInt8(classes.firstIndex(of: ScalarClass(computing: scalar)) ?? 0)
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? code : code | 0x10
    }
    /// Per scalar: its lowercase when that is one other scalar, else 0.
    static let lowercase: [UInt32] = (0..<0x1_0000).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)), scalar.properties.changesWhenLowercased else { return 0 }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : 0
    }
}
