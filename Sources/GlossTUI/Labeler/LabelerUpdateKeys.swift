import Foundation
import GlossCore
import GlossTerminal

/// Labeling mode: the keys that label, navigate, scroll and edit spans.
extension LabelerUpdate {
    static func labelingKey(_ state: inout LabelerState, _ key: Key, at time: Date) -> [LabelerEffect] {
        switch key {
        case .character(let character):
            return characterKey(&state, character, at: time)
        case .enter:
            return enter(&state, at: time)
        case .backspace:
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
            spanKey(&state, key)
        case .backTab, .function, .control, .unknown:
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
            spanKey(&state, .character(character))
        default:
            if isQuitKey(.character(character)) { return quit(&state) }
            guard case .character(let normalized) = Key.character(character).normalizedForLabels else { return [] }
            if let label = state.guide.label(forKey: normalized) {
                return choose(&state, label, at: time)
            }
            if state.item == nil { queueDone(&state); return [] }
            let shown = normalized == character ? "\(character)" : "\(character) (\(normalized))"
            state.status = StatusLine("no label on key \(shown)", isError: true)
        }
        return []
    }

    /// Acts on a label picked by its key or by `:label NAME`.
    static func choose(_ state: inout LabelerState, _ label: GuideLabel, at time: Date) -> [LabelerEffect] {
        guard let item = state.item else { queueDone(&state); return [] }
        switch state.guide.task {
        case .classify:
            return save(&state, draft(state, item, kind: .label, value: .label(label.name), at: time))
        case .multilabel:
            var chosen = Set(state.selectedLabels)
            let on = !chosen.contains(label.name)
            if on { chosen.insert(label.name) } else { chosen.remove(label.name) }
            state.selectedLabels = inGuideOrder(Array(chosen), state.guide)
            let rest = state.selectedLabels.isEmpty
                ? "nothing selected"
                : "Enter saves \(state.selectedLabels.joined(separator: ", "))"
            state.status = StatusLine("\(label.name) \(on ? "on" : "off") · \(rest)")
        case .spans:
            guard var editor = state.spanEditor else { return [] }
            if editor.label(label.name) {
                state.status = StatusLine("\(label.name): \(quoted(editor.selectedText))")
            } else {
                state.status = StatusLine("nothing to label: the selection is empty", isError: true)
            }
            state.spanEditor = editor
        }
        return []
    }

    // MARK: Deciding

    /// What the annotator has chosen on the item so far, nil when nothing: classify, the
    /// existing label; multilabel, the selection; spans, the spans once any exist or the
    /// item had some (so deleting them all is a choice: "no entities").
    static func chosenValue(_ state: LabelerState, _ item: LabelerItem) -> AnnotationValue? {
        switch state.guide.task {
        case .classify:
            if item.existing?.kind == .label, case .label(let name)? = item.existing?.value { return .label(name) }
            return nil
        case .multilabel:
            return state.selectedLabels.isEmpty ? nil : .labels(state.selectedLabels)
        case .spans:
            let spans = state.spanEditor?.spans ?? []
            var hadSpans = false
            if case .spans(let existing)? = item.existing?.value { hadSpans = !existing.isEmpty }
            return spans.isEmpty && !hadSpans ? nil : .spans(spans)
        }
    }

    static func enter(_ state: inout LabelerState, at time: Date) -> [LabelerEffect] {
        guard let item = state.item else { queueDone(&state); return [] }
        let chosen = chosenValue(state, item)
        if chosen == nil, item.suggestion != nil { return acceptSuggestion(&state, at: time) }
        switch state.guide.task {
        case .classify:
            if let chosen { return save(&state, draft(state, item, kind: .label, value: chosen, at: time)) }
            let keys = state.guide.labels.compactMap { label in label.key.map { "\($0) \(label.name)" } }
            state.status = StatusLine(keys.isEmpty
                ? "press a label key, or :label NAME"
                : "press a label key: " + keys.joined(separator: " · "))
        case .multilabel:
            guard let chosen else {
                state.status = StatusLine("choose at least one label, or - to skip", isError: true)
                return []
            }
            return save(&state, draft(state, item, kind: .label, value: chosen, at: time))
        case .spans:
            let spans = state.spanEditor?.spans ?? []
            return save(&state, draft(state, item, kind: .label, value: .spans(spans), at: time))
        }
        return []
    }

