@testable import GlossTerminal
import Testing

/// Key codes as `wget_wch` returns them with KEY_CODE_YES. The numbers are copied from
/// /usr/include/ncursesw/curses.h (ncurses 6.4), in the header's octal;
/// KEY_F(n) is KEY_F0 (0410) + n.
private let keyCodeTable: [(UInt32, Key)] = [
    (0o527, .enter),        // KEY_ENTER
    (0o541, .backTab),                   // KEY_BTAB
    (0o407, .backspace),                 // KEY_BACKSPACE
    (0o512, .delete),                    // KEY_DC
    (0o403, .up),                        // KEY_UP
    (0o402, .down),                      // KEY_DOWN
    (0o404, .left),                      // KEY_LEFT
    (0o405, .right),                     // KEY_RIGHT
    (0o611, .shiftLeft),                 // KEY_SLEFT
    (0o622, .shiftRight),                // KEY_SRIGHT
    (0o521, .shiftUp),                   // KEY_SR (scroll backward: Shift-Up in terminfo)
    (0o520, .shiftDown),                 // KEY_SF (scroll forward: Shift-Down)
    (0o406, .home),                      // KEY_HOME
    (0o550, .end),                       // KEY_END
    (0o523, .pageUp),                    // KEY_PPAGE
    (0o522, .pageDown),                  // KEY_NPAGE
    (0o410, .function(0)),               // KEY_F0
    (0o411, .function(1)),               // KEY_F(1)
    (0o415, .function(5)),               // KEY_F(5)
    (0o424, .function(12)),              // KEY_F(12)
    (0o507, .function(63)),              // KEY_F(63), the last function key
    (0o510, .unknown(0o510)),            // KEY_DL, just past the 64 function keys
    (0o513, .unknown(0o513)),            // KEY_IC (Insert) has no Key yet
    (0o632, .unknown(0o632)),            // KEY_RESIZE: an event, not a key
    (0o631, .unknown(0o631)),            // KEY_MOUSE: handled by the backend
]

@Test(arguments: keyCodeTable)
func keyCodes(code: UInt32, key: Key) {
    #expect(KeyDecoder.decode(isKeyCode: true, value: code) == key)
}

/// Characters as `wget_wch` returns them with OK.
private let characterTable: [(UInt32, Key)] = [
    (10, .enter),          // LF, Ctrl-J
    (13, .enter),                       // CR, what Enter sends with nonl()
    (9, .tab),
    (127, .backspace),                  // DEL, what most terminals send for Backspace
    (8, .backspace),                    // BS, Ctrl-H
    (27, .escape),
    (1, .control("a")),
    (3, .control("c")),
    (7, .control("g")),
    (11, .control("k")),
    (12, .control("l")),
    (14, .control("n")),
    (17, .control("q")),
    (26, .control("z")),
    (0, .unknown(0)),                   // Ctrl-Space / Ctrl-@
    (28, .unknown(28)),                 // Ctrl-\
    (31, .control("_")),                // Ctrl-_ (and Ctrl-/): undo in the text editor
    (0x85, .unknown(0x85)),             // C1 NEL
    (0xD800, .unknown(0xD800)),         // a lone surrogate is not a scalar
    (0x2028, .unknown(0x2028)),         // line separator
    (32, .character(" ")),
    (0x61, .character("a")),
    (0x51, .character("Q")),
    (0x31, .character("1")),
    (0x2D, .character("-")),
    (0x3F, .character("?")),
    (0x7E, .character("~")),
    (0xE9, .character("é")),
    (0x314E, .character("ㅎ")),         // Hangul compatibility jamo, decoded as typed
    (0xD55C, .character("한")),
    (0x1F600, .character("😀")),
    (0o402, .character("\u{102}")),     // KEY_DOWN's number without KEY_CODE_YES is a letter
]

@Test(arguments: characterTable)
func characters(value: UInt32, key: Key) {
    #expect(KeyDecoder.decode(isKeyCode: false, value: value) == key)
}

@Test func everyControlLetterExceptTheNamedOnes() {
    let named: Set<UInt32> = [8, 9, 10, 13]
    for value in UInt32(1)...26 where !named.contains(value) {
        let letter = Character(Unicode.Scalar(UInt8(96 + value)))
        #expect(KeyDecoder.decode(isKeyCode: false, value: value) == .control(letter))
    }
}

@Test func writtenOutCodesMatchTheNcursesHeader() {
    #expect(NcursesKeyCode.headerMismatches == [])
}

