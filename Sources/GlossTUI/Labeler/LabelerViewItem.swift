import GlossCore
import GlossFormats
import GlossTerminal

extension Labeler {
    /// The item pane: a dim line with the item id and metadata, then the wrapped text from
    /// `itemScroll`, with a scroll indicator on its last row when the text does not fit.
    /// With no item: "All N items are decided." and what to do next.
    static func drawItemPane(_ state: LabelerState, _ layout: LabelerLayout, _ palette: Palette, _ screen: inout Screen) {
        guard let item = state.item else {
            drawQueueDone(state, layout, palette, &screen)
            return
        }
        if let banner = state.banner {
            screen.put(truncated(banner, to: layout.textWidth), x: layout.textX, y: layout.metaRow,
                       style: palette.headerStrong, maxWidth: layout.textWidth)
        } else {
            drawMetaLine(item, state.context, layout, palette, &screen)
        }
        if let box = state.answer.value.textEditor, layout.editorRows > 0 {
            drawTextEditor(box, x: layout.textX, width: layout.textWidth, top: layout.textTop + layout.textRows,
                           rows: layout.editorRows, palette, &screen)
        }
        if let body = state.itemBody {
            drawItemBody(body, state, layout, palette, &screen)
            return
        }
        let lines = state.wrappedItem
        let rows = layout.textRows
        guard rows > 0 else { return }
        let overflow = lines.count > rows
        let shownCount = overflow ? rows - 1 : lines.count
        let scroll = min(max(0, state.itemScroll), layout.maxItemScroll(lineCount: lines.count))
        let shown = Array(lines[min(scroll, lines.count)..<min(lines.count, scroll + shownCount)])
        let styler = SpanStyler(state, palette)
        let units = visibleUnits(of: item.text, lines: shown, checkpoints: state.itemScalars)
        for (index, line) in shown.enumerated() {
            drawTextLine(line, units: units[index], y: layout.textTop + index, layout, styler, &screen)
        }
        drawInstructions(state, layout, palette, below: overflow ? 1 : 0, &screen)
        guard overflow else { return }
        let below = lines.count - scroll - shownCount
        let indicator = scrollIndicator(below: below, above: scroll, width: layout.textWidth)
        screen.put(indicator, x: layout.textX, y: layout.textTop + rows - 1, style: palette.hint, maxWidth: layout.textWidth)
    }

    /// The task's own lines (pairwise), scrolled as text is, with the same indicator.
    static func drawItemBody(_ body: [ItemBodyLine], _ state: LabelerState, _ layout: LabelerLayout, _ palette: Palette,
                             _ screen: inout Screen) {
        let rows = layout.textRows
        guard rows > 0 else { return }
        let overflow = body.count > rows
        let shownCount = overflow ? rows - 1 : body.count
        let scroll = min(max(0, state.itemScroll), layout.maxItemScroll(lineCount: body.count))
        let right = layout.textX + layout.textWidth
        for (index, line) in body[min(scroll, body.count)..<min(body.count, scroll + shownCount)].enumerated() {
            for run in line.runs where layout.textX + run.x < right {
                screen.put(run.text, x: layout.textX + run.x, y: layout.textTop + index, style: palette.style(run.look),
                           maxWidth: right - layout.textX - run.x)
            }
        }
        drawInstructions(state, layout, palette, below: overflow ? 1 : 0, &screen)
        guard overflow else { return }
        let below = body.count - scroll - shownCount
        let indicator = scrollIndicator(below: below, above: scroll, width: layout.textWidth)
        screen.put(indicator, x: layout.textX, y: layout.textTop + rows - 1, style: palette.hint, maxWidth: layout.textWidth)
    }

    /// "↓ 12 more lines · PgDn   ↑ 3 above · PgUp", shorter forms when narrow.
    static func scrollIndicator(below: Int, above: Int, width: Int) -> String {
        func join(_ down: String, _ up: String) -> String {
            [below > 0 ? down : nil, above > 0 ? up : nil].compactMap { $0 }.joined(separator: "   ")
        }
        let s = below == 1 ? "" : "s"
        let forms = [
            join("↓ \(below) more line\(s) · PgDn", "↑ \(above) above · PgUp"),
            join("↓ \(below) more · PgDn", "↑ \(above) above"),
            join("↓ \(below) more", "↑ \(above) above"),
        ]
        return forms.first { screenWidth($0) <= width } ?? forms[forms.count - 1]
    }

    /// `#r001 · source: app-store · stars: 5`, dim, with where the item came from on the right.
    static func drawMetaLine(_ item: LabelerItem, _ context: ItemContext, _ layout: LabelerLayout,
                             _ palette: Palette, _ screen: inout Screen) {
        let tag: String? = switch context {
        case .queue: nil
        case .history: "history"
        case .jumped: "jumped"
        }
        var room = layout.textWidth
        if let tag, room - tag.count - 2 >= 20 {
            room -= tag.count + 2
            screen.put(tag, x: layout.textX + layout.textWidth - tag.count, y: layout.metaRow,
                       style: CellStyle(dim: true, reverse: true))
        }
        var text = "#" + item.externalID
        if let metadata = item.metadata {
            let parts = metadataParts(metadata) ?? [metadata]
            if !parts.isEmpty { text += " · " + parts.joined(separator: " · ") }
        }
        screen.put(truncated(text, to: room), x: layout.textX, y: layout.metaRow, style: palette.dim, maxWidth: room)
    }

