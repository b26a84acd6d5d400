import GlossCore

/// Every key of the labeling screen with a one-line description: the one list the help
/// overlay (`?`), the README and the tests read.
public enum LabelerHelp {
    public enum Section: String, Sendable, CaseIterable {
        case labels = "Labels"
        case deciding = "Deciding"
        case moving = "Moving around"
        case spans = "Spans"
        case commands = "Command line"
    }

    public struct Entry: Sendable, Equatable {
        public var section: Section
        /// The key or keys as the annotator types them ("Enter", "Shift-← Shift-→", ":goto ID").
        public var keys: String
        /// What it does, one line.
        public var action: String

        public init(_ section: Section, _ keys: String, _ action: String) {
            self.section = section
            self.keys = keys
            self.action = action
        }
    }

    /// Stands for each of the guide's label keys in `table`; `NAME` in the action is the label.
    public static let labelKeyPlaceholder = "label key"

    /// The screen's own keys, in the order the help lists them; each task adds its own
    /// (`TaskAnswer.help`): those of a section come first in it, and `:confirm` is listed
    /// only where the task has confirm mode.
    public static let table: [Entry] = [
        Entry(.deciding, "Space", "accept the suggestion"),
        Entry(.deciding, "-", "skip the item"),
        Entry(.deciding, "!", "flag the item for review, with a note"),
        Entry(.deciding, ";", "add a comment to the item"),
        Entry(.deciding, "Backspace", "undo your last decision"),
        Entry(.moving, "[", "back in your history of decisions"),
        Entry(.moving, "]", "forward in your history, then the queue"),
        Entry(.moving, "/", "search the item texts"),
        Entry(.moving, "PgUp PgDn", "scroll the item (the guide when open)"),
        Entry(.moving, "Shift-↑ Shift-↓", "scroll the guide a line"),
        Entry(.moving, "Tab", "show or hide the guide"),
        Entry(.moving, "?", "show or hide this help"),
        Entry(.moving, "Esc", "close the help, the guide or a prompt"),
        Entry(.moving, ":", "open the command line"),
        Entry(.moving, "q", "quit (decisions are saved as you go)"),
        Entry(.commands, ":goto ID", "show the item with this dataset id"),
        Entry(.commands, ":next", "go to the next item of the queue"),
        Entry(.commands, ":label NAME", "pick a label by name (any label)"),
        Entry(.commands, ":order NAME", "serve items sequential, random, uncertain or confident"),
        Entry(.commands, confirmKeys, "confirm the model's surest items a screen at a time"),
        Entry(.commands, ":stats", "the team's statistics and agreement (Esc back)"),
        Entry(.commands, ":help", "show this help"),
        Entry(.commands, ":q", "quit"),
    ]

    static let confirmKeys = ":confirm"

    /// The entries for `guide` and its task's `answer`, the label key placeholder replaced
    /// by one entry per label (`:label NAME` for a label without a key).
    public static func entries(for guide: Guide, answer: any TaskAnswer) -> [Entry] {
        let own = table.filter { answer.confirmable || $0.keys != confirmKeys }
        let all = Section.allCases.flatMap { section in
            answer.help.filter { $0.section == section } + own.filter { $0.section == section }
        }
        return all.flatMap { entry -> [Entry] in
            guard entry.keys == labelKeyPlaceholder else { return [entry] }
            return guide.labels.map { label in
                let keys = label.key.map { String($0) } ?? ":label \(label.name)"
                let action = entry.action.replacingOccurrences(of: "NAME", with: label.name)
                return Entry(entry.section, keys, action)
            }
        }
    }

    /// The help as styled lines `width` columns wide: a title per section, then the keys
    /// (bold) in a column and their actions wrapped beside them.
    public static func lines(for guide: Guide, answer: any TaskAnswer, width: Int) -> [StyledLine] {
        let entries = entries(for: guide, answer: answer)
        let widest = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let column = min(widest + 2, max(4, width / 3))
        var out: [StyledLine] = []
        for section in Section.allCases {
            let rows = entries.filter { $0.section == section }
            guard !rows.isEmpty else { continue }
            if !out.isEmpty { out.append(StyledLine()) }
            out.append(StyledLine(runs: [StyledRun(section.rawValue, .heading)]))
            for entry in rows {
                let keyWidth = DisplayWidth.of(entry.keys)
                let indent = [StyledRun(String(repeating: " ", count: column))]
                if keyWidth > column - 1 {
                    out.append(StyledLine(runs: [StyledRun(entry.keys, .bold)]))
                    out += LineWrapper.wrap([StyledRun(entry.action)], width: width, firstPrefix: indent, indent: indent)
                } else {
                    let key = [StyledRun(entry.keys, .bold), StyledRun(String(repeating: " ", count: column - keyWidth))]
                    out += LineWrapper.wrap([StyledRun(entry.action)], width: width, firstPrefix: key, indent: indent)
                }
            }
        }
        return out
    }
}
