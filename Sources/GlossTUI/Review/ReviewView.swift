import Foundation
import GlossCore
import GlossTerminal

extension Review {
    /// Draws `state` into a screen of `state.width`×`state.height`. Pure; any state draws
    /// (scroll and cursor positions out of range are clamped, a tiny terminal gets a notice).
    public static func view(_ state: ReviewState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        let layout = ReviewLayout(state)
        if layout.tooSmall {
            Labeler.drawTooSmall(&screen)
            return screen
        }
        let palette = Palette(colors: state.colors)
        drawHeader(state, layout, palette, &screen)
        if state.helpVisible {
            drawHelp(state, layout, palette, &screen)
        } else if let entry = state.current {
            drawItem(state, entry, layout, palette, &screen)
            drawDecisions(state, entry, layout, palette, &screen)
            drawModelAndFinal(state, entry, layout, palette, &screen)
            if let editor = state.editor {
                // Over the guide when it has room, else over the item text.
                let (top, rows) = layout.guideRows >= 3 ? (layout.guideTop, layout.guideRows) : (layout.textTop, layout.textRows)
                screen.fill(x: 0, y: top, width: layout.width, height: rows, style: CellStyle())
                Labeler.drawTextEditor(TextEditorBox(title: "the final text · Enter adjudicates · Alt-Enter new line · Esc cancels",
                                                     editor: editor, typing: true),
                                       x: layout.textX, width: layout.textWidth, top: top, rows: rows, palette, &screen)
            } else {
                drawGuide(state, layout, palette, &screen)
            }
        } else {
            drawSummary(state, layout, palette, &screen)
        }
        drawKeyBar(state, layout, palette, &screen)
        let text = truncated(state.status.text, to: layout.textWidth)
        screen.put(text, x: 1, y: layout.statusRow, style: state.status.isError ? palette.error : CellStyle(), maxWidth: layout.textWidth)
        return screen
    }

    static func drawHeader(_ state: ReviewState, _ layout: ReviewLayout, _ palette: Palette, _ screen: inout Screen) {
        screen.fill(x: 0, y: 0, width: layout.width, height: 1, style: palette.header)
        let total = state.entries.count
        let position = state.current == nil ? "done · \(total)/\(total)" : "\(state.position + 1) of \(total)"
        let right = "\(position) · reviewer \(state.reviewer)"
        let rightText = truncated(right, to: max(0, layout.width / 2 - 1))
        let rightWidth = screenWidth(rightText)
        screen.put(rightText, x: layout.width - 1 - rightWidth, y: 0, style: palette.header, maxWidth: rightWidth)
        let left = ["review", state.kind.rawValue, state.blind ? "blind" : nil].compactMap { $0 }.joined(separator: " · ")
        let room = max(0, layout.width - 2 - rightWidth - 2)
        let projectRoom = max(min(room, 6), room - min(screenWidth(left), room / 2) - 3)
        var x = 1 + screen.put(truncated(state.project, to: projectRoom), x: 1, y: 0,
                               style: palette.headerStrong, maxWidth: room)
        x += screen.put(" · ", x: x, y: 0, style: palette.header, maxWidth: max(0, 1 + room - x))
        screen.put(truncated(left, to: max(0, 1 + room - x)), x: x, y: 0, style: palette.header, maxWidth: max(0, 1 + room - x))
    }

    static func drawItem(_ state: ReviewState, _ entry: ReviewEntry, _ layout: ReviewLayout, _ palette: Palette, _ screen: inout Screen) {
        var meta = "#" + entry.externalID
        if let metadata = entry.metadata {
            let parts = Labeler.metadataParts(metadata) ?? [metadata]
            if !parts.isEmpty { meta += " · " + parts.joined(separator: " · ") }
        }
        screen.put(truncated(meta, to: layout.textWidth), x: layout.textX, y: layout.metaRow, style: palette.dim, maxWidth: layout.textWidth)
        let lines = state.wrappedItem
        let overflow = lines.count > layout.textRows
        let shownRows = overflow ? layout.textRows - 1 : lines.count
        let scroll = min(max(0, state.itemScroll), max(0, lines.count - shownRows))
        for row in 0..<shownRows where scroll + row < lines.count {
            screen.put(lines[scroll + row].text, x: layout.textX, y: layout.textTop + row, maxWidth: layout.textWidth)
        }
        if overflow {
            let below = max(0, lines.count - scroll - shownRows)
            let indicator = Labeler.scrollIndicator(below: below, above: scroll, width: layout.textWidth)
            screen.put(indicator, x: layout.textX, y: layout.textTop + layout.textRows - 1, style: palette.hint, maxWidth: layout.textWidth)
        }
    }

