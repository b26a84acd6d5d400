/// The text being typed for an item, as the labeling screen shows it: a box below the item
/// titled with what is asked (`correct the response of atlas-7b`), the editor's rows and
/// its cursor. While `typing`, the answer takes every key but the screen's own few (Tab,
/// PgUp/PgDn, Shift-↑/↓, Ctrl-C); after Esc the labeler's keys work again.
public struct TextEditorBox: Sendable, Equatable {
    public var title: String
    public var editor: LineEditor
    public var typing: Bool
    public init(title: String, editor: LineEditor, typing: Bool) {
        self.title = title
        self.editor = editor
        self.typing = typing
    }
}

/// What `$EDITOR` gave back: the edited text, or why there is none (the editor failed or
/// could not start; the text in the line editor stays as it was).
public enum ExternalEdit: Sendable, Equatable {
    case text(String)
    case failed(String)
}
