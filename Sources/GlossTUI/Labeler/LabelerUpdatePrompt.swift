import Foundation
import GlossCore
import GlossTerminal

/// Prompts (`:` command, `/` search, `!` flag note, `;` comment) and the help overlay.
extension LabelerUpdate {
    // MARK: Prompts

    /// The line editor's keys edit the text (Hangul as typed: no jamo mapping here; ← →,
    /// word moves, Home/End, Ctrl-W/U/K, Delete, Ctrl-Z undo); Backspace on an empty prompt
    /// cancels it, as Esc does; Enter submits; other keys are ignored.
    static func promptKey(_ state: inout LabelerState, _ prompt: Prompt, _ key: Key, at time: Date) -> [LabelerEffect] {
        var prompt = prompt
        switch key {
        case .character:
            guard prompt.text.count < promptLimit else {
                state.status = StatusLine("the prompt is full (\(promptLimit) characters)", isError: true)
                return []
            }
            _ = prompt.editor.handle(key)
        case .backspace where prompt.editor.isEmpty, .escape:
            cancelPrompt(&state)
            return []
        case .enter:
            state.mode = .labeling
            return submit(&state, prompt, at: time)
        default:
            _ = prompt.editor.handle(key)
        }
        state.mode = .prompt(prompt)
        return []
    }

    static func cancelPrompt(_ state: inout LabelerState) {
        state.mode = .labeling
        state.status = StatusLine("")
    }

    /// Acts on a prompt's text, trimmed of white space at both ends.
    static func submit(_ state: inout LabelerState, _ prompt: Prompt, at time: Date) -> [LabelerEffect] {
        let text = prompt.text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch prompt.kind {
        case .command:
            return command(&state, text, at: time)
        case .search:
            guard !text.isEmpty else {
                state.status = StatusLine("")
                return []
            }
            state.status = StatusLine("searching for \(quoted(text))")
            return [.search(text, after: state.item?.rowID)]
        case .flagNote:
            guard let item = state.item else { queueDone(&state); return [] }
            return save(&state, draft(state, item, kind: .flag, value: nil, note: nonEmpty(text), at: time))
        case .comment:
            let had = state.pendingComment != nil
            state.pendingComment = nonEmpty(text)
            if state.pendingComment != nil {
                state.status = StatusLine("comment added")
            } else {
                state.status = StatusLine(had ? "comment removed" : "")
            }
            return []
        }
    }

    /// The commands of the `:` prompt. The command word is case-insensitive; its
    /// argument (an item id, a label name) is the rest of the text as typed.
    static func command(_ state: inout LabelerState, _ text: String, at time: Date) -> [LabelerEffect] {
        guard !text.isEmpty else {
            state.status = StatusLine("")
            return []
        }
        let word: String, argument: String
        if let space = text.firstIndex(where: \.isWhitespace) {
            word = String(text[..<space])
            argument = text[space...].trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            word = text
            argument = ""
        }
        switch word.lowercased() {
        case "goto", "g":
            guard !argument.isEmpty else {
                state.status = StatusLine("usage: goto ID (the item's id in the dataset)", isError: true)
                return []
            }
            state.status = StatusLine("going to \(quoted(argument))")
            return [.goto(argument)]
        case "help", "h":
            state.mode = .help(scroll: 0)
            state.status = StatusLine("")
            return []
        case "q", "quit":
            return quit(&state)
        case "next":
            return state.browse == nil ? [.next] : showNextListed(&state, saved: nil, at: time)
        case "order":
            return changeOrder(&state, argument)
        case "confirm":
            return openConfirm(&state)
        case "stats":
            state.mode = .stats(nil, scroll: 0)
            state.status = StatusLine("computing the project's statistics…")
            return [.loadStats]
        case "label":
            guard !argument.isEmpty else {
                state.status = StatusLine("usage: label NAME", isError: true)
                return []
            }
            let label = state.guide.label(named: argument)
                ?? state.guide.labels.first { $0.name.lowercased() == argument.lowercased() }
            guard let label else {
                let names = state.guide.labels.map(\.name).joined(separator: ", ")
                state.status = StatusLine("no label named \(quoted(argument)); labels: \(names)", isError: true)
                return []
            }
            return choose(&state, label, at: time)
        default:
            state.status = StatusLine("unknown command: \(word) (:help lists them)", isError: true)
            return []
        }
    }

    // MARK: Help

    static func closeHelp(_ state: inout LabelerState) {
        state.mode = .labeling
        if state.status.text == helpHint { state.status = StatusLine("") }
    }

    static let helpHint = "Esc, ? or q closes the help"

    /// ↑/↓ one line, PgUp/PgDn a page, the wheel three lines, Home to the top; Esc, `?`
    /// or `q` close the overlay (`q` does not quit here). The view clamps the bottom.
    static func helpKey(_ state: inout LabelerState, scroll: Int, _ key: Key) {
        let page = state.helpPageSize
        var delta = 0
        switch key {
        case .escape, .character("?"):
            closeHelp(&state)
            return
        case _ where isQuitKey(key):
            closeHelp(&state)
            return
        case .up: delta = -1
        case .down: delta = 1
        case .pageUp: delta = -page
        case .pageDown: delta = page
        case .mouseWheelUp: delta = -wheelLines
        case .mouseWheelDown: delta = wheelLines
        case .home: delta = -scroll
        default:
            state.status = StatusLine(helpHint)
            return
        }
        state.mode = .help(scroll: min(max(0, scroll + delta), state.maxHelpScroll))
    }
}
