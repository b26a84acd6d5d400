import Foundation
import GlossCore
import GlossTerminal

/// `:order NAME` and confirm mode.
extension LabelerUpdate {
    static func changeOrder(_ state: inout LabelerState, _ argument: String) -> [LabelerEffect] {
        let names = ItemOrder.allCases.map(\.rawValue).joined(separator: ", ")
        guard let order = ItemOrder(rawValue: argument.lowercased()) else {
            let problem = argument.isEmpty ? "usage: order NAME" : "no order named \(quoted(argument))"
            state.status = StatusLine("\(problem); orders: \(names)", isError: true)
            return []
        }
        state.order = order
        state.status = StatusLine("order: \(order.rawValue), from the next item")
        return [.setOrder(order)]
    }

    /// Rows a confirm screen holds: those between its title line and the label bar.
    static func confirmRows(_ state: LabelerState) -> Int { max(1, LabelerLayout(state).labelTop - 2) }

    static func openConfirm(_ state: inout LabelerState) -> [LabelerEffect] {
        guard state.answer.value.confirmable else {
            state.status = StatusLine("confirm mode is for classify projects (this one is \(state.guide.task.rawValue))", isError: true)
            return []
        }
        state.status = StatusLine("loading the model's surest items…")
        return [.openConfirm(rows: confirmRows(state))]
    }

    /// The next screenful of confirm mode, after what the confirmed screen saved (the
    /// model learns each saved row); no rows closes confirm mode.
    static func confirmLoaded(_ state: inout LabelerState, _ batch: ConfirmBatch) -> [LabelerEffect] {
        var effects: [LabelerEffect] = []
        if case .confirm(let list) = state.mode, state.model != .none {
            for row in list.rows.prefix(batch.saved) {
                effects.append(.learn(rowID: row.rowID, text: row.text, value: .label(row.label)))
            }
        }
        if let decided = batch.decided { state.decided = decided }
        state.sessionDecisions += batch.saved
        let done = batch.saved > 0 ? "confirmed \(batch.saved) (\(batch.fixed) fixed)" : nil
        if batch.rows.isEmpty {
            if case .confirm = state.mode { state.mode = .labeling }
            state.status = done.map { StatusLine($0 + " · no more items to confirm yet") }
                ?? StatusLine("no items to confirm yet: the model needs more decisions", isError: true)
            return effects
        }
        state.mode = .confirm(ConfirmList(rows: batch.rows, openedAt: state.now))
        let keys = "↑↓ move · a label key fixes the row · Enter confirms the screen · Esc back"
        state.status = StatusLine([done, keys].compactMap { $0 }.joined(separator: " · "))
        return effects
    }

    /// ↑/↓ (and k/j when they are no label's key) move; a label key sets the row's label
    /// and moves down; Enter saves every row; Esc or q leaves without saving.
    static func confirmKey(_ state: inout LabelerState, _ list: ConfirmList, _ key: Key, at time: Date) -> [LabelerEffect] {
        var list = list
        switch key {
        case .up: list.cursor = max(0, list.cursor - 1)
        case .down: list.cursor = min(list.rows.count - 1, list.cursor + 1)
        case .home: list.cursor = 0
        case .end: list.cursor = list.rows.count - 1
        case .escape:
            state.mode = .labeling
            state.status = StatusLine("left confirm mode; nothing saved from it")
            return []
        case .enter:
            return confirmScreen(&state, list, at: time)
        case .character(let character):
            if let normalized = labelCharacter(character), let label = state.guide.label(forKey: normalized) {
                list.rows[list.cursor].label = label.name
                list.cursor = min(list.rows.count - 1, list.cursor + 1)
            } else if character == "j" {
                list.cursor = min(list.rows.count - 1, list.cursor + 1)
            } else if character == "k" {
                list.cursor = max(0, list.cursor - 1)
            } else if isQuitKey(key) {
                state.mode = .labeling
                state.status = StatusLine("left confirm mode; nothing saved from it")
                return []
            } else {
                state.status = StatusLine("no label on key \(character)", isError: true)
            }
        default:
            break
        }
        state.mode = .confirm(list)
        return []
    }

    private static func labelCharacter(_ character: Character) -> Character? {
        guard case .character(let normalized) = Key.character(character).normalizedForLabels else { return nil }
        return normalized
    }

    /// One decision per row, each with the model's suggestion; accepted unless fixed.
    static func confirmScreen(_ state: inout LabelerState, _ list: ConfirmList, at time: Date) -> [LabelerEffect] {
        let shown = time.timeIntervalSince(list.openedAt)
        if shown >= 0, shown < state.minimumLook {
            state.status = StatusLine("the list came on screen \(Int((shown * 1000).rounded())) ms ago: nothing saved; read it, then confirm",
                                      isError: true)
            return []
        }
        // The screen's time, shared by its rows (idle gaps over a minute left out, as per item).
        let elapsed = Int(time.timeIntervalSince(list.openedAt) * 1000)
        let each = max(0, min(elapsed, idleGapMilliseconds) / max(1, list.rows.count))
        let drafts = list.rows.map { row in
            DecisionInput(itemRowID: row.rowID, kind: .label, value: .label(row.label), shownAt: list.openedAt, decidedAt: time,
                          activeMilliseconds: each, keystrokes: 0, suggestion: row.suggestion.value,
                          suggestionAccepted: !row.isFixed)
        }
        let fixed = list.rows.filter(\.isFixed).count
        state.status = StatusLine("saving \(NumberText.counted(list.rows.count, "decision")) (\(fixed) fixed)…")
        state.mode = .confirm(list)
        return [.saveConfirmed(drafts)]
    }
}
