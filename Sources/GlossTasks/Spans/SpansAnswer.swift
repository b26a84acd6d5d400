import GlossCore
import GlossTerminal
import GlossTUI

/// Spans on the labeling screen: the span editor of the item on screen (its current spans
/// restored); arrows move and grow the selection, a label key labels it, Enter saves.
struct SpansAnswer: TaskAnswer, Equatable {
    var editor: SpanEditor?

    func restarted(for item: LabelerItem?, guide: Guide) -> any TaskAnswer {
        guard let item else { return SpansAnswer() }
        var spans: [LabeledRange] = []
        if case .spans(let existing)? = item.existing?.value { spans = existing }
        return SpansAnswer(editor: SpanEditor(text: item.text, spans: spans))
    }

    mutating func choose(_ label: GuideLabel, on item: LabelerItem, guide: Guide) -> AnswerStep {
        guard editor != nil else { return .nothing }
        if editor!.label(label.name) {
            return .status(StatusLine("\(label.name): \(StatusLine.quoted(editor!.selectedText))"))
        }
        return .status(StatusLine("nothing to label: the selection is empty", isError: true))
    }

    /// Enter saves the spans, none included ("no entities").
    func submit(_ item: LabelerItem, guide: Guide) -> AnswerStep { .save(.spans(editor?.spans ?? [])) }

    /// ←/→ move, Shift-←/→ grow, `<` `,` `>` `.` nudge the selection's ends, Delete removes
    /// the span at the cursor.
    mutating func key(_ key: Key, on item: LabelerItem) -> AnswerStep? {
        guard var editor else { return nil }
        defer { self.editor = editor }
        let before = editor
        let stuck: String
        switch key {
        case .left: editor.moveLeft(); stuck = "at the first word"
        case .right: editor.moveRight(); stuck = "at the last word"
        case .shiftLeft: editor.extendLeft(); stuck = "the selection already starts at the first word"
        case .shiftRight: editor.extendRight(); stuck = "the selection already ends at the last word"
        case .character("<"): editor.nudgeStart(by: -1); stuck = "the selection starts at the beginning of the text"
        case .character(","): editor.nudgeStart(by: 1); stuck = "the selection cannot get shorter"
        case .character(">"): editor.nudgeEnd(by: 1); stuck = "the selection ends at the end of the text"
        case .character("."): editor.nudgeEnd(by: -1); stuck = "the selection cannot get shorter"
        case .delete:
            guard let removed = editor.removeSpanAtCursor() else {
                return .status(StatusLine("no span at the cursor", isError: true))
            }
            return .status(StatusLine("removed \(removed.label): \(StatusLine.quoted(editor.text(of: removed)))"))
        default:
            return nil
        }
        if editor == before { return .status(StatusLine(stuck)) }
        let selection = editor.selection
        let span = editor.spans.first { $0.range == selection }
        return .status(StatusLine(StatusLine.quoted(editor.selectedText) + (span.map { " · \($0.label)" } ?? "")))
    }

    /// A grown or nudged selection collapses to the cursor's word.
    mutating func escape(onQueue: Bool) -> AnswerStep? {
        guard var collapsed = editor else { return nil }
        collapsed.collapseSelection()
        guard collapsed != editor else { return nil }
        editor = collapsed
        return .status(StatusLine("selection reset to \(StatusLine.quoted(collapsed.selectedText))"))
    }

    /// The spans once any exist or the item had some (deleting them all is a choice: "no
    /// entities"); nil otherwise.
    func chosenValue(_ item: LabelerItem) -> AnnotationValue? {
        let spans = editor?.spans ?? []
        var hadSpans = false
        if case .spans(let existing)? = item.existing?.value { hadSpans = !existing.isEmpty }
        return spans.isEmpty && !hadSpans ? nil : .spans(spans)
    }

    /// Suggested spans clamped to the text and made non-overlapping, as the editor stores them.
    func accepting(_ suggestion: AnnotationValue, on item: LabelerItem) -> AnnotationValue {
        guard case .spans(let spans) = suggestion else { return suggestion }
        return .spans(SpanEditor(text: item.text, spans: spans).spans)
    }

    /// The label of the span at the cursor.
    func labelUnderCursor(_ item: LabelerItem) -> String? {
        guard let editor, let index = editor.spanIndexAtCursor else { return nil }
        return editor.spans[index].label
    }

    func describe(suggestion: AnnotationValue, guide: Guide) -> [DetailPiece] { SuggestionPieces.describe(suggestion) }

    /// `"Maria Lopez" 0–11 · on person · 2 spans`.
    func detail(guide: Guide) -> [DetailPiece] {
        guard let editor else { return [] }
        var pieces: [DetailPiece] = []
        if editor.selection.isEmpty {
            pieces.append(DetailPiece("no selection", .dim))
        } else {
            pieces.append(DetailPiece("\"\(truncated(editor.selectedText, to: 24))\"", .selection))
            pieces.append(DetailPiece(" \(editor.selection.lowerBound)–\(editor.selection.upperBound)", .dim))
        }
        if let index = editor.spanIndexAtCursor {
            let name = editor.spans[index].label
            pieces.append(DetailPiece(" · on ", .dim))
            pieces.append(DetailPiece(name, .spanAtCursor(name)))
        }
        let count = editor.spans.count
        pieces.append(DetailPiece(" · \(count) span\(count == 1 ? "" : "s")", .dim))
        return pieces
    }

    var highlights: TextHighlights? {
        editor.map { TextHighlights(ranges: $0.spans, cursor: $0.spanIndexAtCursor, selection: $0.selection) }
    }

    var confirmable: Bool { false }

    var help: [LabelerHelp.Entry] {
        [
            LabelerHelp.Entry(.labels, LabelerHelp.labelKeyPlaceholder, "label the selection NAME"),
            LabelerHelp.Entry(.deciding, "Enter", "save the spans and go on"),
            LabelerHelp.Entry(.spans, "← →", "move the cursor a token"),
            LabelerHelp.Entry(.spans, "Shift-← Shift-→", "grow the selection a token"),
            LabelerHelp.Entry(.spans, "<", "move the selection's start left"),
            LabelerHelp.Entry(.spans, ",", "move the selection's start right"),
            LabelerHelp.Entry(.spans, ">", "move the selection's end right"),
            LabelerHelp.Entry(.spans, ".", "move the selection's end left"),
            LabelerHelp.Entry(.spans, "Delete", "remove the span at the cursor"),
        ]
    }
}

extension LabelerState {
    /// Spans: the editor of the item's spans (nil for other tasks or with no item).
    public var spanEditor: SpanEditor? {
        get { (answer.value as? SpansAnswer)?.editor }
        set { if answer.value is SpansAnswer { answer = AnswerBox(SpansAnswer(editor: newValue)) } }
    }
}
