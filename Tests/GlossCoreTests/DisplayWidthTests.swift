import GlossCore
import Testing

@Suite("Display width")
struct DisplayWidthTests {
    // Widths per UAX #11 (East Asian Width W/F = 2) and the emoji presentation rule
    // (UTS #51: emoji presentation sequences are wide); marks and controls take none.
    @Test(arguments: [
        ("a", 1), ("abc", 3), ("", 0), (" ", 1), ("é", 1), ("Ω", 1), ("©", 1), ("ｶ", 1),  // halfwidth katakana: H
        ("한", 2), ("한국어", 6), ("中文", 4), ("あア", 4), ("Ａ", 2), ("\u{3000}", 2), ("，", 2),
        ("\u{1100}\u{1161}", 2), ("\u{1100}\u{1161}\u{11A8}", 2),  // a syllable from conjoining jamo
        ("e\u{301}", 1), ("\u{301}", 0), ("a\u{20DD}", 1), ("\u{200B}", 0),
        ("😀", 2), ("🦀", 2), ("🫠", 2), ("👍🏽", 2), ("❤️", 2), ("1️⃣", 2),
        ("👨‍👩‍👧", 2), ("👩🏽‍💻", 2), ("🏳️‍🌈", 2),
        ("🇰🇷", 2), ("🇯🇵🇰🇷", 4),
        ("\u{7}", 0), ("\u{1B}", 0), ("\u{7F}", 0), ("\u{85}", 0), ("\r\n", 0),
        ("a한😀e\u{301}", 6),
    ])
    func widthOfText(_ text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func scalarWidths() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x41)!) == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0xAC00)!) == 2)  // 가, first syllable
        #expect(DisplayWidth.of(Unicode.Scalar(0xD7A3)!) == 2)  // 힣, last syllable
        #expect(DisplayWidth.of(Unicode.Scalar(0x1160)!) == 0)  // Hangul medial vowel jamo
        #expect(DisplayWidth.of(Unicode.Scalar(0x11A8)!) == 0)  // Hangul final consonant jamo
        #expect(DisplayWidth.of(Unicode.Scalar(0x20000)!) == 2)  // CJK Extension B
        #expect(DisplayWidth.of(Unicode.Scalar(0x0)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x9)!) == 0)
    }

    @Test func characterWidthsSumToTextWidth() {
        let text = "Gloss: 한국어 😀 🇰🇷 ok"
        #expect(text.reduce(0) { $0 + DisplayWidth.of($1) } == DisplayWidth.of(text))
        #expect(DisplayWidth.of(text) == 7 + 6 + 1 + 2 + 1 + 2 + 1 + 2)
    }
}