    static func drawDecisions(_ state: ReviewState, _ entry: ReviewEntry, _ layout: ReviewLayout, _ palette: Palette, _ screen: inout Screen) {
        let title = "Decisions (\(entry.decisions.count))" + (entry.decisions.count > 1 ? " · ↑↓ select · Enter adopts" : " · Enter adopts")
        screen.put(truncated(title, to: layout.textWidth), x: layout.textX, y: layout.decisionsTop, style: palette.title, maxWidth: layout.textWidth)
        let cursor = min(max(0, state.cursor), max(0, entry.decisions.count - 1))
        let first = min(max(0, cursor - layout.decisionRows + 1), max(0, entry.decisions.count - layout.decisionRows))
        let nameWidth = min(20, entry.decisions.map { screenWidth(state.shownName($0.annotator)) }.max() ?? 0)
        for row in 0..<layout.decisionRows where first + row < entry.decisions.count {
            let index = first + row
            let decision = entry.decisions[index]
            let name = truncated(state.shownName(decision.annotator), to: nameWidth)
            var line = (index == cursor ? "▸ " : "  ") + name + String(repeating: " ", count: max(0, nameWidth - screenWidth(name)))
            line += "  " + describe(decision, text: entry.text, state.task.value)
            if let comment = decision.comment { line += " · “\(comment)”" }
            if let note = decision.note { line += " · note: \(note)" }
            let y = layout.decisionsTop + 1 + row
            let style = index == cursor ? palette.cursor : CellStyle()
            if index == cursor { screen.fill(x: layout.textX, y: y, width: layout.textWidth, height: 1, style: style) }
            screen.put(truncated(line, to: layout.textWidth), x: layout.textX, y: y, style: style, maxWidth: layout.textWidth)
        }
    }

    /// A decision as one line: skipped, flagged, or its value as the task reads it.
    static func describe(_ decision: ReviewDecision, text: String, _ task: any TaskReview) -> String {
        switch decision.kind {
        case .skip: return "skipped"
        case .flag: return "flagged for review"
        case .label: break
        }
        guard let value = decision.value else { return "label" }
        return task.line(for: value, itemText: text)
    }

    static func drawModelAndFinal(_ state: ReviewState, _ entry: ReviewEntry, _ layout: ReviewLayout, _ palette: Palette, _ screen: inout Screen) {
        var model = "model: no suggestion was shown"
        if let note = state.suspects[entry.itemRowID] {
            model = "model (cross-validated): \(note.predictedLabel) \(percent(note.confidence)) · given \(note.givenLabel)"
        } else {
            var seen: [String] = []
            for summary in entry.decisions.compactMap({ $0.suggestion?.summary }) where !seen.contains(summary) { seen.append(summary) }
            if !seen.isEmpty { model = "model suggested: " + seen.joined(separator: " / ") }
        }
        screen.put(truncated(model, to: layout.textWidth), x: layout.textX, y: layout.modelRow, style: palette.dim, maxWidth: layout.textWidth)
        let final = entry.adjudication.map {
            "final: \($0.value.summary) · by \($0.reviewer) · \(timestamp($0.decidedAt)) · adjudication \($0.id)"
        } ?? "final: none yet"
        screen.put(truncated(final, to: layout.textWidth), x: layout.textX, y: layout.finalRow,
                   style: entry.adjudication == nil ? palette.hint : palette.bold, maxWidth: layout.textWidth)
    }

