import GlossCore
import Testing

@Suite("Terminal text")
struct TerminalTextTests {
    @Test func everyControlThatActsOnTheTerminalOrTheLayoutIsEscaped() {
        #expect(TerminalText.visible("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
        #expect(TerminalText.visible("\u{202E}rtl \u{200F}mark \u{061C}arabic \u{2028}sep \u{2066}iso\u{2069}")
                == "\\u{202E}rtl \\u{200F}mark \\u{61C}arabic \\u{2028}sep \\u{2066}iso\\u{2069}")
        #expect(TerminalText.visible("\u{9B}31m\u{7F}") == "\\u{9B}31m\\u{7F}")
        #expect(TerminalText.visible("tab\tand\nline, 한국어 e\u{301} 👍🏽") == "tab\tand\nline, 한국어 e\u{301} 👍🏽")
    }
}
