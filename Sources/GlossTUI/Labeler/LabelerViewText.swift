import GlossTerminal

extension Labeler {
    /// The text editor's box below the item: a title rule (reversed while typing), then the
    /// editor's rows, scrolled so the cursor's row shows; the cursor is a reversed cell
    /// (the terminal's own cursor stays hidden). Text is sanitized as item text is.
    static func drawTextEditor(_ box: TextEditorBox, x: Int, width: Int, top: Int, rows: Int, _ palette: Palette,
                               _ screen: inout Screen) {
        let title = " " + box.title + " "
        let rule = truncated(title, to: width)
        screen.put(rule + String(repeating: "─", count: max(0, width - screenWidth(rule))), x: x, y: top,
                   style: box.typing ? palette.headerStrong : palette.dim, maxWidth: width)
        let text = EditorLayout(box.editor, width: width)
        let visible = max(1, rows - 1)
        let first = max(0, text.cursorRow - (visible - 1))
        for (index, row) in text.rows[first..<min(text.rows.count, first + visible)].enumerated() {
            screen.put(row.text, x: x, y: top + 1 + index, maxWidth: width)
        }
        guard box.typing else { return }
        let cursor = box.editor.cursor
        let under = cursor < box.editor.characters.count && box.editor.characters[cursor] != "\n"
            ? String(box.editor.characters[cursor]) : " "
        screen.put(under, x: x + min(text.cursorColumn, width - 1), y: top + 1 + text.cursorRow - first,
                   style: palette.cursor, maxWidth: 2)
    }
}
