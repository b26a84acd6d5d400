import Foundation
import GlossCore
import Testing

/// The fixtures in Tests/Fixtures, found from this file's path.
enum Fixture {
    static func url(_ name: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func repository(_ path: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(path)
    }
}

@Suite("Guide parsing and lint")
struct GuideParserTests {
    /// Each broken guide and the one error it must produce, at the position of the fault.
    static let broken: [(file: String, line: Int, column: Int, message: String)] = [
        ("yaml-syntax.md", 7, 22, "YAML syntax: mapping values are not allowed"),
        ("missing-task.md", 10, 1, "has no \"task\""),
        ("unknown-task.md", 3, 7, "unknown task \"tagging\""),
        ("no-labels.md", 4, 9, "\"labels\" must be a non-empty list"),
        ("duplicate-name.md", 11, 11, "the label name \"Positive\" is used twice (first on line 5)"),
        ("duplicate-key.md", 12, 10, "the key 'P' of \"neutral\" is already the key of \"positive\""),
        ("reserved-key.md", 12, 10, "the key 'q' of \"quiet\" is reserved by the labeler (quit)"),
        ("punctuation-key.md", 12, 10, "the key '?' of \"unsure\" is reserved by the labeler (help)"),
        ("multichar-key.md", 12, 10, "the key \"neu\" of \"neutral\" must be a single character"),
        ("unknown-example-label.md", 13, 12, "the example refers to an unknown label \"neutral\""),
        ("unknown-reference.md", 15, 32, "refers to a label `neutral` that is not in its labels"),
        ("no-front-matter.md", 1, 1, "a guide starts with YAML front matter"),
        ("unclosed-front-matter.md", 1, 1, "never closed"),
    ]

    @Test(arguments: broken)
    func eachBrokenGuideHasItsErrorWhereTheFaultIs(_ expected: (file: String, line: Int, column: Int, message: String)) throws {
        let lint = GuideParser.lint(try Fixture.text("broken-guides/\(expected.file)"))
        #expect(!lint.isClean)
        #expect(lint.guide == nil)
        let errors = lint.errors
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.position == SourcePosition(line: expected.line, column: expected.column), "\(error)")
        #expect(error.message.contains(expected.message), "\(error.message)")
    }

    @Test func everyBrokenFixtureIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.url("broken-guides").path).filter { $0.hasSuffix(".md") }
        #expect(Set(files) == Set(Self.broken.map(\.file)))
    }

    @Test func warningsDoNotFailTheLint() throws {
        let lint = GuideParser.lint(try Fixture.text("warnings-only.md"))
        #expect(lint.isClean)
        #expect(lint.errors.isEmpty)
        let messages = lint.warnings.map(\.message)
        #expect(messages.contains { $0.contains("37 labels but only 35 single keys") })
        #expect(messages.contains { $0.contains("longer than 32 columns") })
        #expect(messages.contains { $0.contains("\"undescribed\" has no description") })
        #expect(messages.contains { $0.contains("\"overflow\" has no key") })
        #expect(lint.guide?.labels.count == 37)
        #expect(lint.guide?.label(named: "overflow")?.key == nil)
    }

    @Test func aCleanGuideIsRead() throws {
        let text = """
            ---
            name: Sentiment
            task: multilabel
            instructions: >-
              Read the whole text.
              Then decide.
            labels:
              - name: positive
                key: P
                description: Praise.
                color: Green
                examples: ["Lovely!", {text: "Great stuff", label: positive}]
              - name: 긍정적
                key: "7"
                description: 한국어 레이블.
            ---
            # Body

            Label it `positive` when the text praises; `긍정적` 레이블도 있습니다.
            ```
            label it `not-a-label` inside code is fine
            ```
            """
        let lint = GuideParser.lint(text)
        #expect(lint.diagnostics.isEmpty, "\(lint.diagnostics)")
        let guide = try #require(lint.guide)
        #expect(guide.name == "Sentiment" && guide.task == .multilabel)
        #expect(guide.instructions == "Read the whole text. Then decide.")
        #expect(guide.labels.map(\.name) == ["positive", "긍정적"])
        #expect(guide.label(forKey: "p")?.name == "positive")
        #expect(guide.label(forKey: "7")?.name == "긍정적")
        #expect(guide.labels[0].color == "green")
        #expect(guide.labels[0].examples == ["Lovely!", "Great stuff"])
        #expect(guide.bodyLine == 17)
        #expect(guide.body.hasPrefix("# Body"))
        #expect(guide.text == text)
    }

    @Test func crlfAndBOMAreAccepted() {
        let text = "\u{FEFF}---\r\nname: X\r\ntask: spans\r\nlabels:\r\n  - name: person\r\n    key: p\r\n    description: A person.\r\n---\r\nBody\r\n"
        let lint = GuideParser.lint(text)
        #expect(lint.isClean, "\(lint.diagnostics)")
        #expect(lint.guide?.task == .spans)
    }

    @Test func diagnosticsFormatAsFileLineColumn() {
        let d = GuideDiagnostic(.warning, SourcePosition(line: 3, column: 9), "careful \u{1B}[2J")
        #expect(d.formatted(file: "g.md") == "g.md:3:9: warning: careful \\u{1B}[2J")
    }

    @Test func koreanReferencesAreChecked() {
        let text = "---\nname: K\ntask: classify\nlabels:\n  - name: 긍정\n    key: p\n    description: 좋다.\n---\n`부정`으로 레이블하세요. `삼성전자`는 예시입니다.\n"
        let lint = GuideParser.lint(text)
        #expect(lint.errors.map(\.position) == [SourcePosition(line: 9, column: 1)])
    }

    @Test func theSampleGuidesLintClean() throws {
        let dir = Fixture.repository("guides")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".md") }
        #expect(!files.isEmpty)
        for file in files {
            let lint = GuideParser.lint(try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8))
            #expect(lint.isClean && lint.warnings.isEmpty, "\(file): \(lint.diagnostics)")
        }
    }
}

