import GlossCore
import Testing

@Suite("Canonical value parser")
struct CanonicalValueParserTests {
    static let text = "삼성전자가 \"평택\"에 공장을 짓는다 🏭\n끝"

    /// Values the fast path must read exactly as `AnnotationValue(json:)` does.
    static let values: [AnnotationValue] = [
        .label("positive"), .label("quote \" back\\slash\ttab é 한국 🎉"), .label(""),
        .labels([]), .labels(["billing"]), .labels(["a,b", "c\"d", "감정"]),
        .spans([]),
        .spans([LabeledRange(start: 0, end: 5, label: "ORG"), LabeledRange(start: 7, end: 9, label: "LOC"),
                LabeledRange(start: 20, end: 21, label: "THING"), LabeledRange(start: 19, end: 23, label: "ALL")]),
    ]

    @Test(arguments: values)
    func readsWhatJSONWritesWithAndWithoutSpanText(_ value: AnnotationValue) {
        for json in [value.json(), value.json(itemText: Self.text)] {
            #expect(CanonicalValueParser.parse(json) == value, "\(json)")
            #expect(CanonicalValueParser.parse(json) == AnnotationValue(json: json))
        }
    }

    @Test func spanTextWithEscapesIsSkippedWhole() throws {
        let value = AnnotationValue.spans([LabeledRange(start: 6, end: 10, label: "LOC")])
        let json = value.json(itemText: Self.text)
        #expect(json.contains(#"\"평택\""#))
        #expect(CanonicalValueParser.parse(json) == value)
    }

    @Test func otherSpellingsFallBackToTheGeneralParser() {
        #expect(CanonicalValueParser.parse(#"{ "label": "x" }"#) == .label("x"))
        #expect(CanonicalValueParser.parse(#"{"labels":["a"],"extra":1}"#) == .labels(["a"]))
        #expect(CanonicalValueParser.parse(#"{"spans":[{"label":"X","end":4,"start":1}]}"#)
                == .spans([LabeledRange(start: 1, end: 4, label: "X")]))
        #expect(CanonicalValueParser.parse(#"{"label":"\u00e9\ud83c\udf89"}"#) == .label("é🎉"))
    }

    @Test func nonValuesAreNil() {
        for json in ["", "{}", "[1]", #"{"label":"x""#, #"{"label":"x"}junk"#, #"{"labels":["a",1]}"#,
                     #"{"spans":[{"start":1,"end":2}]}"#, #"{"label":"\q"}"#, #"{"label":"\u12"}"#, "null"] {
            #expect(CanonicalValueParser.parse(json) == nil, "\(json)")
        }
    }

    /// Found by Fuzz/FuzzCanonicalValue: a span offset of more digits than an Int holds
    /// overflowed the fast reader (a trap); it must fall back and read as the general parser does.
    @Test func offsetsTooLongForAnIntFallBackInsteadOfTrapping() {
        let fuzzed = #"{"spans":[{"start":8888888888888888888888888888888880,"end":5,"labe{"start","textabel":"LOI"}]}"#
        #expect(CanonicalValueParser.parse(fuzzed) == AnnotationValue(json: fuzzed))
        let nineteenDigits = #"{"spans":[{"start":9999999999999999999,"end":5,"label":"X"}]}"#
        #expect(CanonicalValueParser.parse(nineteenDigits) == AnnotationValue(json: nineteenDigits))
        let eighteenDigits = #"{"spans":[{"start":999999999999999999,"end":5,"label":"X"}]}"#
        #expect(CanonicalValueParser.parse(eighteenDigits) == .spans([LabeledRange(start: 999_999_999_999_999_999, end: 5, label: "X")]))
    }

    /// Found by Fuzz/FuzzCanonicalValue: a span's `text` with an escape JSON does not allow
    /// (`\0`) was skipped unread by the fast reader, which took the value the general parser
    /// refuses; both refuse it now.
    @Test func aSpanTextWithABadEscapeIsRefusedAsTheGeneralParserRefusesIt() {
        let fuzzed = #"{"spans":[{"start":0,"end":5,"label":"RG","text":"삼성전su\0te\\slash"# + "\u{7F}"
            + #"9\"8\\su\0'irtn0e"}]}"#
        #expect(AnnotationValue(json: fuzzed) == nil)
        #expect(CanonicalValueParser.parse(fuzzed) == nil)
        let cutUnicode = #"{"spans":[{"start":0,"end":1,"label":"X","text":"\u00e"}]}"#
        #expect(CanonicalValueParser.parse(cutUnicode) == AnnotationValue(json: cutUnicode))
        let fine = #"{"spans":[{"start":0,"end":1,"label":"X","text":"a\"b\u00e9"}]}"#
        #expect(CanonicalValueParser.parse(fine) == .spans([LabeledRange(start: 0, end: 1, label: "X")]))
    }

    /// Found by Fuzz/FuzzCanonicalValue: a label starting with U+FEFF, written raw, came back
    /// without it (Foundation's JSON reader on Linux drops it); it is written `\ufeff` now and
    /// comes back whole through both parsers.
    @Test func aLabelStartingWithAByteOrderMarkSurvivesItsJSON() {
        let value = AnnotationValue.label("\u{FEFF}\u{FFFF}\u{7F}\u{FFFF}\u{FFFF}")
        let json = value.json()
        #expect(json == #"{"label":"\ufeff"# + "\u{FFFF}" + #"\u007f"# + "\u{FFFF}\u{FFFF}" + #""}"#)
        #expect(AnnotationValue(json: json) == value)
        #expect(CanonicalValueParser.parse(json) == value)
        let inside = AnnotationValue.labels(["a\u{FEFF}b", "\u{FEFF}"])
        #expect(AnnotationValue(json: inside.json()) == inside)
    }

    /// Found by Fuzz/FuzzCanonicalValue: an offset with a leading zero ("start":00), which is
    /// not a JSON number, was read as 0; both parsers refuse it now.
    @Test func anOffsetWithALeadingZeroIsRefusedAsTheGeneralParserRefusesIt() {
        for json in [#"{"spans":[{"start":00,"end":5,"label":"O"}]}"#, #"{"spans":[{"start":0,"end":-05,"label":"O"}]}"#] {
            #expect(AnnotationValue(json: json) == nil, "\(json)")
            #expect(CanonicalValueParser.parse(json) == nil, "\(json)")
        }
        #expect(CanonicalValueParser.parse(#"{"spans":[{"start":0,"end":10,"label":"O"}]}"#)
                == .spans([LabeledRange(start: 0, end: 10, label: "O")]))
    }
}
