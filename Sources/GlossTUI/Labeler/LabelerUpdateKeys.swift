import Foundation
import GlossCore
import GlossTerminal

/// Labeling mode: the keys that label, navigate, scroll and edit spans.
extension LabelerUpdate {
    static func labelingKey(_ state: inout LabelerState, _ key: Key, at time: Date) -> [LabelerEffect] {
        if let effects = textKey(&state, key, at: time) { return effects }
        switch key {
        case .character(let character):
            return characterKey(&state, character, at: time)
        case .enter:
            return enter(&state, at: time)
        case .backspace:
            if let item = state.item {
                var answer = state.answer.value
                if let step = answer.stepBack() {
                    state.answer = AnswerBox(answer)
                    return apply(&state, step, item: item, at: time)
                }
            }
            return [.undo]
        case .escape:
            return escape(&state)
        case .tab:
            toggleGuide(&state)
        case .up:
            scrollItem(&state, by: -1)
        case .down:
            scrollItem(&state, by: 1)
        case .pageUp where state.guideVisible:
            scrollGuide(&state, by: -max(1, state.guidePageSize - 1))
        case .pageDown where state.guideVisible:
            scrollGuide(&state, by: max(1, state.guidePageSize - 1))
        case .pageUp:
            scrollItem(&state, by: -state.itemPageSize)
        case .pageDown:
            scrollItem(&state, by: state.itemPageSize)
        case .mouseWheelUp:
            scrollItem(&state, by: -wheelLines)
        case .mouseWheelDown:
            scrollItem(&state, by: wheelLines)
        case .home:
            scrollItem(&state, by: -state.itemScroll)
        case .end:
            scrollItem(&state, by: Int.max / 2)
        case .shiftUp:
            scrollGuide(&state, by: -1)
        case .shiftDown:
            scrollGuide(&state, by: 1)
        case .left, .right, .shiftLeft, .shiftRight, .delete:
            taskKey(&state, key)
        case .backTab, .function, .control, .unknown, .controlLeft, .controlRight, .alt:
            state.status = StatusLine("\(key.displayName) does nothing here; ? lists the keys")
        }
        return []
    }

    // MARK: Printable keys

    static func characterKey(_ state: inout LabelerState, _ character: Character, at time: Date) -> [LabelerEffect] {
        switch character {
        case " ":
            return acceptSuggestion(&state, at: time)
        case "-":
            guard let item = state.item else { queueDone(&state); return [] }
            return save(&state, draft(state, item, kind: .skip, value: nil, at: time))
        case "!":
            guard state.item != nil else { queueDone(&state); return [] }
            state.mode = .prompt(Prompt(.flagNote))
            state.status = StatusLine("flag for the lead: type a note (optional), Enter flags, Esc cancels")
        case ";":
            guard state.item != nil else { queueDone(&state); return [] }
            state.mode = .prompt(Prompt(.comment, text: state.pendingComment ?? ""))
            state.status = StatusLine("comment: saved with the decision; Enter keeps it, Esc cancels")
        case "[":
            return [.historyBack(before: historyID(state.context))]
        case "]":
            return historyForward(&state)
        case "/":
            state.mode = .prompt(Prompt(.search))
            state.status = StatusLine("search the item texts; Enter searches, Esc cancels")
        case ":":
            state.mode = .prompt(Prompt(.command))
            state.status = StatusLine("command: goto ID, label NAME, next, order NAME, confirm, help, quit")
        case "?":
            state.mode = .help(scroll: 0)
        case "<", ",", ">", ".":
            taskKey(&state, .character(character))
        default:
            if isQuitKey(.character(character)) { return quit(&state) }
            guard case .character(let normalized) = Key.character(character).normalizedForLabels else { return [] }
            // An answer given over several keys: each of them waits for the item's minimum look.
            if state.item != nil, state.answer.value.composesInSteps,
               state.guide.label(forKey: normalized) != nil || normalized.isWholeNumber, tooQuick(&state, at: time) {
                return []
            }
            if let label = state.guide.label(forKey: normalized) {
                return choose(&state, label, at: time)
            }
            if state.item == nil { queueDone(&state); return [] }
            // A letter no label has may be the task's own (the pairwise diff's `d`).
            if let item = state.item {
                var answer = state.answer.value
                if let step = answer.key(.character(normalized), on: item) {
                    state.answer = AnswerBox(answer)
                    return apply(&state, step, item: item, at: time)
                }
            }
            let shown = normalized == character ? "\(character)" : "\(character) (\(normalized))"
            state.status = StatusLine("no label on key \(shown)", isError: true)
        }
        return []
    }

    /// Acts on a label picked by its key or by `:label NAME`: the task decides what it does.
    static func choose(_ state: inout LabelerState, _ label: GuideLabel, at time: Date) -> [LabelerEffect] {
        guard let item = state.item else { queueDone(&state); return [] }
        let step = state.answer.value.choose(label, on: item, guide: state.guide)
        return apply(&state, step, item: item, at: time)
    }

    /// Carries out what the task's answer asked for: a save, or a status line.
    static func apply(_ state: inout LabelerState, _ step: AnswerStep, item: LabelerItem, at time: Date) -> [LabelerEffect] {
        switch step {
        case .save(let value, let accepted):
            return save(&state, draft(state, item, kind: .label, value: value, accepted: accepted, at: time))
        case .status(let line):
            state.status = line
            return []
        case .editExternally(let text):
            state.status = StatusLine("editing in $EDITOR…")
            return [.editText(text)]
        case .nothing:
            return []
        }
    }