@Suite("Labeler keys and label changes")
struct GuideChangeTests {
    @Test func reservedKeysAndLabelKeys() {
        #expect(LabelerKeys.purpose(of: "q") == "quit")
        #expect(LabelerKeys.purpose(of: "Q") == "quit")
        #expect(LabelerKeys.purpose(of: "-") == "skip the item")
        #expect(LabelerKeys.isLabelKey("a") && LabelerKeys.isLabelKey("Z") && LabelerKeys.isLabelKey("0"))
        #expect(!LabelerKeys.isLabelKey("q") && !LabelerKeys.isLabelKey("é") && !LabelerKeys.isLabelKey("@") && !LabelerKeys.isLabelKey("ㅎ"))
        let free = "abcdefghijklmnopqrstuvwxyz0123456789".filter { LabelerKeys.isLabelKey($0) }
        #expect(free.count == LabelerKeys.availableKeyCount)
    }

    func guide(_ labels: [GuideLabel], task: TaskType = .classify) -> Guide {
        Guide(name: "G", task: task, labels: labels, instructions: nil, body: "", bodyLine: 1, text: "")
    }

    @Test func summarizesAddedRemovedRenamedAndChangedLabels() {
        let old = guide([
            GuideLabel(name: "pos", key: "p", description: "Praise."),
            GuideLabel(name: "neg", key: "n", description: "Criticism."),
            GuideLabel(name: "meh", key: "m", description: "Neither."),
            GuideLabel(name: "spam", key: "s", description: "Ads."),
        ])
        let new = guide([
            GuideLabel(name: "positive", key: "p", description: "Praise."),
            GuideLabel(name: "neg", key: "x", description: "Criticism of the subject."),
            GuideLabel(name: "mixed", key: "k", description: "Both."),
        ], task: .multilabel)
        let changes = GuideChanges.between(old, new)
        #expect(changes.labels.contains(.renamed(from: "pos", to: "positive")))
        #expect(changes.labels.contains(.removed("meh")))
        #expect(changes.labels.contains(.removed("spam")))
        #expect(changes.labels.contains(.added("mixed")))
        #expect(changes.labels.contains(.keyChanged(label: "neg", from: "n", to: "x")))
        #expect(changes.labels.contains(.descriptionChanged(label: "neg", from: "Criticism.", to: "Criticism of the subject.")))
        #expect(Set(changes.labels.compactMap(\.orphanedLabel)) == ["pos", "meh", "spam"])
        #expect(changes.summary.first == "task changed from classify to multilabel")
    }

    @Test func identicalGuidesHaveNoChanges() {
        let g = guide([GuideLabel(name: "a", key: "a", description: "A.", examples: ["x"])])
        #expect(GuideChanges.between(g, g).summary.isEmpty)
    }
}