    static func drawGuide(_ state: ReviewState, _ layout: ReviewLayout, _ palette: Palette, _ screen: inout Screen) {
        guard layout.guideRows > 0 else { return }
        screen.put(String(repeating: "─", count: layout.width), x: 0, y: layout.guideTop, style: palette.border)
        screen.put(" guide: the labels in question ", x: 2, y: layout.guideTop, style: palette.title, maxWidth: max(0, layout.width - 4))
        for row in 0..<(layout.guideRows - 1) where row < state.guideLines.count {
            screen.put(state.guideLines[row], x: layout.textX, y: layout.guideTop + 1 + row, maxWidth: layout.textWidth, palette: palette)
        }
    }

    static func drawSummary(_ state: ReviewState, _ layout: ReviewLayout, _ palette: Palette, _ screen: inout Screen) {
        let decided = state.entries.filter { $0.adjudication != nil }.count
        let lines: [(String, CellStyle)] = [
            ("The end of the \(state.kind.rawValue) list.", palette.bold),
            ("", CellStyle()),
            ("\(decided) of \(NumberText.counted(state.entries.count, "item")) \(decided == 1 ? "has" : "have") a final answer;", CellStyle()),
            ("\(state.adjudicated) adjudicated and \(state.undone) undone in this session.", CellStyle()),
            ("", CellStyle()),
            ("← goes back, q quits", palette.hint),
        ]
        let top = layout.textTop + max(0, (layout.keyBarRow - layout.textTop - lines.count) / 2)
        for (index, (text, style)) in lines.enumerated() where top + index < layout.keyBarRow {
            let shown = truncated(text, to: layout.textWidth)
            screen.put(shown, x: layout.textX + max(0, (layout.textWidth - screenWidth(shown)) / 2), y: top + index, style: style)
        }
    }

    static func drawKeyBar(_ state: ReviewState, _ layout: ReviewLayout, _ palette: Palette, _ screen: inout Screen) {
        var x = layout.textX
        let right = layout.textX + layout.textWidth
        if state.labelKeysDecide {
            for label in state.guide.labels {
                guard let key = label.key else { continue }
                let name = state.task.value.keyName(for: label, on: state.current, selected: state.cursor)
                let chip = "\(key) \(name)"
                guard x + screenWidth(chip) + 2 <= right else { break }
                x += screen.put(String(key), x: x, y: layout.keyBarRow, style: palette.bold)
                x += screen.put(" " + name + "  ", x: x, y: layout.keyBarRow, style: palette.label(label))
            }
        }
        for chip in state.task.value.keyChips(on: state.current) {
            guard x + screenWidth("\(chip.key) \(chip.name)") + 2 <= right else { break }
            x += screen.put(chip.key, x: x, y: layout.keyBarRow, style: palette.bold)
            x += screen.put(" " + chip.name + "  ", x: x, y: layout.keyBarRow, style: palette.hint)
        }
        let keys = ReviewHelp.keyBar(state, width: right - x)
        screen.put(truncated(keys, to: max(0, right - x)), x: x, y: layout.keyBarRow, style: palette.hint, maxWidth: max(0, right - x))
    }

    static func drawHelp(_ state: ReviewState, _ layout: ReviewLayout, _ palette: Palette, _ screen: inout Screen) {
        let rows = ReviewHelp.lines(state)
        screen.put("Keys of the review screen · any key closes", x: layout.textX, y: layout.metaRow, style: palette.title, maxWidth: layout.textWidth)
        let keyWidth = rows.map { screenWidth($0.keys) }.max() ?? 0
        for (index, row) in rows.enumerated() where layout.textTop + index < layout.keyBarRow {
            let y = layout.textTop + index
            screen.put(row.keys, x: layout.textX, y: y, style: palette.bold, maxWidth: layout.textWidth)
            screen.put(truncated(row.action, to: max(0, layout.textWidth - keyWidth - 2)), x: layout.textX + keyWidth + 2, y: y,
                       maxWidth: max(0, layout.textWidth - keyWidth - 2))
        }
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// "2026-11-25 01:30 UTC", as the store keeps times.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date) + " UTC"
    }
}
