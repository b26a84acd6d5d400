import Foundation
import GlossCore
import GlossTerminal

extension Labeler {
    /// Applies `message` to `state` and returns what the runtime must do. Pure.
    ///
    /// Keys go to whoever has the keyboard (`state.mode`): the labeling keys
    /// (LabelerUpdateKeys.swift), a prompt (LabelerUpdatePrompt.swift) or the help overlay.
    /// Every key counts as a keystroke of the item on screen and as active time, except
    /// gaps over a minute since the previous key, which count as idle. The layout caches
    /// are brought up to date (`relayout()`) after every message.
    ///
    /// The key map, in labeling mode:
    ///
    /// | Key                  | classify        | multilabel          | spans                       |
    /// |----------------------|-----------------|---------------------|-----------------------------|
    /// | label key (any case, Korean 2-set jamo too) | save the label | toggle the label | label the selection |
    /// | Enter                | the suggestion, else re-save the existing label | save the selection | save the spans |
    /// | Space                | accept the suggestion (all tasks)                                         |
    /// | `-` / `!` / `;`      | skip / flag with a note prompt / comment prompt (all tasks)               |
    /// | Backspace            | undo the last decision (all tasks)                                        |
    /// | `[` / `]`            | older / newer entry of the history (all tasks)                            |
    /// | `/` / `:` / `?`      | search prompt / command prompt / help (all tasks)                         |
    /// | Tab                  | open or close the guide, scrolled to the label under the cursor           |
    /// | ↑ ↓ PgUp PgDn wheel Home End | scroll the item text                                              |
    /// | Shift-↑ / Shift-↓    | scroll the guide pane one line (when it is open)                          |
    /// | ← → Shift-← Shift-→  | —               | —                   | move / grow the selection   |
    /// | `<` `,` / `>` `.`    | —               | —                   | selection start ∓1 / end ±1 |
    /// | Delete               | —               | —                   | remove the span at the cursor |
    /// | Esc                  | collapse a grown span selection; off the queue back to the queue; on it clear the multilabel selection |
    /// | `q`, Ctrl-C          | quit (Ctrl-C in every mode)                                               |
    public static func update(_ state: inout LabelerState, _ message: LabelerMessage) -> [LabelerEffect] {
        var effects: [LabelerEffect] = []
        if LabelerUpdate.answersWait(message) { state.waiting = nil }
        switch message {
        case .resize(let width, let height):
            state.width = width
            state.height = height
        case .tick(let time):
            state.now = time
            effects = LabelerUpdate.timers(&state, at: time)
            LabelerUpdate.showWait(&state, at: time)
        case .opened(let time):
            effects = LabelerUpdate.open(&state, at: time)
        case .loaded(let navigation):
            effects = LabelerUpdate.loaded(&state, navigation)
        case .notFound(let absence):
            LabelerUpdate.notFound(&state, absence)
        case .failed(let failure):
            LabelerUpdate.failed(&state, failure)
        case .suggested(let rowID, let suggestion):
            if state.awaitedSuggestion == rowID { state.awaitedSuggestion = nil }
            // The model's own suggestion wins; with none, a stored (imported) one stays.
            if state.item?.rowID == rowID, suggestion != nil || state.item?.suggestion?.source == nil {
                state.item?.suggestion = suggestion
            }
        case .modelReady:
            effects = LabelerUpdate.modelReady(&state)
        case .confirmLoaded(let batch):
            effects = LabelerUpdate.confirmLoaded(&state, batch)
        case .statsLoaded(let report):
            if case .stats = state.mode {
                state.mode = .stats(report, scroll: 0)
                state.status = StatusLine(LabelerUpdate.statsHint)
            }
        case .guidePublished(let publication):
            LabelerUpdate.guidePublished(&state, publication)
        case .textEdited(let result):
            effects = LabelerUpdate.textEdited(&state, result)
        case .key(let key, let time):
            LabelerUpdate.countKey(&state, at: time)
            effects = LabelerUpdate.renewClaims(&state, at: time) + LabelerUpdate.handle(&state, key, at: time)
            effects += LabelerUpdate.timers(&state, at: time)
        }
        LabelerUpdate.noteWaits(&state, effects, at: state.now)
        state.relayout()
        return effects
    }
}

/// The pieces of `Labeler.update`. A namespace of its own keeps these helpers out of
/// `LabelerState`'s members, which the view's files extend too.
enum LabelerUpdate {
    /// Gaps between keys longer than this count as idle, not as active time.
    static let idleGapMilliseconds = 60_000
    /// The longest text a prompt takes, in characters.
    static let promptLimit = 500
    /// Lines a mouse wheel step scrolls.
    static let wheelLines = 3

    // MARK: Messages

    /// Shows `item` (nil: none) as it came (`context`, at `time`) and resets everything
    /// measured or edited per item; asks the model for its suggestion on it.
    static func show(_ state: inout LabelerState, _ item: LabelerItem?, context: ItemContext, decided: Int?,
                     at time: Date) -> [LabelerEffect] {
        state.item = item
        state.context = context
        if let decided { state.decided = decided }
        state.now = time
        state.shownAt = time
        state.itemScroll = 0
        state.keystrokes = 0
        state.activeMilliseconds = 0
        state.lastActivity = time
        state.pendingComment = nonEmpty(item?.existing?.comment)
        // A prompt belongs to the item it was opened on; the help overlay stays open.
        if case .prompt = state.mode { state.mode = .labeling }
        state.answer = AnswerBox(state.answer.value.restarted(for: item, guide: state.guide, annotator: state.annotator))
        state.awaitedSuggestion = nil
        guard item != nil else { return [] }
        return askModel(&state)
    }

