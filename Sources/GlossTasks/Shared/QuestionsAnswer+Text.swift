import GlossCore
import GlossTerminal
import GlossTUI

/// The text question of a guide, asked with the line editor: a free answer starts empty, a
/// correction starts from the response it corrects (an item decided before: from the text
/// saved then). Enter saves the text (an empty one skips an optional question and is
/// refused otherwise), Alt-Enter breaks the line, F2 or Ctrl-X Ctrl-E opens `$EDITOR` on
/// it, Esc leaves the editor so the labeler's keys work (`i` types again).
extension QuestionsAnswer {
    /// The editor and what it edits, kept with the answer.
    struct TextState: Equatable {
        /// What a correction starts from: the response's text and its model (nil: the item text).
        var original: String?
        var model: String?
        /// Why the item cannot be corrected (the guide's model has no response in it).
        var problem: String?
        /// The text saved on the item before, where the editor starts instead.
        var saved: String?
        var editor: LineEditor?
        var typing = true
        /// Ctrl-X was pressed: Ctrl-E now opens `$EDITOR`.
        var pendingCtrlX = false
        /// The models are hidden from the judge (a pairwise guide): titles do not name them.
        var blind = false
    }

    /// Finds what the guide's text question edits on `item`, and opens the editor when the
    /// text is the first question.
    mutating func prepareText(for item: LabelerItem?, guide: Guide) {
        guard let question = guide.textQuestion, let item else { return }
        text.blind = guide.task == .pairwise
        if case .answers(let answers)? = item.existing?.value, item.existing?.kind == .label { text.saved = answers.text?.text }
        if question.text.corrects {
            if let parts = item.parts, !parts.responses.isEmpty {
                if let response = question.text.model.map(parts.response(of:)) ?? parts.responses.first {
                    text.original = response.text
                    text.model = response.model
                } else {
                    text.problem = "item #\(item.externalID) has no response of \(question.text.model ?? "")"
                        + " to correct; - skips it"
                }
            } else {
                text.original = item.text
            }
        }
        openTextIfAsked()
    }

    /// Opens the editor when the current question is the text (with `start`, else the saved
    /// text, the original or nothing; the cursor at the start, to read it through, except
    /// on a text typed before and stepped back to).
    mutating func openTextIfAsked(start: String? = nil) {
        guard case .text(let index)? = current, text.editor == nil, text.problem == nil else { return }
        let initial = start ?? text.saved ?? text.original ?? ""
        text.editor = LineEditor(initial, multiline: questions[index].text.multiline, cursorAtStart: start == nil)
        text.typing = true
    }

    var textEditor: TextEditorBox? {
        guard case .text(let index)? = current, let editor = text.editor else { return nil }
        let question = questions[index]
        var title = question.text.corrects ? "correct the response" + (text.blind ? "" : text.model.map { " of \($0)" } ?? "")
                                           : "type your answer (\(question.id))"
        title += text.typing ? " · Enter saves" + (editor.multiline ? " · Alt-Enter new line" : "") + " · F2 $EDITOR · Esc leaves"
                             : " · i types · Enter saves"
        return TextEditorBox(title: title, editor: editor, typing: text.typing)
    }

    /// A key while the text is asked: the editor's keys while typing, Enter, `i` after Esc.
    mutating func textKey(_ key: Key, on item: LabelerItem) -> AnswerStep? {
        if let problem = text.problem { return .status(StatusLine(problem, isError: true)) }
        guard var editor = text.editor else { return nil }
        if key == .enter { return answerText() }
        guard text.typing else {
            if case .character(let character) = key, character == "i" || character == "I" {
                text.typing = true
                return .status(StatusLine("typing: Enter saves · Esc leaves the text"))
            }
            return nil
        }
        if key == .function(2) || (text.pendingCtrlX && key == .control("e")) {
            text.pendingCtrlX = false
            return .editExternally(editor.text)
        }
        if key == .control("x") {
            text.pendingCtrlX = true
            return .status(StatusLine("Ctrl-X: Ctrl-E edits the text in $EDITOR"))
        }
        text.pendingCtrlX = false
        let outcome = editor.handle(key)
        text.editor = editor
        switch outcome {
        case .edited, .moved: return .status(StatusLine(""))
        case .nothing: return .nothing
        case .notMine: return nil
        }
    }

    /// Enter on the text: the answer given (an empty optional one skipped), then the next
    /// question or the save.
    mutating func answerText() -> AnswerStep {
        guard case .text(let index)? = current, let editor = text.editor else { return .nothing }
        let typed = editor.text
        if typed.allSatisfy(\.isWhitespace) {
            guard questions[index].optional else {
                return .status(StatusLine("the text is empty: type the answer first (- skips the item)", isError: true))
            }
            given.append(.skipped)
        } else {
            given.append(.text(typed))
        }
        text.editor = nil
        return advanced(guide: nil)
    }

    /// `$EDITOR`'s text replaces the editor's (undo brings the old one back); a failure keeps it.
    mutating func edited(_ result: ExternalEdit) -> AnswerStep? {
        guard var editor = text.editor else { return nil }
        switch result {
        case .text(let edited):
            editor.replaceAll(with: edited.hasSuffix("\n") ? String(edited.dropLast()) : edited)
            text.editor = editor
            text.typing = true
            return .status(StatusLine("the text from $EDITOR is in the editor; Enter saves, Ctrl-Z undoes"))
        case .failed(let reason):
            return .status(StatusLine(reason + "; the text is as it was", isError: true))
        }
    }

    /// Esc while typing: leaves the editor, keeping the text.
    mutating func leaveText() -> AnswerStep? {
        guard text.editor != nil, text.typing else { return nil }
        text.typing = false
        text.pendingCtrlX = false
        return .status(StatusLine("left the text (kept): i types again, Enter saves, - skips, q quits"))
    }

    /// The value's text answer for what was typed on the text question.
    func typedText(_ typed: String) -> TypedText {
        guard let original = text.original else { return TypedText(typed) }
        return .correcting(original, model: text.model, into: typed)
    }

    static let textHelp = [
        LabelerHelp.Entry(.deciding, "Enter", "save the text (empty: skip an optional question)"),
        LabelerHelp.Entry(.deciding, "Alt-Enter", "a new line in the text"),
        LabelerHelp.Entry(.deciding, "F2, Ctrl-X Ctrl-E", "edit the text in $EDITOR (else vi)"),
        LabelerHelp.Entry(.moving, "← → Alt-B Alt-F Ctrl-← Ctrl-→", "move by character and by word"),
        LabelerHelp.Entry(.moving, "Home End Ctrl-A Ctrl-E ↑ ↓", "line start and end, the line above and below"),
        LabelerHelp.Entry(.deciding, "Backspace Delete Ctrl-W Ctrl-U Ctrl-K", "delete a character, a word, to the line's start or end"),
        LabelerHelp.Entry(.deciding, "Ctrl-Z Ctrl-_", "undo the last edit (again: the one before)"),
        LabelerHelp.Entry(.moving, "Esc / i", "leave the text for the labeler's keys / type again"),
    ]
}