    /// The members of a metadata object as `key: value` (strings decoded, other values as
    /// written), or nil when it is not one JSON object (or is too long to bother).
    static func metadataParts(_ json: String) -> [String]? {
        guard json.utf8.count <= 4096 else { return nil }
        let bytes = Array(json.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> [String]? in
            var scanner = JSONScanner(buffer)
            var parts: [String] = []
            do {
                try scanner.scanObjectMembers { member in
                    let rawKey = String(decoding: buffer[member.key], as: UTF8.self)
                    let key = (try? JSONString.decode(buffer, member.key, hasEscapes: member.keyHasEscapes)) ?? rawKey
                    var value = String(decoding: buffer[member.value], as: UTF8.self)
                    if value.hasPrefix("\"") {
                        value = (try? JSONString.decode(buffer, member.value, hasEscapes: value.contains("\\"))) ?? value
                    }
                    parts.append("\(key): \(value)")
                }
                try scanner.expectEnd()
            } catch {
                return nil
            }
            return parts
        }
    }

    /// The display units of each shown line, read from the text once (one walk to the
    /// first shown scalar), so drawing never depends on the length of what is above.
    static func visibleUnits(of text: String, lines: [WrappedLine], checkpoints: ScalarCheckpoints) -> [[DisplayUnit]] {
        guard let first = lines.first, let last = lines.last else { return [] }
        let low = first.scalarRange.lowerBound, high = max(low, last.scalarRange.upperBound)
        let scalars = text.unicodeScalars
        guard low >= 0, let start = checkpoints.index(ofScalar: low, in: text),
              let end = scalars.index(start, offsetBy: high - low, limitedBy: scalars.endIndex)
        else { return Array(repeating: [], count: lines.count) }
        let all = ItemTextWrapper.units(of: Substring(scalars[start..<end]), from: low)
        var out: [[DisplayUnit]] = []
        var next = 0
        for line in lines {
            var lineUnits: [DisplayUnit] = []
            while next < all.count && all[next].scalars.lowerBound < line.scalarRange.lowerBound { next += 1 }
            while next < all.count && all[next].scalars.upperBound <= line.scalarRange.upperBound {
                if all[next].kind != .newline { lineUnits.append(all[next]) }
                next += 1
            }
            out.append(lineUnits)
        }
        return out
    }

    /// One wrapped line, unit by unit in its style. If the units do not spell the line's
    /// text (a stale cache), the line's text is drawn plain instead.
    static func drawTextLine(_ line: WrappedLine, units: [DisplayUnit], y: Int, _ layout: LabelerLayout,
                             _ styler: SpanStyler, _ screen: inout Screen) {
        let right = layout.textX + layout.textWidth
        guard units.map(\.text).joined() == line.text else {
            screen.put(line.text, x: layout.textX, y: y, maxWidth: layout.textWidth)
            return
        }
        var x = layout.textX
        for unit in units where x < right {
            screen.put(unit.text, x: x, y: y, style: styler.style(for: unit.scalars), maxWidth: right - x)
            x += unit.width
        }
    }

    static func drawQueueDone(_ state: LabelerState, _ layout: LabelerLayout, _ palette: Palette, _ screen: inout Screen) {
        let lines: [(String, CellStyle)] = [
            (state.total == 1 ? "The 1 item is decided." : "All \(state.total) items are decided.", palette.bold),
            ("", CellStyle()),
            ("[ to review your decisions, q to quit", palette.hint),
        ]
        let top = layout.textTop + max(0, (layout.textRows - lines.count) / 2)
        for (index, (text, style)) in lines.enumerated() where index < layout.textRows {
            let shown = truncated(text, to: layout.textWidth)
            let x = layout.textX + max(0, (layout.textWidth - screenWidth(shown)) / 2)
            screen.put(shown, x: x, y: top + index, style: style, maxWidth: layout.textWidth)
        }
    }
}

/// The styles of the item text: the ranges the task marks (labeled spans) in their
/// label's style, the one at the cursor set apart, the selection reverse. Plain text when
/// the task marks nothing.
struct SpanStyler {
    let spans: [LabeledRange]
    let selection: Range<Int>
    let cursorSpan: Int?
    let styles: [CellStyle]
    let cursorStyles: [CellStyle]

    init(_ state: LabelerState, _ palette: Palette) {
        guard let marks = state.answer.value.highlights else {
            spans = []; selection = 0..<0; cursorSpan = nil; styles = []; cursorStyles = []
            return
        }
        spans = marks.ranges
        selection = marks.selection
        cursorSpan = marks.cursor
        styles = spans.map { palette.span(state.guide.label(named: $0.label), atCursor: false) }
        cursorStyles = spans.map { palette.span(state.guide.label(named: $0.label), atCursor: true) }
    }

    func style(for scalars: Range<Int>) -> CellStyle {
        var style = CellStyle()
        if !spans.isEmpty, let index = spanIndex(containing: scalars.lowerBound) {
            style = index == cursorSpan ? cursorStyles[index] : styles[index]
        }
        if selection.lowerBound < scalars.upperBound && scalars.lowerBound < selection.upperBound {
            style.reverse = true
        }
        return style
    }

    /// Binary search over the sorted, non-overlapping spans.
    private func spanIndex(containing offset: Int) -> Int? {
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        return low < spans.count && spans[low].start <= offset ? low : nil
    }
}
