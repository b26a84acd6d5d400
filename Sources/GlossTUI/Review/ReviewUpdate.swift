import Foundation
import GlossCore
import GlossTerminal

/// What `Review.update` reacts to: keys and resizes, and the runtime's replies to effects.
public enum ReviewMessage: Sendable, Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Time passed with no key (nothing on this screen depends on it).
    case tick
    /// The adjudication `.adjudicate` stored.
    case adjudicated(Adjudication)
    /// What `.undo` did (nil: the reviewer had nothing to undo).
    case undone(AdjudicationUndo?)
    /// An effect failed; the status line shows the sentence.
    case failed(String)
}

/// What `Review.update` asks the effect handler to do (for the reviewer and project it was
/// opened for); each store effect is answered by one message.
public enum ReviewEffect: Sendable, Equatable {
    /// Store `value` as the final answer on the item (one transaction), answered by `.adjudicated`.
    case adjudicate(itemRowID: Int64, value: AnnotationValue)
    /// Undo the reviewer's last adjudication, answered by `.undone`.
    case undo
    case quit
}

extension Review {
    /// Applies `message` to `state` and returns the effects to run. Pure.
    ///
    /// | Key | Does |
    /// |-----|------|
    /// | a label key (classify) | the label is the final answer |
    /// | ↑ / ↓, Enter | select a decision; its value is the final answer (every task) |
    /// | → or `n`, ← or `p` | next / previous item without adjudicating |
    /// | Backspace or `u` | undo the last adjudication and go back to its item |
    /// | PgUp / PgDn | scroll the item text |
    /// | `?` | help; `q` or Ctrl-C quits |
    ///
    /// On classify projects the guide's label keys come first: where `n`, `p` or `u` is a
    /// label key it picks the label, and the arrows and Backspace move and undo. Other tasks
    /// adopt decisions with Enter only, so there `n`, `p` and `u` always move and undo.
    public static func update(_ state: inout ReviewState, _ message: ReviewMessage) -> [ReviewEffect] {
        var effects: [ReviewEffect] = []
        switch message {
        case .resize(let width, let height):
            state.width = width
            state.height = height
        case .tick:
            break
        case .failed(let text):
            state.status = StatusLine(text, isError: true)
        case .adjudicated(let adjudication):
            if let index = state.entries.firstIndex(where: { $0.itemRowID == adjudication.itemRowID }) {
                state.entries[index].adjudication = adjudication
                if index == state.position { move(&state, to: index + 1) }
            }
            state.adjudicated += 1
            state.status = StatusLine("adjudicated #\(adjudication.externalID) · \(adjudication.value.summary)")
        case .undone(let undo):
            guard let undo else {
                state.status = StatusLine("nothing to undo: you have no adjudication in this project", isError: true)
                break
            }
            state.undone += 1
            let restored = undo.restored.map { "back to \($0.value.summary) by \($0.reviewer)" } ?? "no final answer now"
            state.status = StatusLine("undone #\(undo.undone.externalID) · \(undo.undone.value.summary) · \(restored)")
            if let index = state.entries.firstIndex(where: { $0.itemRowID == undo.undone.itemRowID }) {
                state.entries[index].adjudication = undo.restored
                move(&state, to: index)
            }
        case .key(let key):
            effects = handle(&state, key)
        }
        state.relayout()
        return effects
    }

