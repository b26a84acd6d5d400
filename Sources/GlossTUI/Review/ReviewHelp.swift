import GlossCore

/// The keys of the review screen: the one list the help overlay and the key bar read.
enum ReviewHelp {
    struct Row: Equatable {
        var keys: String
        var action: String
    }

    /// The rows of the help, with `n`, `p` and `u` listed only where they are not label keys.
    static func lines(_ guide: Guide) -> [Row] {
        var rows: [Row] = []
        if guide.task == .classify { rows.append(Row(keys: "label key", action: "make that label the final answer, then go on")) }
        rows += [
            Row(keys: "↑ ↓", action: "select a decision"),
            Row(keys: "Enter", action: "adopt the selected decision as the final answer"),
            Row(keys: alternatives("→", "n", guide), action: "next item, without adjudicating"),
            Row(keys: alternatives("←", "p", guide), action: "previous item"),
            Row(keys: alternatives("Backspace", "u", guide), action: "undo your last adjudication and go back to it"),
            Row(keys: "PgUp PgDn", action: "scroll the item text"),
            Row(keys: "?", action: "show or hide this help"),
            Row(keys: "q", action: "quit (adjudications are saved as you go)"),
        ]
        return rows
    }

    /// The key bar after the label chips: the longest form that fits `width` columns.
    static func keyBar(_ guide: Guide, width: Int) -> String {
        let forms = [
            ["↑↓ Enter adopt", alternatives("→", "n", guide) + " next", alternatives("←", "p", guide) + " prev",
             alternatives("⌫", "u", guide) + " undo", "? help", "q quit"].joined(separator: " · "),
            "↑↓ Enter adopt · →← move · ⌫ undo · ? help",
            "⌫ undo · ? help",
            "? help",
        ]
        return forms.first { screenWidth($0) <= width } ?? forms[forms.count - 1]
    }

    /// "→ n", or "→" alone when the letter picks a label of the guide.
    static func alternatives(_ named: String, _ letter: Character, _ guide: Guide) -> String {
        labelKey(letter, guide) == nil ? "\(named) \(letter)" : named
    }

    /// The label a key picks on the review screen: classify projects only (other tasks
    /// adopt a decision with Enter).
    static func labelKey(_ key: Character, _ guide: Guide) -> GuideLabel? {
        guide.task == .classify ? guide.label(forKey: key) : nil
    }
}
