import GlossCore
import Testing

/// Normalized text as scalars: String's == compares canonically equivalent strings as
/// equal, which would hide a missing NFC step.
private func normal(_ text: String) -> [Unicode.Scalar] {
    var normalizer = TextNormalizer()
    return Array(normalizer.normalized(text).unicodeScalars)
}

private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

@Suite("Text normalizer")
struct TextNormalizerTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("", ""),
        ("a  b", "a b"),
        (" a", "a"),
        ("a ", "a"),
        ("  a \t\n b\r\nc  ", "a b c"),
        ("a\u{0B}b\u{0C}c\rd", "a b c d"),
        ("x\u{A0}y\u{3000}z\u{2003}w", "x y z w"),
        ("\u{3000}\u{A0}한국어\u{2003}\u{2003}문장\u{A0}", "한국어 문장"),
        ("a\u{85}b\u{1680}c\u{2000}d\u{200A}e\u{2028}f\u{2029}g\u{202F}h\u{205F}i", "a b c d e f g h i"),
        ("a \u{A0}\t\u{3000} b", "a b"),
        ("é  é", "é é"),
        ("Case Kept", "Case Kept"),
    ])
    func foldsWhiteSpaceAndTrims(_ input: String, expected: String) {
        #expect(normal(input) == scalars(expected))
    }

    @Test func nonWhiteSpaceLookalikesAreKept() {
        // U+200B ZERO WIDTH SPACE and U+FEFF are not White_Space; U+001F is not either.
        #expect(normal("a\u{200B}b") == scalars("a\u{200B}b"))
        #expect(normal("a\u{FEFF}b") == scalars("a\u{FEFF}b"))
        #expect(normal("a\u{1F}b") == scalars("a\u{1F}b"))
    }

    @Test(arguments: [
        ("e\u{301}", "\u{E9}"),
        ("  cafe\u{301}  au  lait ", "caf\u{E9} au lait"),
        ("\u{1100}\u{1161}\u{11A8}", "\u{AC01}"),  // ᄀ + ᅡ + ᆨ = 각
        ("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}", "\u{D55C}\u{AD6D}"),  // 한국
        ("\u{AC00}\u{11A8}", "\u{AC01}"),  // 가 + ᆨ = 각 (LV syllable + trailing jamo)
        ("\u{304B}\u{3099}", "\u{304C}"),  // か + ゙ = が
        ("\u{212B}", "\u{C5}"),  // ANGSTROM SIGN is a singleton decomposition
        ("a\u{301}\u{323}", "\u{1EA1}\u{301}"),  // canonical reordering, then composition
        ("中文 e\u{301}", "中文 \u{E9}"),
        ("😀e\u{301}", "😀\u{E9}"),
        ("中\u{302B}\u{302A}", "中\u{302A}\u{302B}"),  // tone marks reordered by combining class
        ("\u{CCA}\u{CD5}", "\u{CCB}"),  // Kannada O + length mark = OO
        ("\u{20041}\u{301}", "\u{20041}\u{301}"),  // CJK Ext. B has no composition with U+0301
        ("\u{10041}\u{308}", "\u{10041}\u{308}"),
        ("\u{1113}\u{1161}", "\u{1113}\u{1161}"),  // U+1113 is not one of the 19 composing leading jamo
    ])
    func composesToNFC(_ input: String, expected: String) {
        #expect(normal(input) == scalars(expected))
        #expect(hashOf(input) == hashOf(expected))
    }

    @Test func compatibilityFormsAndCaseAreNotFolded() {
        #expect(normal("\u{FB01}") == scalars("\u{FB01}"))  // ﬁ ligature: NFKC only
        #expect(normal("\u{FF21}") == scalars("\u{FF21}"))  // fullwidth A
        #expect(hashOf("\u{FF21}") != hashOf("A"))
        #expect(hashOf("Hello") != hashOf("hello"))
        #expect(hashOf("ÉCOLE") != hashOf("école"))
    }

    @Test func alreadyNormalTextIsUnchanged() {
        for text in ["a", "한국어 문장", "\u{E9}t\u{E9}", "😀 👨‍👩‍👧", "日本語のテキスト", "x\u{200D}y"] {
            #expect(normal(text) == scalars(text))
        }
    }

    @Test func contentHashIgnoresOnlyWhiteSpaceAndNormalForm() throws {
        let base = try #require(hashOf("Hello world"))
        #expect(hashOf("  Hello \t\n world\r\n") == base)
        #expect(hashOf("Hello\u{A0}world") == base)
        #expect(hashOf("Hello\u{3000}\u{3000}world") == base)
        #expect(hashOf("Hello World") != base)
        #expect(hashOf("Helloworld") != base)
        #expect(hashOf("Hello world.") != base)
        #expect(hashOf("caf\u{E9}") == hashOf("cafe\u{301}"))
        #expect(hashOf("caf\u{E9}") != hashOf("cafe"))
        #expect(hashOf("\u{D55C}") == hashOf("\u{1112}\u{1161}\u{11AB}"))
        #expect(hashOf("\u{20041}\u{301}") != hashOf("\u{C1}"))
        #expect(hashOf("\u{1113}\u{1161}") != hashOf("\u{D7A4}"))
    }

    @Test func contentHashIsMurmur3OfTheNormalizedUTF8() throws {
        for (input, normalForm) in [("  a  b ", "a b"), ("cafe\u{301}\u{A0}!", "caf\u{E9} !"), ("x", "x")] {
            let expected = Array(normalForm.utf8).withUnsafeBytes { ContentHash.murmur3($0) }
            #expect(hashOf(input) == expected)
        }
    }

    @Test(arguments: ["", " ", "\t\n\r\n ", "\u{A0}", "\u{3000} \u{2003}\u{85}"])
    func whiteSpaceOnlyHasNoHash(_ text: String) {
        #expect(hashOf(text) == nil)
        #expect(normal(text).isEmpty)
    }

    @Test func reusedNormalizerLeavesNothingBehind() {
        var normalizer = TextNormalizer()
        let long = String(repeating: "long  text ", count: 1000)
        #expect(normalizer.normalized(long).count == 1000 * 10 - 1)
        #expect(Array(normalizer.normalized("  a  ").unicodeScalars) == ["a"])
        #expect(Array(normalizer.normalized("e\u{301} \u{A0}x").unicodeScalars) == scalars("\u{E9} x"))
        #expect(normalizer.contentHash(of: " b ") == hashOf("b"))
    }
}

/// The content hash the normalizer gives `text`.
private func hashOf(_ text: String) -> ContentHash? {
    var normalizer = TextNormalizer()
    return normalizer.contentHash(of: text)
}
