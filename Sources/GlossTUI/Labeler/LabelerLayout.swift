import GlossCore
import GlossTerminal

/// Where each part of the labeling screen goes, from the terminal size, the guide's labels
/// and whether the guide pane is open. Pure and cheap (a few labels to measure), so the
/// view computes it every frame and `update` can ask it for page sizes and scroll limits.
///
/// ```
/// row 0            header (reverse bar)
/// row 1            item id and metadata (dim)
/// rows 2..         item text, the last row a scroll indicator when it does not fit
/// detailRow        suggestion, selection, comment
/// labelTop..       label bar (1 or 2 rows)
/// statusRow        status and "? help", or the prompt
/// ```
/// The guide pane sits right of a vertical border from 120 columns (rows 1 to the status
/// row), and covers the lower part of the item text below that.
struct LabelerLayout: Equatable {
    let width: Int
    let height: Int
    /// Below 40×12 nothing but a notice is drawn.
    let tooSmall: Bool
    /// Columns of the item pane, detail line and label bar (the whole width unless the
    /// guide pane is beside them).
    let mainWidth: Int
    /// Item text column and width (a one-column margin each side).
    let textX: Int
    let textWidth: Int
    let metaRow: Int
    let textTop: Int
    /// Rows for the item text (scroll indicator included), left free by the guide overlay.
    private(set) var textRows: Int
    /// Rows of the text editor's box below the item text (its title row included); 0 without one.
    let editorRows: Int
    let detailRow: Int
    let labelTop: Int
    let labelBar: LabelBarLayout
    let statusRow: Int
    /// The guide pane when it is open.
    let guide: GuidePaneLayout?

    init(width: Int, height: Int, guideVisible: Bool, labels: [GuideLabel], bars: Bool = false,
         editor: TextEditorBox? = nil) {
        self.width = width
        self.height = height
        tooSmall = Labeler.isTooSmall(width: width, height: height)
        let sideBySide = guideVisible && width >= Labeler.sideBySideWidth
        mainWidth = Self.mainWidth(width: width, guideVisible: guideVisible)
        textX = 1
        textWidth = max(1, mainWidth - 2)
        metaRow = 1
        textTop = 2
        statusRow = max(0, height - 1)
        labelBar = LabelBarLayout(labels: labels, width: mainWidth, bars: bars)
        labelTop = statusRow - labelBar.rows.count
        detailRow = labelTop - 1
        let itemRows = max(0, detailRow - textTop)
        if sideBySide {
            let x = mainWidth + 2
            guide = GuidePaneLayout(overlay: false, borderX: mainWidth, titleRow: 1, x: x,
                                    width: max(1, width - x - 1), top: 2, rows: max(0, statusRow - 2))
            textRows = itemRows
        } else if guideVisible {
            // Meta line and two text rows stay; the overlay takes about half the screen.
            let areaRows = detailRow - metaRow
            let overlay = max(2, min(max(height / 2, 5), areaRows - 3))
            let titleRow = detailRow - overlay
            guide = GuidePaneLayout(overlay: true, borderX: nil, titleRow: titleRow, x: 1,
                                    width: max(1, width - 2), top: titleRow + 1, rows: overlay - 1)
            textRows = max(0, titleRow - textTop)
        } else {
            guide = nil
            textRows = itemRows
        }
        // The editor takes the rows its text needs below the item, up to half of them.
        let editorWidth = max(1, mainWidth - 2)
        let rows = editor.map { EditorLayout($0.editor, width: editorWidth).rows.count + 1 } ?? 0
        editorRows = rows == 0 || textRows < 4 ? 0 : min(max(rows, 3), max(3, textRows / 2))
        textRows -= editorRows
    }

    /// Columns left of the guide pane: all of them unless the pane sits beside the item.
    static func mainWidth(width: Int, guideVisible: Bool) -> Int {
        guideVisible && width >= Labeler.sideBySideWidth ? width - width * 45 / 100 : width
    }

    /// The widths the item text and the guide are wrapped at, without laying out the rest.
    static func wrapWidths(width: Int, guideVisible: Bool) -> (text: Int, guide: Int) {
        let main = mainWidth(width: width, guideVisible: guideVisible)
        let sideBySide = main < width
        return (max(1, main - 2), sideBySide ? max(1, width - (main + 2) - 1) : max(1, width - 2))
    }