    /// Saves the item's suggestion as it is (spans clamped to the text and made
    /// non-overlapping, as the editor would store them).
    static func acceptSuggestion(_ state: inout LabelerState, at time: Date) -> [LabelerEffect] {
        guard let item = state.item else { queueDone(&state); return [] }
        guard let suggestion = item.suggestion else {
            state.status = StatusLine("no suggestion to accept")
            return []
        }
        var value = suggestion.value
        if case .spans(let spans) = value {
            value = .spans(SpanEditor(text: item.text, spans: spans).spans)
        }
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

    /// Backs out one level: a grown or nudged span selection collapses to the cursor's
    /// word; an item off the queue (history, jump) gives way to the queue; on the queue a
    /// multilabel selection is cleared.
    static func escape(_ state: inout LabelerState) -> [LabelerEffect] {
        if let editor = state.spanEditor {
            var collapsed = editor
            collapsed.collapseSelection()
            if collapsed != editor {
                state.spanEditor = collapsed
                state.status = StatusLine("selection reset to \(quoted(collapsed.selectedText))")
                return []
            }
        }
        if state.context != .queue { return state.browse == nil ? [.next] : showNextListed(&state, saved: nil, at: state.now) }
        if state.guide.task == .multilabel && !state.selectedLabels.isEmpty {
            state.selectedLabels = []
            state.status = StatusLine("selection cleared")
            return []
        }
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

    /// The label the annotator is looking at: spans, the span at the selection; multilabel,
    /// the last label of the selection (else the suggestion's, else the existing
    /// decision's); classify, the suggestion's label, else the existing decision's.
    static func labelUnderCursor(_ state: LabelerState) -> String? {
        guard let item = state.item else { return nil }
        switch state.guide.task {
        case .spans:
            guard let editor = state.spanEditor, let index = editor.spanIndexAtCursor else { return nil }
            return editor.spans[index].label
        case .multilabel:
            return state.selectedLabels.last
                ?? item.suggestion?.value.labelNames.first
                ?? item.existing?.value?.labelNames.first
        case .classify:
            return item.suggestion?.value.labelNames.first ?? item.existing?.value?.labelNames.first
        }
    }

    /// The guide line about label `name`: its heading (`### \`name\``), else the first line
    /// mentioning it.
    static func guideLine(for name: String, in lines: [StyledLine]) -> Int? {
        let anchor = name.lowercased()
        return lines.firstIndex { $0.anchor == anchor } ?? lines.firstIndex { $0.plainText.contains(name) }
    }

    // MARK: Spans

    /// ←/→, Shift-←/→, `<` `,` `>` `.` and Delete: the span editor's keys.
    static func spanKey(_ state: inout LabelerState, _ key: Key) {
        guard state.item != nil else { queueDone(&state); return }
        guard var editor = state.spanEditor else {
            let what = key == .delete ? "Delete removes spans" : "\(key.displayName) edits spans"
            state.status = StatusLine("\(what) in span tasks only; ? lists the keys")
            return
        }
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
            if let removed = editor.removeSpanAtCursor() {
                state.spanEditor = editor
                state.status = StatusLine("removed \(removed.label): \(quoted(editor.text(of: removed)))")
            } else {
                state.status = StatusLine("no span at the cursor", isError: true)
            }
            return
        default:
            return
        }
        state.spanEditor = editor
        if editor == before {
            state.status = StatusLine(stuck)
            return
        }
        let selection = editor.selection
        let span = editor.spans.first { $0.range == selection }
        state.status = StatusLine(quoted(editor.selectedText) + (span.map { " · \($0.label)" } ?? ""))
    }
}
