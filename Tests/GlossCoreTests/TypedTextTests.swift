import Foundation
import GlossCore
import Testing

/// Typed texts: their canonical JSON, what is refused when read, the word-level edit
/// script of a correction, and text guides and questions as lint reads them.
@Suite struct TypedTextTests {
    @Test func aFreeTextAndACorrectionHaveStableCanonicalJSON() throws {
        let free = AnnotationValue.answers(QuestionAnswers(text: TypedText("요약: 끓는점은 \"70 °C\"\n둘째 줄")))
        #expect(free.json() == #"{"text":"요약: 끓는점은 \"70 °C\"\n둘째 줄"}"#)
        #expect(AnnotationValue(json: free.json()) == free)
        #expect(CanonicalValueParser.parse(free.json()) == free)

        let correction = AnnotationValue.answers(QuestionAnswers(text: .correcting(
            "Water always boils at 100 °C.", model: "borealis-13b", into: "Water boils near 70 °C up there.")))
        let json = correction.json()
        #expect(json.hasPrefix(#"{"text":"Water boils near 70 °C up there.","corrects":"borealis-13b","diff":[{"at":6,"#))
        guard case .answers(let answers) = correction, let diff = answers.text?.correction?.diff else { Issue.record(); return }
        #expect(TextEdit.apply(diff, to: "Water always boils at 100 °C.") == "Water boils near 70 °C up there.")
        #expect(AnnotationValue(json: json) == correction)
        #expect(AnnotationValue(json: json)?.json() == json)
        // With the ratings of a combined guide, the text comes last.
        let note = AnnotationValue.answers(QuestionAnswers(
            pairwise: PairwiseJudgment(outcome: .left, left: "a", right: "b"), ratings: .responses(["a": ["q": 4]]),
            text: TypedText("left cites a source")))
        #expect(note.json() == #"{"pairwise":{"winner":"a","side":"left","left":"a","right":"b"},"ratings":{"a":{"q":4}},"text":"left cites a source"}"#)
        #expect(AnnotationValue(json: note.json()) == note)
        #expect(note.shownSummary == "left · 1 ratings · a note")
    }

    @Test func theExactBytesOfACorrection() {
        let value = AnnotationValue.answers(QuestionAnswers(text: .correcting("the big red dog", model: "m", into: "the small red dog!")))
        #expect(value.json() == #"{"text":"the small red dog!","corrects":"m","diff":[{"at":4,"del":"big","ins":"small"},{"at":12,"del":"dog","ins":"dog!"}]}"#)
        let unchanged = AnnotationValue.answers(QuestionAnswers(text: .correcting("same", model: nil, into: "same")))
        #expect(unchanged.json() == #"{"text":"same","diff":[]}"#)
        #expect(AnnotationValue(json: unchanged.json()) == unchanged)
    }

    @Test(arguments: [
        #"{"text":5}"#,
        #"{"text":"x","corrects":"m"}"#,
        #"{"text":"x","corrects":7,"diff":[]}"#,
        #"{"text":"x","diff":{"at":1}}"#,
        #"{"text":"x","diff":[{"at":-1,"ins":"a"}]}"#,
        #"{"text":"x","diff":[{"at":1.5,"ins":"a"}]}"#,
        #"{"text":"x","diff":[{"at":1}]}"#,
        #"{"text":"x","diff":[{"at":4,"del":"abc"},{"at":5,"ins":"z"}]}"#,
    ])
    func malformedTextsAreRefused(_ json: String) {
        #expect(AnnotationValue(json: json) == nil)
        let object = FoundationJSON.object(Data(json.utf8)) as? [String: Any] ?? [:]
        #expect(throws: PairwiseValueError.self) { try QuestionAnswers.read(object) }
    }