    init(_ state: LabelerState) {
        self.init(width: state.width, height: state.height, guideVisible: state.guideVisible,
                  labels: state.answer.value.barLabels(guide: state.guide) ?? state.guide.labels, bars: !Labeler.barProbabilities(state).isEmpty,
                  editor: state.item == nil ? nil : state.answer.value.textEditor)
    }

    /// Width the guide is rendered at (the pane's when open, the overlay's otherwise).
    var guideWidth: Int { guide?.width ?? max(1, width - 2) }

    /// The largest useful `itemScroll` for `lineCount` wrapped lines: once the text does not
    /// fit, the last row shows the indicator and `textRows - 1` lines are visible.
    func maxItemScroll(lineCount: Int) -> Int {
        lineCount <= textRows ? 0 : max(0, lineCount - max(1, textRows - 1))
    }

    /// Item text lines shown at once (what PgDn moves by).
    func itemPage(lineCount: Int) -> Int {
        lineCount <= textRows ? max(1, textRows) : max(1, textRows - 1)
    }
}

/// The guide pane: beside the item (with a vertical border) or an overlay with a top border.
struct GuidePaneLayout: Equatable {
    let overlay: Bool
    let borderX: Int?
    /// The row of the title (the overlay's top border).
    let titleRow: Int
    /// Where the guide's lines go.
    let x: Int
    let width: Int
    let top: Int
    let rows: Int
}

extension LabelerState {
    /// Rewraps the item text when the item or its width changed, and renders the guide when
    /// its pane is open at a width it was not rendered at (a no-op otherwise, so calling it
    /// after every message is cheap; a new item does not render the guide again).
    ///
    /// The item text is wrapped as `ItemTextWrapper` describes: as Screen will show it
    /// (control characters as visible escapes), each line keeping the exact scalar offsets
    /// it covers. The guide is rendered when its pane first opens and kept when it closes.
    public mutating func relayout() {
        let widths = LabelerLayout.wrapWidths(width: width, guideVisible: guideVisible)
        if layoutKey?.itemRowID != item?.rowID || layoutKey?.textWidth != widths.text {
            wrappedItem = item.map { ItemTextWrapper.wrap($0.text, width: widths.text) } ?? []
        }
        if layoutKey?.itemRowID != item?.rowID || layoutKey == nil {
            itemScalars = ScalarCheckpoints(text: item?.text ?? "")
        }
        // The task's own lines depend on its answer (sides, the diff) too, so they are laid
        // out again when it changes.
        if layoutKey?.itemRowID != item?.rowID || layoutKey?.textWidth != widths.text || layoutKey?.bodyAnswer != answer {
            itemBody = item.flatMap { answer.value.itemBody($0, guide: guide, width: widths.text) }
        }
        var guideWidth = layoutKey?.guideWidth
        let focus = answer.value.guideFocus(guide: guide)
        if guideVisible, guideWidth != widths.guide || layoutKey?.guideFocus != focus {
            let document = GuideDocument.markdown(guide, version: guideVersion)
            guideLines = MarkdownRenderer.render(focus.map { $0 + "\n\n---\n\n" + document } ?? document, width: widths.guide)
            guideWidth = widths.guide
            if layoutKey?.guideFocus != focus { guideScroll = 0 }
        }
        layoutKey = LayoutKey(itemRowID: item?.rowID, textWidth: widths.text, guideWidth: guideWidth, bodyAnswer: answer,
                              guideFocus: guideVisible ? focus : layoutKey?.guideFocus)
    }

    /// The largest `itemScroll` that still fills the item pane (0 when the text fits).
    public var maxItemScroll: Int { LabelerLayout(self).maxItemScroll(lineCount: itemLineCount) }

    /// The item pane's line count: the task's own lines, or the wrapped text's.
    public var itemLineCount: Int { itemBody?.count ?? wrappedItem.count }

    /// Item text lines a page (PgUp/PgDn) moves by.
    public var itemPageSize: Int { LabelerLayout(self).itemPage(lineCount: itemLineCount) }

    /// The largest `guideScroll` that still fills the guide pane (0 when it is closed).
    public var maxGuideScroll: Int {
        guard let pane = LabelerLayout(self).guide else { return 0 }
        return max(0, guideLines.count - pane.rows)
    }

    /// Guide lines a page moves by.
    public var guidePageSize: Int { max(1, LabelerLayout(self).guide?.rows ?? 1) }

    /// The largest scroll of the help overlay, and the lines a page moves by.
    public var maxHelpScroll: Int { HelpBox(self).maxScroll }
    public var helpPageSize: Int { max(1, HelpBox(self).innerRows) }
}
