/// A token of an item's text with its Unicode scalar offsets `[start, end)`.
public struct TextToken: Sendable, Equatable {
    /// Offset of the token's first scalar.
    public var start: Int
    /// Offset just past the token's last scalar.
    public var end: Int
    /// The token's text: exactly the scalars `start..<end` of the original string.
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }

    /// The scalar offsets the token covers.
    public var range: Range<Int> { start..<end }
}

/// Splits an item's text into the tokens the span cursor steps through.
///
/// Offsets count Unicode scalars (as Python's `str` indexing does), never grapheme
/// clusters or UTF-8 bytes. The text is read grapheme cluster by grapheme cluster, so a
/// combining mark, a variation selector, an emoji modifier or a zero width joiner always
/// stays in the token of the character it attaches to. The rules:
///
/// - **Separators** (White_Space, control and format characters such as U+200B ZERO WIDTH
///   SPACE or U+FEFF) split tokens and are never part of one.
/// - **Words**: a run of letters, marks and digits of any script (Latin, Hangul syllables
///   and jamo, Cyrillic, Arabic, Thai, ...) is one token, so `삼성전자가` is one token and
///   the particle is split off by nudging the selection's end; letters and digits of
///   different scripts in one run stay together (`LG전자`, `iPhone을`, `R2D2`).
/// - **Kana**: a run of hiragana is one token and a run of katakana another; they do not
///   merge with each other or with words (`タワーに` gives `タワー`, `に`). The prolonged
///   sound mark `ー` and the voicing marks continue the kana run before them.
/// - **Han ideographs** (and other Ideographic characters such as `々`, `〇`) are one token each:
///   Chinese and Japanese have no spaces, and a single character is the smallest unit a
///   name can be assembled from with Shift+arrows.
/// - **Punctuation and symbols** are one token per character, inside words too:
///   `Berlin's` gives `Berlin`, `'`, `s`; `Dr.` gives `Dr`, `.`; `3.5` gives `3`, `.`, `5`;
///   `snake_case` gives `snake`, `_`, `case`.
/// - **Emoji**: each emoji grapheme cluster is one token (`❤️`, `👍🏽`, `👩‍💻`, a flag `🇰🇷`,
///   a keycap `1️⃣`), even when it touches a word (`ok👍go` gives `ok`, `👍`, `go`).
/// - A combining mark with no base before it belongs to the word run it starts or joins;
///   one attached to a space becomes its own token, so no non-separator scalar is ever lost.
public enum SpanTokenizer {
    /// Word tokens for span labeling, in order, with scalar offsets into `text`.
    public static func tokens(_ text: String) -> [TextToken] {
        var result: [TextToken] = []
        var lastKind = Kind.separator
        var offset = 0
        for character in text {
            let scalars = character.unicodeScalars
            let count = scalars.count
            let clusterStart = offset
            offset += count

            var start = clusterStart
            var piece = String(character)
            var kind: Kind
            if isSeparator(scalars.first!) {
                // Only a stray mark attached to a space (" \u{301}") has anything to keep.
                guard let index = scalars.firstIndex(where: { !isSeparator($0) }) else {
                    lastKind = .separator
                    continue
                }
                start += scalars.distance(from: scalars.startIndex, to: index)
                piece = ""
                piece.unicodeScalars.append(contentsOf: scalars[index...])
                kind = Self.kind(of: scalars[index])
            } else {
                kind = Self.kind(of: character)
            }

            let touchesLast = result.last?.end == start
            if kind == .kanaExtender {
                kind = touchesLast && (lastKind == .hiragana || lastKind == .katakana) ? lastKind : .katakana
            }
            if touchesLast && kind == lastKind && kind.isRun {
                result[result.count - 1].end = offset
                result[result.count - 1].text.append(piece)
            } else {
                result.append(TextToken(start: start, end: offset, text: piece))
            }
            lastKind = kind
        }
        return result
    }

    /// Whether `scalar` separates tokens: white space, controls and invisible format characters.
    public static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .control, .format: return true
        default: return false
        }
    }

    enum Kind: Equatable {
        case separator, word, hiragana, katakana, kanaExtender, single

        /// Whether adjacent characters of this kind join into one token.
        var isRun: Bool {
            switch self {
            case .word, .hiragana, .katakana: return true
            case .separator, .kanaExtender, .single: return false
            }
        }
    }

    /// The kind of a grapheme cluster whose first scalar is not a separator.
    static func kind(of character: Character) -> Kind {
        let scalars = character.unicodeScalars
        let first = scalars.first!
        if isEmoji(character) { return .single }
        return kind(of: first)
    }

    /// Whether a cluster is shown as an emoji: emoji presentation by default (😀, 🇰🇷), or
    /// made so by U+FE0F, a keycap, a skin tone modifier or a zero width joiner sequence.
    static func isEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        let first = scalars.first!
        if first.properties.isEmojiPresentation { return true }
        guard first.properties.isEmoji, scalars.count > 1 else { return false }
        return scalars.contains { s in
            s.value == 0xFE0F || s.value == 0x20E3 || s.value == 0x200D || (0x1F3FB...0x1F3FF).contains(s.value)
        }
    }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        switch v {
        case 0x3041...0x3096, 0x309D...0x309F: return .hiragana
        case 0x30A1...0x30FA, 0x30FD...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .katakana
        case 0x3099...0x309C, 0x30FC: return .kanaExtender  // voicing marks and ー
        default: break
        }
        if scalar.properties.isIdeographic { return .single }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return .word
        default:
            return .single
        }
    }
}