@Test func displayNames() {
    #expect(Key.control("c").displayName == "Ctrl-C")
    #expect(Key.character(" ").displayName == "Space")
    #expect(Key.function(5).displayName == "F5")
    #expect(Key.shiftLeft.displayName == "Shift-←")
}

/// The Dubeolsik layout, key by key as printed on Korean keyboards. Scalars are written
/// out so a wrong-looking jamo in the source cannot hide a mistake.
private let dubeolsik: [(Character, Character)] = [
    ("\u{3142}", "q"), ("\u{3148}", "w"), ("\u{3137}", "e"), ("\u{3131}", "r"), ("\u{3145}", "t"),  // ㅂㅈㄷㄱㅅ
    ("\u{315B}", "y"), ("\u{3155}", "u"), ("\u{3151}", "i"), ("\u{3150}", "o"), ("\u{3154}", "p"),  // ㅛㅕㅑㅐㅔ
    ("\u{3141}", "a"), ("\u{3134}", "s"), ("\u{3147}", "d"), ("\u{3139}", "f"), ("\u{314E}", "g"),  // ㅁㄴㅇㄹㅎ
    ("\u{3157}", "h"), ("\u{3153}", "j"), ("\u{314F}", "k"), ("\u{3163}", "l"),                     // ㅗㅓㅏㅣ
    ("\u{314B}", "z"), ("\u{314C}", "x"), ("\u{314A}", "c"), ("\u{314D}", "v"),                     // ㅋㅌㅊㅍ
    ("\u{3160}", "b"), ("\u{315C}", "n"), ("\u{3161}", "m"),                                        // ㅠㅜㅡ
    ("\u{3143}", "Q"), ("\u{3149}", "W"), ("\u{3138}", "E"), ("\u{3132}", "R"), ("\u{3146}", "T"),  // ㅃㅉㄸㄲㅆ
    ("\u{3152}", "O"), ("\u{3156}", "P"),                                                           // ㅒㅖ
]

@Test(arguments: dubeolsik)
func dubeolsikKey(jamo: Character, latin: Character) {
    #expect(KoreanLayout.latinKey(for: jamo) == latin)
    #expect(Key.character(jamo).normalizedForLabels == .character(latin))
}

@Test func layoutHasThirtyThreeDistinctKeys() {
    #expect(KoreanLayout.keys.count == 33)
    #expect(Set(KoreanLayout.keys.map(\.latin)).count == 33)
}

@Test(arguments: ["g", "G", "1", "한", "\u{1112}", "\u{3164}", "é", " "] as [Character])
func otherCharactersAreNotMapped(character: Character) {
    // Latin letters, a syllable, a conjoining (not compatibility) jamo, the Hangul filler.
    #expect(KoreanLayout.latinKey(for: character) == nil)
    #expect(Key.character(character).normalizedForLabels == .character(character))
}

@Test func namedKeysAreUnchanged() {
    for key in [Key.enter, .escape, .control("c"), .function(1), .unknown(5)] {
        #expect(key.normalizedForLabels == key)
    }
}

/// Escape followed at once by a key is Alt plus that key (`ESC b`, `ESC CR`).
@Test func escapeThenAKeyIsAlt() {
    #expect(KeyDecoder.alt(.character("b")) == .alt(.character("b")))
    #expect(KeyDecoder.alt(.enter) == .alt(.enter))
    #expect(KeyDecoder.alt(.backspace) == .alt(.backspace))
    #expect(KeyDecoder.alt(.escape) == nil)
    #expect(KeyDecoder.alt(.pageDown) == nil)
    #expect(Key.alt(.character("f")).displayName == "Alt-f")
}

/// Ctrl-←/→ come as key codes the backend bound to their sequences.
@Test func extendedKeyCodes() {
    let bound: [UInt32: Key] = [0o1000: .controlLeft, 0o1001: .controlRight]
    #expect(KeyDecoder.decode(isKeyCode: true, value: 0o1000, extended: bound) == .controlLeft)
    #expect(KeyDecoder.decode(isKeyCode: true, value: 0o1001, extended: bound) == .controlRight)
    #expect(KeyDecoder.decode(isKeyCode: true, value: 0o404, extended: bound) == .left)
    #expect(KeyDecoder.extendedSequences.contains { $0.sequence == "\u{1B}[1;5D" && $0.key == .controlLeft })
    #expect(KeyDecoder.firstExtendedCode > NcursesKeyCode.resize)
}