    /// Asks the model for the suggestion of the item on screen, when there is a model.
    static func askModel(_ state: inout LabelerState) -> [LabelerEffect] {
        guard state.model != .none, let item = state.item else { return [] }
        state.awaitedSuggestion = item.rowID
        return [.suggest(rowID: item.rowID, text: item.text)]
    }

    /// Counts a key of the item on screen: one more keystroke, and the time since the
    /// previous key as active time unless it is over a minute (or negative: a clock step).
    static func countKey(_ state: inout LabelerState, at time: Date) {
        state.now = time
        state.keystrokes += 1
        let gap = (time.timeIntervalSince(state.lastActivity) * 1000).rounded()
        if gap >= 0 && gap <= Double(idleGapMilliseconds) {
            state.activeMilliseconds += Int(gap)
        }
        state.lastActivity = time
    }

    /// Sends `key` to whoever has the keyboard. Ctrl-C quits from everywhere.
    static func handle(_ state: inout LabelerState, _ key: Key, at time: Date) -> [LabelerEffect] {
        // Esc then a key at once reads as Alt+key (`Key.alt`); where nothing types, it is the
        // two keys it was sent as (Esc closes the instructions, then `f` judges).
        if case .alt(let inner) = key, !takesAlt(state) {
            return handle(&state, .escape, at: time) + handle(&state, inner, at: time)
        }
        if let wait = state.waiting, let ignored = keyWhileWaiting(&state, wait, key, at: time) { return ignored }
        if let ignored = keyWhenTooSmall(&state, key) { return ignored }
        if key == .control("c") { return quit(&state) }
        switch state.mode {
        case .labeling:
            return labelingKey(&state, key, at: time)
        case .prompt(let prompt):
            return promptKey(&state, prompt, key, at: time)
        case .help(let scroll):
            helpKey(&state, scroll: scroll, key)
            return []
        case .confirm(let list):
            return confirmKey(&state, list, key, at: time)
        case .stats(let report, let scroll):
            return statsKey(&state, report, scroll: scroll, key)
        }
    }

    /// Whether Alt+key means something where the keys go now: in a prompt, or while the
    /// answer's line editor is typing.
    static func takesAlt(_ state: LabelerState) -> Bool {
        switch state.mode {
        case .prompt: true
        case .labeling: state.item != nil && state.answer.value.textEditor?.typing == true
        default: false
        }
    }

    // MARK: Shared helpers

    static func quit(_ state: inout LabelerState) -> [LabelerEffect] {
        state.quitting = true
        return [.quit]
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// Whether a key is `q` (either case, or the jamo on the `q` key of a Korean layout).
    static func isQuitKey(_ key: Key) -> Bool {
        if case .character(let character) = key.normalizedForLabels {
            return character == "q" || character == "Q"
        }
        return false
    }

    static func quoted(_ text: String, limit: Int = 30) -> String { StatusLine.quoted(text, limit: limit) }

    /// The status line when the queue is done and a key needs an item.
    static func queueDone(_ state: inout LabelerState) {
        if state.total == 0 {
            state.status = StatusLine("the project has no items; q to quit")
        } else {
            state.status = StatusLine((state.total == 1 ? "the 1 item is decided" : "all \(state.total) items are decided") + "; [ to review, q to quit")
        }
    }

    /// Saves `draft` and goes on to what follows it: after an earlier decision, the next
    /// newer one; while walking a browse list, its next entry; else the queue.
    static func save(_ state: inout LabelerState, _ draft: DecisionInput) -> [LabelerEffect] {
        if tooQuick(&state, at: draft.decidedAt) { return [] }
        if case .history(let id) = state.context { return [.save(draft, then: .history(after: id))] }
        guard var walk = state.browse else { return [.save(draft)] }
        guard let entry = walk.nextEntry else { return [.save(draft, then: .nothing)] }
        walk.position += 1
        state.browse = walk
        return [.save(draft, then: .item(rowID: entry.rowID))]
    }

    /// A decision on `item` as the keys so far measured it. `suggestionAccepted` is nil
    /// without a suggestion; otherwise `accepted` when given, else whether `value` says
    /// the same as the suggestion.
    static func draft(
        _ state: LabelerState, _ item: LabelerItem, kind: AnnotationKind, value: AnnotationValue?,
        note: String? = nil, accepted: Bool? = nil, at time: Date
    ) -> DecisionInput {
        let suggestion = item.suggestion?.value
        let suggestionAccepted: Bool? = suggestion.map { suggested in
            accepted ?? value.map { $0.saysTheSame(as: suggested) } ?? false
        }
        return DecisionInput(
            itemRowID: item.rowID, kind: kind, value: value, note: note,
            comment: state.pendingComment, guideVersion: state.guideVersion, shownAt: state.shownAt, decidedAt: time,
            activeMilliseconds: state.activeMilliseconds, keystrokes: state.keystrokes,
            suggestion: suggestion, suggestionAccepted: suggestionAccepted,
            replaces: item.existing?.annotationID
        )
    }
}