    static func handle(_ state: inout ReviewState, _ key: Key) -> [ReviewEffect] {
        // Esc then a key at once reads as Alt+key; only the text editor has a use for it.
        if case .alt(let inner) = key, state.editor == nil {
            return handle(&state, .escape) + handle(&state, inner)
        }
        if key == .control("c") || key == .character("q") || key == .character("Q") {
            state.quitting = true
            return [.quit]
        }
        if state.helpVisible {
            state.helpVisible = false
            return []
        }
        if state.editor != nil { return editorKey(&state, key) }
        if let entry = state.current {
            var task = state.task.value
            if let step = task.key(key.normalizedForLabels, on: entry) {
                state.task = TaskReviewBox(task)
                switch step {
                case .adjudicate(let value): return [.adjudicate(itemRowID: entry.itemRowID, value: value)]
                case .status(let line): state.status = line
                }
                return []
            }
        }
        if case .character(let character) = key.normalizedForLabels, let label = ReviewHelp.labelKey(character, state) {
            return pick(&state, label)
        }
        switch key {
        case .character("?"):
            state.helpVisible = true
        case .right, .character("n"):
            move(&state, to: min(state.entries.count, state.position + 1))
            state.status = StatusLine(state.current == nil ? "" : "skipped without adjudicating")
        case .left, .character("p"):
            move(&state, to: max(0, state.position - 1))
            state.status = StatusLine("")
        case .backspace, .character("u"):
            return [.undo]
        case .up:
            state.cursor = max(0, state.cursor - 1)
        case .down:
            state.cursor = min(max(0, (state.current?.decisions.count ?? 0) - 1), state.cursor + 1)
        case .pageDown:
            state.itemScroll = min(max(0, state.wrappedItem.count - 1), state.itemScroll + max(1, ReviewLayout(state).textRows))
        case .pageUp:
            state.itemScroll = max(0, state.itemScroll - max(1, ReviewLayout(state).textRows))
        case .enter:
            return adopt(&state)
        case .character("e") where state.current.flatMap({ state.task.value.textToEdit(on: $0, selected: state.cursor) }) != nil:
            let text = state.current.flatMap { state.task.value.textToEdit(on: $0, selected: state.cursor) } ?? ""
            state.editor = LineEditor(text, cursorAtStart: true)
            state.status = StatusLine("write the final text: Enter adjudicates it, Alt-Enter new line, Esc cancels")
        case .character(let character) where state.guide.label(forKey: character) != nil:
            state.status = StatusLine("\(state.guide.task.rawValue): select a decision with ↑/↓ and press Enter to adopt it", isError: true)
        default:
            state.status = StatusLine("\(key.displayName) does nothing here · ? lists the keys", isError: true)
        }
        return []
    }

    /// A key while the final text is written: the line editor's, Enter adjudicates the text,
    /// Esc puts it away.
    static func editorKey(_ state: inout ReviewState, _ key: Key) -> [ReviewEffect] {
        guard var editor = state.editor, let entry = state.current else {
            state.editor = nil
            return []
        }
        switch key {
        case .escape:
            state.editor = nil
            state.status = StatusLine("not adjudicated: the text is put away")
        case .enter:
            guard let value = state.task.value.rewritten(editor.text, on: entry, selected: state.cursor) else {
                state.status = StatusLine("the text is empty: write the final answer, or Esc", isError: true)
                return []
            }
            state.editor = nil
            return [.adjudicate(itemRowID: entry.itemRowID, value: value)]
        default:
            if editor.handle(key) == .notMine {
                state.status = StatusLine("\(key.displayName) does nothing while writing; Enter adjudicates, Esc cancels")
            }
            state.editor = editor
        }
        return []
    }

    /// A label key: the final answer the task makes of it (classify: the label; pairwise:
    /// the outcome on the pair of the selected decision).
    static func pick(_ state: inout ReviewState, _ label: GuideLabel) -> [ReviewEffect] {
        guard let entry = state.current else {
            state.status = StatusLine("no item on screen: ← goes back, q quits", isError: true)
            return []
        }
        guard let value = state.task.value.judgment(for: label, on: entry, selected: state.cursor) else {
            state.status = StatusLine("\(label.name) cannot judge this item anew: select a decision with ↑/↓ and press Enter to adopt it",
                                      isError: true)
            return []
        }
        return [.adjudicate(itemRowID: entry.itemRowID, value: value)]
    }

    /// Enter: the selected decision's value is the final answer.
    static func adopt(_ state: inout ReviewState) -> [ReviewEffect] {
        guard let entry = state.current, entry.decisions.indices.contains(state.cursor) else {
            state.status = StatusLine("no decision selected", isError: true)
            return []
        }
        let decision = entry.decisions[state.cursor]
        guard decision.kind == .label, let value = decision.value else {
            state.status = StatusLine("that decision is a \(decision.kind.rawValue), not an answer; pick another", isError: true)
            return []
        }
        return [.adjudicate(itemRowID: entry.itemRowID, value: value)]
    }

    static func move(_ state: inout ReviewState, to position: Int) {
        state.editor = nil
        state.position = position
        state.cursor = 0
        state.itemScroll = 0
    }
}
