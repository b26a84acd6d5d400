import GlossCore
import GlossTerminal

extension Labeler {
    /// Draws `state` into a screen of `state.width`×`state.height`. Pure.
    ///
    /// Reads the layout caches (`wrappedItem`, `guideLines`) that `relayout()` fills; with
    /// stale or missing caches it still draws within the screen, only with the old lines.
    /// Scroll positions out of range are clamped here, so any state draws.
    public static func view(_ state: LabelerState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        let layout = LabelerLayout(state)
        if layout.tooSmall {
            drawTooSmall(&screen)
            return screen
        }
        let palette = Palette(colors: state.colors)
        drawHeader(state, layout, palette, &screen)
        if case .stats(let report, let scroll) = state.mode {
            drawStats(report, scroll: scroll, layout, palette, &screen)
            drawStatus(state, layout, palette, &screen)
            return screen
        } else if case .confirm(let list) = state.mode {
            drawConfirm(state, list, layout, palette, &screen)
        } else {
            drawItemPane(state, layout, palette, &screen)
            drawDetailLine(state, layout, palette, &screen)
        }
        drawLabelBar(state, layout, palette, &screen)
        if let pane = layout.guide { drawGuidePane(state, pane, palette, &screen) }
        if case .help(let scroll) = state.mode { drawHelp(state, scroll: scroll, palette, &screen) }
        if case .prompt(let prompt) = state.mode {
            drawPrompt(prompt, row: layout.statusRow, palette, &screen)
        } else {
            drawStatus(state, layout, palette, &screen)
        }
        return screen
    }

    /// "terminal too small (W×H); needs at least 40×12", wrapped and centered.
    static func drawTooSmall(_ screen: inout Screen) {
        let message = "terminal too small (\(screen.width)×\(screen.height)); "
            + "needs at least \(minimumWidth)×\(minimumHeight)"
        let lines = LineWrapper.wrap([StyledRun(message)], width: max(1, screen.width)).map(\.plainText)
        let top = max(0, (screen.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (screen.width - DisplayWidth.of(line)) / 2)
            screen.put(line, x: x, y: top + index, style: CellStyle(bold: true))
        }
    }
}

/// The styles of the screen, with colors or (monochrome) with attributes only.
struct Palette {
    let colors: Bool

    var header: CellStyle { CellStyle(reverse: true) }
    var headerStrong: CellStyle { CellStyle(bold: true, reverse: true) }
    var dim: CellStyle { CellStyle(dim: true) }
    var bold: CellStyle { CellStyle(bold: true) }
    var border: CellStyle { CellStyle(dim: true) }
    var title: CellStyle { CellStyle(bold: true) }
    var hint: CellStyle { CellStyle(dim: true) }
    var error: CellStyle {
        colors ? CellStyle(foreground: .red, bold: true) : CellStyle(bold: true, reverse: true)
    }
    var cursor: CellStyle { CellStyle(reverse: true) }

    /// A guide label's color, or nil (the terminal's default) without colors or a color name.
    func color(of label: GuideLabel?) -> TerminalColor? {
        guard colors, let name = label?.color else { return nil }
        return TerminalColor(name: name)
    }

    /// A label's name as text (chips, suggestion): its color, or plain.
    /// The style of a piece of the detail line, by what it means.
    func style(_ piece: DetailPiece, _ guide: Guide) -> (String, CellStyle) {
        let style = switch piece.look {
        case .plain: CellStyle()
        case .dim: dim
        case .label(let name): label(name.flatMap { guide.label(named: $0) })
        case .selection: cursor
        case .spanAtCursor(let name): span(name.flatMap { guide.label(named: $0) }, atCursor: true)
        }
        return (piece.text, style)
    }

    func label(_ label: GuideLabel?) -> CellStyle { CellStyle(foreground: color(of: label)) }

    /// A labeled span in the item text: the label's color and underline, or (monochrome)
    /// bold and underline; the span under the cursor is bold in color too.
    func span(_ label: GuideLabel?, atCursor: Bool) -> CellStyle {
        let color = color(of: label)
        return CellStyle(foreground: color, bold: color == nil || atCursor, underline: true)
    }

    /// Guide and help lines: Markdown styles to cell attributes.
    func text(_ style: TextStyle) -> CellStyle {
        var cell = CellStyle()
        if style.contains(.heading) || style.contains(.bold) { cell.bold = true }
        if style.contains(.italic) { cell.italic = true }
        if style.contains(.code) {
            if colors { cell.foreground = .yellow } else { cell.underline = true }
        }
        if style.contains(.codeBlock) || style.contains(.dim) || style.contains(.quote) { cell.dim = true }
        if style.contains(.link) {
            cell.underline = true
            if colors { cell.foreground = .blue }
        }
        if style.contains(.listMarker) && colors { cell.foreground = .cyan }
        if style.contains(.heading) && colors { cell.foreground = .cyan }
        return cell
    }
}

extension Screen {
    /// Draws a styled line from column `x`, at most `maxWidth` columns.
    mutating func put(_ line: StyledLine, x: Int, y: Int, maxWidth: Int, palette: Palette) {
        var column = x
        for run in line.runs {
            let room = x + maxWidth - column
            if room <= 0 { break }
            column += put(run.text, x: column, y: y, style: palette.text(run.style), maxWidth: room)
        }
    }
}

/// Text cut to `maxWidth` display columns, ending in `…` when cut (sanitized first, so
/// it measures what the screen shows).
public func truncated(_ text: String, to maxWidth: Int) -> String {
    guard maxWidth > 0 else { return "" }
    if DisplayWidth.isPrintableASCII(text) {
        return text.utf8.count <= maxWidth ? text : String(text.prefix(maxWidth - 1)) + "…"
    }
    let shown = Screen.sanitized(text)
    if screenWidth(shown) <= maxWidth { return shown }
    var out = ""
    var used = 0
    for character in shown {
        let w = min(2, DisplayWidth.of(character))
        if used + w > maxWidth - 1 { break }
        out.append(character)
        used += w
    }
    return out + "…"
}

/// Display width as `Screen.put` counts it (sanitized, each cluster at most 2).
func screenWidth(_ text: String) -> Int {
    if DisplayWidth.isPrintableASCII(text) { return text.utf8.count }
    var total = 0
    for character in Screen.sanitized(text) { total += min(2, DisplayWidth.of(character)) }
    return total
}
