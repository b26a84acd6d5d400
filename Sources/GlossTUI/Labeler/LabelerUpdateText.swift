import Foundation
import GlossCore
import GlossTerminal

/// Keys while the answer's line editor is open (a text question): typing goes to the
/// editor, and only the screen's own few keys stay the screen's.
extension LabelerUpdate {
    /// The key's effects when the text answer takes it; nil when the labeling keys do.
    /// While typing, every key but Tab, PgUp/PgDn, Shift-↑/↓, the wheel and Esc (which the
    /// answer's `escape` handles: it leaves the text) goes to the answer; a key it has no use
    /// for is said to do nothing, never taken as a labeling key. After Esc only Enter goes
    /// to the answer (it saves the text); `i` types again.
    static func textKey(_ state: inout LabelerState, _ key: Key, at time: Date) -> [LabelerEffect]? {
        guard let item = state.item, let box = state.answer.value.textEditor else { return nil }
        switch key {
        case .tab, .pageUp, .pageDown, .shiftUp, .shiftDown, .mouseWheelUp, .mouseWheelDown, .escape:
            return nil
        case .enter:
            break
        default:
            guard box.typing else { return nil }
        }
        // The first key typed puts the guide's opening instructions away (they cover the editor).
        if box.typing { state.instructions = nil }
        var answer = state.answer.value
        guard let step = answer.key(key, on: item) else {
            if !box.typing { return nil }
            state.status = StatusLine("\(key.displayName) does nothing while typing; Esc leaves the text, ? lists the keys")
            return []
        }
        state.answer = AnswerBox(answer)
        return apply(&state, step, item: item, at: time)
    }

    /// `$EDITOR` came back: the answer takes the text (or says why there is none).
    static func textEdited(_ state: inout LabelerState, _ result: ExternalEdit) -> [LabelerEffect] {
        guard let item = state.item else { return [] }
        var answer = state.answer.value
        guard let step = answer.edited(result) else { return [] }
        state.answer = AnswerBox(answer)
        return apply(&state, step, item: item, at: state.now)
    }
}
