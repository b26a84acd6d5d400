/// Renders an annotation guide's Markdown for the terminal: styled, wrapped lines.
///
/// Supported: ATX headings, paragraphs with hard breaks, bullet and ordered lists (nested,
/// tight or loose), block quotes, fenced code, thematic breaks, and the inline syntax of
/// `InlineParser`. All text goes through `TerminalText.visible`.
public enum MarkdownRenderer {
    /// Columns a container's content always keeps; deeper prefixes are cut short.
    static let minimumContentWidth = 4

    /// Renders Markdown to lines no wider than `width` display columns (width >= 10).
    public static func render(_ markdown: String, width: Int) -> [StyledLine] {
        let width = max(width, 10)
        let blocks = BlockParser.parse(sourceLines(markdown)).blocks
        let lines = renderBlocks(blocks, width: width, listDepth: 0, tight: false)
        // One blank line at most between blocks, none at the start or end.
        var out: [StyledLine] = []
        for line in lines {
            if line.runs.isEmpty && (out.last?.runs.isEmpty ?? true) { continue }
            out.append(line)
        }
        if out.last?.runs.isEmpty == true { out.removeLast() }
        return out
    }

    /// The same lines as plain text joined by "\n" (what `gloss guide show` prints when stdout is not a terminal, and what golden tests compare).
    public static func plainText(_ markdown: String, width: Int) -> String {
        render(markdown, width: width).map(\.plainText).joined(separator: "\n")
    }

    /// Lines split at LF, CRLF or CR, tabs expanded to four spaces.
    static func sourceLines(_ markdown: String) -> [Substring] {
        var lines: [Substring] = []
        var current = ""
        var afterCR = false
        for scalar in markdown.unicodeScalars {
            if scalar == "\n" && afterCR { afterCR = false; continue }
            afterCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(Substring(current))
                current = ""
            } else if scalar == "\t" {
                current += "    "
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(Substring(current)) }
        return lines
    }

    // MARK: - Blocks

    static func renderBlocks(_ blocks: [MarkdownBlock], width: Int, listDepth: Int, tight: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        for block in blocks {
            let lines = renderBlock(block, width: width, listDepth: listDepth)
            if lines.isEmpty { continue }
            if !out.isEmpty && !tight { out.append(StyledLine()) }
            out += lines
        }
        return out
    }

    static func renderBlock(_ block: MarkdownBlock, width: Int, listDepth: Int) -> [StyledLine] {
        switch block {
        case .heading(let level, let text):
            return heading(level: level, text: text, width: width)
        case .paragraph(let text):
            return LineWrapper.wrap(InlineParser.parse(text), width: width)
        case .code(let lines):
            return lines.map { codeLine($0, width: width) }
        case .thematicBreak:
            return [StyledLine(runs: [StyledRun(text: String(repeating: "─", count: width), style: .dim)])]
        case .quote(let blocks):
            let bar = [StyledRun(text: "│ ", style: .quote)]
            return container(first: bar, rest: bar, width: width) { inner in
                renderBlocks(blocks, width: inner, listDepth: listDepth, tight: false)
            }
        case .list(let list, let items):
            return renderList(list, items: items, width: width, listDepth: listDepth)
        }
    }

    static func heading(level: Int, text: String, width: Int) -> [StyledLine] {
        let runs = InlineParser.parse(text, base: level <= 2 ? [.heading, .bold] : .heading)
        guard !runs.isEmpty else { return [] }
        var lines = LineWrapper.wrap(runs, width: width)
        lines[0].anchor = runs.map(\.text).joined().lowercased()
        if level <= 2 {
            let underline = String(repeating: level == 1 ? "═" : "─", count: lines.map(\.width).max() ?? 0)
            lines.append(StyledLine(runs: [StyledRun(text: underline, style: .heading)]))
        }
        return lines
    }

    /// A code line indented by two columns, cut with `…` when wider than `width`.
    static func codeLine(_ source: String, width: Int) -> StyledLine {
        let text = TerminalText.visible(source)
        let room = width - 2
        var shown = text
        if DisplayWidth.of(text) > room {
            shown = ""
            var used = 0
            for character in text {
                let w = DisplayWidth.of(character)
                if used + w > room - 1 { break }
                shown.append(character)
                used += w
            }
            shown += "…"
        }
        return StyledLine(runs: [StyledRun(text: "  " + shown, style: .codeBlock)])
    }

    static func renderList(_ list: MarkdownList, items: [[MarkdownBlock]], width: Int, listDepth: Int) -> [StyledLine] {
        let markers: [String]
        if let start = list.start {
            let numbers = items.indices.map { String(start + $0) + String(list.delimiter) }
            let widest = numbers.map(\.count).max() ?? 0
            markers = numbers.map { String(repeating: " ", count: widest - $0.count) + $0 + " " }
        } else {
            markers = Array(repeating: listDepth % 2 == 0 ? "• " : "◦ ", count: items.count)
        }
        var out: [StyledLine] = []
        for (item, marker) in zip(items, markers) {
            if !out.isEmpty && !list.tight { out.append(StyledLine()) }
            let first = [StyledRun(text: marker, style: .listMarker)]
            let rest = [StyledRun(text: String(repeating: " ", count: marker.count))]
            out += container(first: first, rest: rest, width: width) { inner in
                renderBlocks(item, width: inner, listDepth: listDepth + 1, tight: list.tight)
            }
        }
        return out
    }

    /// Lines rendered `content` at the width left by the prefixes, then prefixed: `first` on
    /// the first line, `rest` on the others. A blank content line gets the prefix without
    /// trailing spaces; prefixes that would leave less than `minimumContentWidth` are cut.
    static func container(first: [StyledRun], rest: [StyledRun], width: Int,
                          content: (Int) -> [StyledLine]) -> [StyledLine] {
        let room = max(0, width - minimumContentWidth)
        let first = LineWrapper.runs(of: LineWrapper.clamp(LineWrapper.cells(of: first), to: room))
        let rest = LineWrapper.runs(of: LineWrapper.clamp(LineWrapper.cells(of: rest), to: room))
        let prefixWidth = max(DisplayWidth.of(first.map(\.text).joined()), DisplayWidth.of(rest.map(\.text).joined()))
        let lines = content(width - prefixWidth)
        if lines.isEmpty { return [StyledLine(runs: StyledLine.trimmingTrailingSpaces(first))] }
        return lines.enumerated().map { index, line in
            let prefix = index == 0 ? first : rest
            if line.runs.isEmpty { return StyledLine(runs: StyledLine.trimmingTrailingSpaces(prefix), anchor: line.anchor) }
            return StyledLine(runs: prefix + line.runs, anchor: line.anchor)
        }
    }
}
