import GlossCore
import Testing

/// Tokens as (start, end, text) triples; text is compared scalar by scalar because
/// String's == treats canonically equivalent strings ("e\u{301}" and "é") as equal.
private func triples(_ text: String) -> [(Int, Int, [Unicode.Scalar])] {
    SpanTokenizer.tokens(text).map { ($0.start, $0.end, Array($0.text.unicodeScalars)) }
}

private func expectTokens(
    _ text: String, _ expected: [(Int, Int, String)], sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = triples(text)
    let wanted = expected.map { ($0.0, $0.1, Array($0.2.unicodeScalars)) }
    #expect(actual.count == wanted.count, "\(actual)", sourceLocation: sourceLocation)
    for (a, w) in zip(actual, wanted) {
        #expect(a.0 == w.0 && a.1 == w.1 && a.2 == w.2, "got \(a), want \(w)", sourceLocation: sourceLocation)
    }
}

@Suite("Span tokenizer")
struct TokenizerTests {
    @Test func englishSentence() {
        expectTokens("Dr. Anika Patel visited Berlin's museum.", [
            (0, 2, "Dr"), (2, 3, "."), (4, 9, "Anika"), (10, 15, "Patel"), (16, 23, "visited"),
            (24, 30, "Berlin"), (30, 31, "'"), (31, 32, "s"), (33, 39, "museum"), (39, 40, "."),
        ])
    }

    @Test func punctuationAndSymbolsAreOneTokenPerCharacter() {
        expectTokens("3.5% of $10, (ok)!?", [
            (0, 1, "3"), (1, 2, "."), (2, 3, "5"), (3, 4, "%"), (5, 7, "of"), (8, 9, "$"), (9, 11, "10"),
            (11, 12, ","), (13, 14, "("), (14, 16, "ok"), (16, 17, ")"), (17, 18, "!"), (18, 19, "?"),
        ])
        expectTokens("snake_case — “quoted” don’t", [
            (0, 5, "snake"), (5, 6, "_"), (6, 10, "case"), (11, 12, "—"), (13, 14, "“"), (14, 20, "quoted"),
            (20, 21, "”"), (22, 25, "don"), (25, 26, "’"), (26, 27, "t"),
        ])
    }

    @Test func koreanWordsKeepTheirParticles() {
        expectTokens("삼성전자가 평택에 공장을 짓는다.", [
            (0, 5, "삼성전자가"), (6, 9, "평택에"), (10, 13, "공장을"), (14, 17, "짓는다"), (17, 18, "."),
        ])
        expectTokens("김민수 씨는 서울에서", [(0, 3, "김민수"), (4, 6, "씨는"), (7, 11, "서울에서")])
        // Scripts mix within a run of letters and digits.
        expectTokens("LG전자는 iPhone을 R2D2", [(0, 5, "LG전자는"), (6, 13, "iPhone을"), (14, 18, "R2D2")])
    }

    @Test func conjoiningJamoCountScalars() {
        // 한국 spelled with six conjoining jamo is one token of six scalars.
        expectTokens("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}이 ㅋㅋ", [
            (0, 7, "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}이"), (8, 10, "ㅋㅋ"),
        ])
    }

    @Test func hanIdeographsAreOneTokenEachAndKanaRunsOneToken() {
        expectTokens("東京タワーに行った", [
            (0, 1, "東"), (1, 2, "京"), (2, 5, "タワー"), (5, 6, "に"), (6, 7, "行"), (7, 9, "った"),
        ])
        expectTokens("北京是中国的首都。", [
            (0, 1, "北"), (1, 2, "京"), (2, 3, "是"), (3, 4, "中"), (4, 5, "国"), (5, 6, "的"),
            (6, 7, "首"), (7, 8, "都"), (8, 9, "。"),
        ])
        // ー continues a hiragana run too; ・ is punctuation; halfwidth katakana is katakana.
        expectTokens("すごーい・ｶﾀｶﾅ", [(0, 4, "すごーい"), (4, 5, "・"), (5, 9, "ｶﾀｶﾅ")])
        // A voicing mark stays with its kana (one cluster), and 々 is ideographic.
        expectTokens("か\u{3099}き 人々", [(0, 3, "か\u{3099}き"), (4, 5, "人"), (5, 6, "々")])
        // Kana and Latin letters do not merge.
        expectTokens("Tシャツ", [(0, 1, "T"), (1, 4, "シャツ")])
    }

    @Test func emojiAndFlagsAreOneTokenWithScalarOffsets() {
        // ❤️ is two scalars, 🇰🇷 two (regional indicators), 👩‍💻 three (ZWJ sequence).
        expectTokens("I ❤️ 🇰🇷 and 👩‍💻!", [
            (0, 1, "I"), (2, 4, "❤️"), (5, 7, "🇰🇷"), (8, 11, "and"), (12, 15, "👩‍💻"), (15, 16, "!"),
        ])
        expectTokens("ok👍🏽go 🇯🇵🇰🇷 1️⃣2 😀😀", [
            (0, 2, "ok"), (2, 4, "👍🏽"), (4, 6, "go"), (7, 9, "🇯🇵"), (9, 11, "🇰🇷"),
            (12, 15, "1️⃣"), (15, 16, "2"), (17, 18, "😀"), (18, 19, "😀"),
        ])
        // Plain digits and # are not emoji; © is a symbol.
        expectTokens("#1 ©2024", [(0, 1, "#"), (1, 2, "1"), (3, 4, "©"), (4, 8, "2024")])
    }

    @Test func combiningMarksStayWithTheirBase() {
        expectTokens("Cafe\u{301} Zoë", [(0, 5, "Cafe\u{301}"), (6, 9, "Zoë")])
        expectTokens("Zoe\u{308}'s", [(0, 4, "Zoe\u{308}"), (4, 5, "'"), (5, 6, "s")])
        // A mark with no base joins the following word; one attached to a space is kept alone.
        expectTokens("\u{301}ab", [(0, 3, "\u{301}ab")])
        expectTokens("a \u{301} b", [(0, 1, "a"), (2, 3, "\u{301}"), (4, 5, "b")])
    }

    @Test func whiteSpaceAndInvisibleSeparatorsAreNeverTokens() {
        #expect(SpanTokenizer.tokens("").isEmpty)
        #expect(SpanTokenizer.tokens("   ").isEmpty)
        #expect(SpanTokenizer.tokens(" \t\r\n\u{A0}\u{3000}\u{200B}").isEmpty)
        expectTokens("  a\tb\r\nc\u{3000}d\u{200B}e\u{A0}f  ", [
            (2, 3, "a"), (4, 5, "b"), (7, 8, "c"), (9, 10, "d"), (11, 12, "e"), (13, 14, "f"),
        ])
    }

    @Test func tokensCoverExactlyTheirScalars() {
        let text = "Dr. 김민수 씨는 東京タワー에서 👩‍💻 Cafe\u{301}! 🇰🇷"
        let scalars = Array(text.unicodeScalars)
        let tokens = SpanTokenizer.tokens(text)
        var previousEnd = 0
        for token in tokens {
            #expect(token.start >= previousEnd && token.start < token.end)
            #expect(Array(token.text.unicodeScalars) == Array(scalars[token.start..<token.end]))
            previousEnd = token.end
        }
        #expect(previousEnd == scalars.count)
    }
}