    // MARK: Deciding

    /// What the annotator has chosen on the item so far, nil when nothing (the task says).
    static func chosenValue(_ state: LabelerState, _ item: LabelerItem) -> AnnotationValue? {
        state.answer.value.chosenValue(item)
    }

    /// Enter: with nothing chosen and a suggestion, the suggestion; else what the task
    /// makes of what is chosen.
    static func enter(_ state: inout LabelerState, at time: Date) -> [LabelerEffect] {
        guard let item = state.item else { queueDone(&state); return [] }
        if chosenValue(state, item) == nil, item.suggestion != nil { return acceptSuggestion(&state, at: time) }
        return apply(&state, state.answer.value.submit(item, guide: state.guide), item: item, at: time)
    }

    /// Saves the item's suggestion as it is (made valid for the item by the task: spans
    /// clamped to the text and made non-overlapping, as the editor would store them).
    static func acceptSuggestion(_ state: inout LabelerState, at time: Date) -> [LabelerEffect] {
        guard let item = state.item else { queueDone(&state); return [] }
        guard let suggestion = item.suggestion else {
            state.status = StatusLine("no suggestion to accept")
            return []
        }
        let value = state.answer.value.accepting(suggestion.value, on: item)
        return save(&state, draft(state, item, kind: .label, value: value, accepted: true, at: time))
    }

    // MARK: Navigation

    static func historyID(_ context: ItemContext) -> Int64? {
        if case .history(let id) = context { return id }
        return nil
    }

    static func historyForward(_ state: inout LabelerState) -> [LabelerEffect] {
        switch state.context {
        case .history(let id):
            return [.historyForward(after: id)]
        case .queue:
            state.status = StatusLine("already at the newest item")
        case .jumped:
            state.status = StatusLine("this item was jumped to: [ goes to your history, Esc back to the queue")
        }
        return []
    }

    /// Backs out one level: first the guide's instructions shown at the start, then inside the task's answer (a grown span selection
    /// collapses; on the queue a multilabel selection is cleared), then an item off the
    /// queue (history, jump) gives way to the queue.
    static func escape(_ state: inout LabelerState) -> [LabelerEffect] {
        if state.instructions != nil {
            state.instructions = nil
            return []
        }
        if let step = state.answer.value.escape(onQueue: state.context == .queue) {
            if case .status(let line) = step { state.status = line }
            return []
        }
        if state.context != .queue { return state.browse == nil ? [.next] : showNextListed(&state, saved: nil, at: state.now) }
        state.status = StatusLine("nothing to cancel; q quits")
        return []
    }

    // MARK: Scrolling

    /// Scrolls the item text, no further than its last screenful (`update` has laid out
    /// the state after the previous message, so the limits are current).
    static func scrollItem(_ state: inout LabelerState, by delta: Int) {
        let scroll = min(max(state.itemScroll + delta, 0), state.maxItemScroll)
        if scroll == state.itemScroll {
            state.status = StatusLine(delta < 0 ? "at the top of the text" : "at the end of the text")
        }
        state.itemScroll = scroll
    }

    /// Scrolls the guide pane, when it is open, within the guide's lines.
    static func scrollGuide(_ state: inout LabelerState, by delta: Int) {
        guard state.guideVisible else {
            state.status = StatusLine("the guide is closed; Tab opens it")
            return
        }
        let scroll = min(max(state.guideScroll + delta, 0), state.maxGuideScroll)
        if scroll == state.guideScroll {
            state.status = StatusLine(delta < 0 ? "at the top of the guide" : "at the end of the guide")
        }
        state.guideScroll = scroll
    }

    /// Opens or closes the guide pane; opening scrolls it to the label under the cursor.
    static func toggleGuide(_ state: inout LabelerState) {
        state.guideVisible.toggle()
        guard state.guideVisible else {
            state.status = StatusLine("")
            return
        }
        state.relayout()
        state.guideScroll = min(labelUnderCursor(state).flatMap { guideLine(for: $0, in: state.guideLines) } ?? 0,
                                state.maxGuideScroll)
        state.status = StatusLine("guide: PgUp/PgDn or Shift-↑/↓ scroll it, Tab closes it")
    }

    /// The label the annotator is looking at (the task says: the span at the cursor, the
    /// last label turned on, the suggestion's or the decision's label).
    static func labelUnderCursor(_ state: LabelerState) -> String? {
        state.item.flatMap { state.answer.value.labelUnderCursor($0) }
    }

    /// The guide line about label `name`: its heading (`### \`name\``), else the first line
    /// mentioning it.
    static func guideLine(for name: String, in lines: [StyledLine]) -> Int? {
        let anchor = name.lowercased()
        return lines.firstIndex { $0.anchor == anchor } ?? lines.firstIndex { $0.plainText.contains(name) }
    }

    // MARK: The task's keys

    /// ←/→, Shift-←/→, `<` `,` `>` `.` and Delete: keys the task may use (spans move and
    /// grow the selection with them).
    static func taskKey(_ state: inout LabelerState, _ key: Key) {
        guard let item = state.item else { queueDone(&state); return }
        var answer = state.answer.value
        let step = answer.key(key, on: item)
        state.answer = AnswerBox(answer)
        switch step {
        case .status(let line)?: state.status = line
        case .save?, .nothing?, .editExternally?: break
        case nil: state.status = StatusLine("\(key.displayName) does nothing here; ? lists the keys")
        }
    }
}