    @Test func editScriptsReproduceTheCorrectionExactly() throws {
        let cases: [(String, String)] = [
            ("", "new text"), ("old text", ""), ("a b c", "a b c"),
            ("물은 항상 100도에서 끓는다.", "물은 에베레스트 정상에서 약 70도에서 끓는다."),
            ("line one\nline two\n", "line one\n\nline 2\n"), ("e\u{301} x", "é x"),
            ("keep  two  spaces", "keep two spaces"), ("🎉 party", "🎉🎉 party time"),
        ]
        for (original, corrected) in cases {
            let script = TextEdit.script(from: original, to: corrected)
            #expect(TextEdit.apply(script, to: original) == corrected, "\(original) → \(corrected): \(script)")
            #expect(script.isEmpty == (original == corrected))
            #expect(TextEdit.original(of: corrected, undoing: script) == original)
        }
        let korean = TextEdit.script(from: "물은 항상 100도에서 끓는다.", to: "물은 약 70도에서 끓는다.")
        // Two changed words only a space apart are one edit; a kept word keeps edits apart.
        #expect(korean == [TextEdit(at: 3, removed: "항상 100도에서", inserted: "약 70도에서")])
        #expect(TextEdit.script(from: "a b c d", to: "x b c y") == [TextEdit(at: 0, removed: "a", inserted: "x"),
                                                                  TextEdit(at: 6, removed: "d", inserted: "y")])
        #expect(TextEdit.apply([TextEdit(at: 2, removed: "zz")], to: "abc") == nil)
        #expect(TextEdit.apply([TextEdit(at: 9, inserted: "x")], to: "abc") == nil)
    }

    @Test func theCorrectionGuideReadsCleanAsACorrectionOfOneModel() throws {
        let lint = GuideParser.lint(try String(contentsOf: Fixture.repository("guides/correction.md"), encoding: .utf8))
        #expect(lint.diagnostics.isEmpty, "\(lint.diagnostics.map(\.description))")
        let guide = try #require(lint.guide)
        #expect(guide.task == .text && guide.labels.isEmpty)
        #expect(guide.textQuestion?.text == TextQuestion(corrects: true, model: "borealis-13b"))
    }

    @Test func aPairwiseGuideMayEndWithAnOptionalNote() throws {
        let lint = GuideParser.lint("""
            ---
            name: judge
            task: pairwise
            labels:
              - {name: left, key: f, description: the left one}
              - {name: right, key: j, description: the right one}
            questions:
              - {id: winner, kind: pairwise}
              - {id: note, kind: text, optional: true, multiline: false}
            ---
            body
            """)
        #expect(lint.errors.isEmpty, "\(lint.errors.map(\.description))")
        let note = try #require(lint.guide?.textQuestion)
        #expect(note.id == "note" && note.optional && !note.text.multiline && !note.text.corrects)
        #expect(lint.guide?.asksSeveralQuestions == true)
    }

    static let broken: [(text: String, line: Int, column: Int, message: String)] = [
        ("---\nname: t\ntask: text\ncorrect: yes\n---\n", 4, 10, "\"correct\" is response"),
        ("---\nname: t\ntask: text\nresponse: m\n---\n", 4, 11, "give \"correct: response\" with it"),
        ("---\nname: t\ntask: text\nlabels:\n  - {name: a, key: a}\n---\n", 4, 1, "a text guide has no labels"),
        ("---\nname: t\ntask: text\nmultiline: maybe\n---\n", 4, 12, "\"multiline\" must be true or false"),
        ("---\nname: t\ntask: rating\ncriteria: [{name: q, scale: 3}]\ncorrect: response\n---\n", 5, 1,
         "\"correct\" is for text guides"),
        ("---\nname: t\ntask: text\nquestions:\n  - {id: a, kind: text}\n  - {id: b, kind: text}\n---\n", 5, 3,
         "a guide asks one text question; this one lists 2"),
        ("---\nname: t\ntask: text\nquestions:\n  - {id: q, kind: rating, criteria: [{name: q, scale: 3}]}\n---\n", 5, 3,
         "a text guide's questions need one question of kind text"),
        ("---\nname: t\ntask: text\nquestions:\n  - {id: a, kind: text, per: response}\n---\n", 5, 30,
         "a text question takes no \"per\""),
        ("---\nname: t\ntask: text\ncorrect: response\nquestions:\n  - {id: a, kind: text}\n---\n", 4, 1,
         "give \"correct\" inside the text question"),
    ]

    @Test(arguments: broken.indices)
    func brokenTextGuidesAreFoundAtTheirFault(_ index: Int) {
        let case_ = Self.broken[index]
        let lint = GuideParser.lint(case_.text)
        #expect(lint.guide == nil)
        let error = lint.errors.first { $0.message.contains(case_.message) }
        #expect(error != nil, "\(lint.errors.map(\.description))")
        #expect(error?.position == SourcePosition(line: case_.line, column: case_.column), "\(error?.description ?? "")")
    }
}
