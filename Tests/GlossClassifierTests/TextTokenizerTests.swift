import Testing
@testable import GlossClassifier

@Suite("TextTokenizer")
struct TextTokenizerTests {
    @Test("English: lowercased words, inner apostrophes kept, punctuation as tokens", arguments: [
        ("Don't stop, it's GREAT!!", ["don't", "stop", ",", "it's", "great", "!", "!"]),
        ("The film’s ending?", ["the", "film's", "ending", "?"]),
        ("'90s rock'n'roll fans' picks", ["'", "90s", "rock'n'roll", "fans", "'", "picks"]),
        ("well-made... 3.5/5", ["well", "-", "made", ".", ".", ".", "3", ".", "5", "/", "5"]),
        ("  \n\t ", []),
    ])
    func english(text: String, expected: [String]) {
        #expect(TextTokenizer.tokens(text) == expected)
    }

    @Test("Korean words stay whole and split at spaces and punctuation", arguments: [
        ("이 영화 정말 재밌어요!", ["이", "영화", "정말", "재밌어요", "!"]),
        ("배우들 연기가, 최고였다.", ["배우들", "연기가", ",", "최고였다", "."]),
        ("별로예요...다신 안 봐요", ["별로예요", ".", ".", ".", "다신", "안", "봐요"]),
    ])
    func korean(text: String, expected: [String]) {
        #expect(TextTokenizer.tokens(text) == expected)
    }

    @Test("An emoji with its modifiers, a ZWJ family and a flag are one token each", arguments: [
        ("좋아요 👍🏽", ["좋아요", "👍🏽"]),
        ("family 👨‍👩‍👧‍👦!", ["family", "👨‍👩‍👧‍👦", "!"]),
        ("🇰🇷🇯🇵", ["🇰🇷", "🇯🇵"]),
        ("great😂😂", ["great", "😂", "😂"]),
        ("❤️ love", ["❤️", "love"]),
        ("go 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}!", ["go", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "!"]),
        ("👩🏾‍💻 codes", ["👩🏾‍💻", "codes"]),
    ])
    func emoji(text: String, expected: [String]) {
        #expect(TextTokenizer.tokens(text) == expected)
    }

    @Test("Han and Kana give one token per character; fullwidth marks read as ASCII", arguments: [
        ("这部电影很好看", ["这", "部", "电", "影", "很", "好", "看"]),
        ("映画はとても面白い！", ["映", "画", "は", "と", "て", "も", "面", "白", "い", "!"]),
        ("ＡＢＣ１２３", ["abc123"]),
    ])
    func cjk(text: String, expected: [String]) {
        #expect(TextTokenizer.tokens(text) == expected)
    }

    @Test("Mixed scripts split where the script changes; accents and other alphabets are letters", arguments: [
        ("CGI가 Amazing했다", ["cgi", "가", "amazing", "했다"]),
        ("Café ÉCOLE nai\u{308}ve", ["café", "école", "nai\u{308}ve"]),
        ("Отличный ФИЛЬМ", ["отличный", "фильм"]),
        ("iPhone 15 最高", ["iphone", "15", "最", "高"]),
    ])
    func mixed(text: String, expected: [String]) {
        #expect(TextTokenizer.tokens(text) == expected)
    }

    @Test("Token kinds name how each token is featurized")
    func kinds() {
        let kinds = TextTokenizer.kindedTokens("Good 좋아 好 🙂 !").map(\.kind)
        #expect(kinds == [.word, .hangul, .cjk, .emoji, .punctuation])
    }
}
