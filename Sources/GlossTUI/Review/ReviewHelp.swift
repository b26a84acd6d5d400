import GlossCore

/// The keys of the review screen: the one list the help overlay and the key bar read.
enum ReviewHelp {
    struct Row: Equatable {
        var keys: String
        var action: String
    }

    /// The rows of the help, with `n`, `p` and `u` listed only where they are not label keys.
    static func lines(_ state: ReviewState) -> [Row] {
        let guide = state.guide
        var rows: [Row] = []
        if state.labelKeysDecide { rows.append(Row(keys: "label key", action: "make that label the final answer, then go on")) }
        rows += [
            Row(keys: "↑ ↓", action: "select a decision"),
            Row(keys: "Enter", action: "adopt the selected decision as the final answer"),
        ]
        if state.guide.task == .text {
            rows.append(Row(keys: "e", action: "write the final text anew from the selected one (Enter adjudicates, Esc cancels)"))
        }
        rows += [
            Row(keys: alternatives("→", "n", state), action: "next item, without adjudicating"),
            Row(keys: alternatives("←", "p", state), action: "previous item"),
            Row(keys: alternatives("Backspace", "u", state), action: "undo your last adjudication and go back to it"),
            Row(keys: "PgUp PgDn", action: "scroll the item text"),
            Row(keys: "?", action: "show or hide this help"),
            Row(keys: "q", action: "quit (adjudications are saved as you go)"),
        ]
        return rows
    }

    /// The key bar after the label chips: the longest form that fits `width` columns.
    static func keyBar(_ state: ReviewState, width: Int) -> String {
        let adopt: [String] = state.guide.task == .text ? ["↑↓ Enter adopt", "e write anew"] : ["↑↓ Enter adopt"]
        let forms = [
            (adopt + [alternatives("→", "n", state) + " next", alternatives("←", "p", state) + " prev",
             alternatives("⌫", "u", state) + " undo", "? help", "q quit"]).joined(separator: " · "),
            "↑↓ Enter adopt · →← move · ⌫ undo · ? help",
            "⌫ undo · ? help",
            "? help",
        ]
        return forms.first { screenWidth($0) <= width } ?? forms[forms.count - 1]
    }

    /// "→ n", or "→" alone when the letter picks a label of the guide.
    static func alternatives(_ named: String, _ letter: Character, _ state: ReviewState) -> String {
        labelKey(letter, state) == nil ? "\(named) \(letter)" : named
    }

    /// The label a key picks on the review screen, where the task decides by label keys
    /// (classify; other tasks adopt a decision with Enter).
    static func labelKey(_ key: Character, _ state: ReviewState) -> GuideLabel? {
        state.labelKeysDecide ? state.guide.label(forKey: key) : nil
    }
}
