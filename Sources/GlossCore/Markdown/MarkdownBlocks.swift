/// Block structure of a Markdown document.
indirect enum MarkdownBlock: Equatable {
    case heading(level: Int, text: String)
    /// Inline source; `\n` marks a hard break.
    case paragraph(String)
    case code([String])
    case thematicBreak
    case quote([MarkdownBlock])
    case list(MarkdownList, items: [[MarkdownBlock]])
}

struct MarkdownList: Equatable {
    /// Nil for bullet lists.
    var start: Int?
    /// The bullet (`-`, `*`, `+`) or the ordered delimiter (`.`, `)`).
    var delimiter: Character
    /// No blank line between items or between the blocks of an item.
    var tight: Bool
}

/// A list item marker found at the start of a line.
struct ListMarker {
    var indent: Int
    var number: Int?
    var delimiter: Character
    /// Column where the item's content starts; continuation lines indented this far belong to it.
    var contentIndent: Int
    var content: Substring

    func continues(_ list: ListMarker) -> Bool {
        (number == nil) == (list.number == nil) && delimiter == list.delimiter
    }
}

/// A line-based block parser for the CommonMark subset `MarkdownRenderer` supports.
enum BlockParser {
    /// The blocks of `lines`, and whether a blank line separated two of them.
    static func parse(_ lines: [Substring]) -> (blocks: [MarkdownBlock], blankBetween: Bool) {
        var blocks: [MarkdownBlock] = []
        var blankBetween = false
        var sawBlank = false
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if isBlank(line) { sawBlank = true; i += 1; continue }
            if sawBlank && !blocks.isEmpty { blankBetween = true }
            sawBlank = false
            if let block = heading(line) ?? (isThematicBreak(line) ? .thematicBreak : nil) {
                blocks.append(block)
                i += 1
            } else if let (fence, indent) = fence(line) {
                i += 1
                var code: [Substring] = []
                while i < lines.count, !isClosing(lines[i], of: fence) {
                    code.append(dropSpaces(lines[i], upTo: indent))
                    i += 1
                }
                i += 1
                blocks.append(.code(code.map(String.init)))
            } else if quoted(line) != nil {
                var inner: [Substring] = []
                var lazy = LazyContext()
                while i < lines.count, let content = quoted(lines[i]) ?? (lazy.continues(with: lines[i]) ? lines[i] : nil) {
                    inner.append(content)
                    lazy.append(content)
                    i += 1
                }
                blocks.append(.quote(parse(inner).blocks))
            } else if let marker = listMarker(line) {
                blocks.append(parseList(lines, &i, first: marker))
            } else {
                var text = [line]
                i += 1
                while i < lines.count, !isBlank(lines[i]), !interruptsParagraph(lines[i]) {
                    text.append(lines[i])
                    i += 1
                }
                blocks.append(.paragraph(joinParagraph(text)))
            }
        }
        return (blocks, blankBetween)
    }

    static func parseList(_ lines: [Substring], _ i: inout Int, first: ListMarker) -> MarkdownBlock {
        var items: [[MarkdownBlock]] = []
        var tight = true
        while true {
            var next = i
            while next < lines.count, isBlank(lines[next]) { next += 1 }
            guard next < lines.count, !isThematicBreak(lines[next]), let marker = listMarker(lines[next]),
                  marker.continues(first) else { break }
            if next > i { tight = false }
            i = next
            var itemLines = [marker.content]
            var lazy = LazyContext()
            lazy.append(marker.content)
            i += 1
            while i < lines.count {
                let line = lines[i]
                let indent = leadingSpaces(line)
                if isBlank(line) {
                    itemLines.append("")
                } else if indent >= marker.contentIndent {
                    itemLines.append(dropSpaces(line, upTo: marker.contentIndent))
                } else if indent >= marker.indent + 2, !isThematicBreak(line), listMarker(line, maxIndent: indent) != nil {
                    // Lenient: a nested list indented less than the parent's content, as under "1. ".
                    itemLines.append(dropSpaces(line, upTo: indent))
                } else if lazy.continues(with: line) {
                    itemLines.append(line)
                } else {
                    break
                }
                lazy.append(itemLines[itemLines.count - 1])
                i += 1
            }
            // Trailing blank lines belong to whatever follows the item.
            while itemLines.count > 1, isBlank(itemLines[itemLines.count - 1]) {
                itemLines.removeLast()
                i -= 1
            }
            let (blocks, blankBetween) = parse(itemLines)
            if blankBetween { tight = false }
            items.append(blocks)
        }
        return .list(MarkdownList(start: first.number, delimiter: first.delimiter, tight: tight), items: items)
    }

    /// Lines joined with spaces; two trailing spaces or a trailing backslash make a hard break (`\n`).
    static func joinParagraph(_ lines: [Substring]) -> String {
        var out = ""
        for (k, raw) in lines.enumerated() {
            let line = trimmed(raw)
            if k == lines.count - 1 {
                out += line
            } else if raw.hasSuffix("  ") {
                out += line + "\n"
            } else if line.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1 {
                out += line.dropLast() + "\n"
            } else {
                out += line + " "
            }
        }
        return out
    }

    static func interruptsParagraph(_ line: Substring) -> Bool {
        if heading(line) != nil || fence(line) != nil || isThematicBreak(line) || quoted(line) != nil { return true }
        guard let marker = listMarker(line), !isBlank(marker.content) else { return false }
        return marker.number == nil || marker.number == 1
    }

    /// `line` without the quote and list markers in front of its content.
    static func innermost(_ line: Substring) -> Substring {
        var line = line
        while true {
            if let content = quoted(line) {
                line = content
            } else if !isThematicBreak(line), let marker = listMarker(line) {
                line = marker.content
            } else {
                return line.drop(while: { $0 == " " })
            }
        }
    }

    // MARK: - Line classification

    static func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " } }

    static func leadingSpaces(_ line: Substring) -> Int { line.prefix(while: { $0 == " " }).count }

    static func trimmed(_ text: Substring) -> Substring {
        var text = text.drop(while: { $0 == " " })
        while text.last == " " { text = text.dropLast() }
        return text
    }

    static func dropSpaces(_ line: Substring, upTo count: Int) -> Substring {
        line.dropFirst(min(count, leadingSpaces(line)))
    }

    /// Line content after at most three spaces of indentation, or nil when indented more.
    static func body(_ line: Substring) -> Substring? {
        let indent = leadingSpaces(line)
        return indent <= 3 ? line.dropFirst(indent) : nil
    }

    static func heading(_ line: Substring) -> MarkdownBlock? {
        guard let body = body(line) else { return nil }
        let level = body.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(level) else { return nil }
        var text = body.dropFirst(level)
        guard text.isEmpty || text.first == " " else { return nil }
        text = trimmed(text)
        let closing = text.reversed().prefix(while: { $0 == "#" }).count
        if closing == text.count || text.dropLast(closing).last == " " { text = trimmed(text.dropLast(closing)) }
        return .heading(level: level, text: String(text))
    }

    /// An opening fence (its backticks or tildes) and its indentation.
    static func fence(_ line: Substring) -> (Substring, Int)? {
        guard let body = body(line), let c = body.first, c == "`" || c == "~" else { return nil }
        let fence = body.prefix(while: { $0 == c })
        guard fence.count >= 3 else { return nil }
        if c == "`" && body.dropFirst(fence.count).contains("`") { return nil }
        return (fence, line.count - body.count)
    }

    static func isClosing(_ line: Substring, of fence: Substring) -> Bool {
        guard let body = body(line), let c = fence.first else { return false }
        let run = body.prefix(while: { $0 == c })
        return run.count >= fence.count && isBlank(body.dropFirst(run.count))
    }

    static func isThematicBreak(_ line: Substring) -> Bool {
        guard let body = body(line), let c = body.first, c == "-" || c == "*" || c == "_" else { return false }
        return body.allSatisfy { $0 == c || $0 == " " } && body.filter { $0 == c }.count >= 3
    }

    /// Content of a block-quote line: after `>` and one optional space.
    static func quoted(_ line: Substring) -> Substring? {
        guard let body = body(line), body.first == ">" else { return nil }
        let rest = body.dropFirst()
        return rest.first == " " ? rest.dropFirst() : rest
    }

    static func listMarker(_ line: Substring, maxIndent: Int = 3) -> ListMarker? {
        let indent = leadingSpaces(line)
        guard indent <= maxIndent, let c = line.dropFirst(indent).first else { return nil }
        let digits = line.dropFirst(indent).prefix(while: { $0.isASCII && $0.isNumber })
        let bullet = "-*+".contains(c)
        let length = bullet ? 1 : digits.count + 1
        let rest = line.dropFirst(indent + length)
        guard bullet || (1...9).contains(digits.count) && ".)".contains(line.dropFirst(indent + digits.count).first ?? " "),
              rest.isEmpty || rest.first == " " else { return nil }
        // Content starts after one to four spaces; more belong to the content (or it is empty).
        let used = isBlank(rest) || leadingSpaces(rest) > 4 ? 1 : leadingSpaces(rest)
        return ListMarker(indent: indent, number: bullet ? nil : Int(digits),
                          delimiter: bullet ? c : line.dropFirst(indent + digits.count).first!,
                          contentIndent: indent + length + used, content: isBlank(rest) ? "" : rest.dropFirst(used))
    }
}

/// Follows the lines a container collects, to tell whether a line lacking the container's
/// marker still continues the paragraph they end with (CommonMark laziness, approximated).
struct LazyContext {
    private var openFence: Substring?
    private var last: Substring?

    mutating func append(_ line: Substring) {
        let content = BlockParser.innermost(line)
        if let fence = openFence {
            if BlockParser.isClosing(content, of: fence) { openFence = nil }
        } else if let (fence, _) = BlockParser.fence(content) {
            openFence = fence
        }
        last = content
    }

    func continues(with line: Substring) -> Bool {
        typealias P = BlockParser
        guard openFence == nil, let last, !P.isBlank(last), P.heading(last) == nil, P.fence(last) == nil,
              !P.isThematicBreak(last), !P.isBlank(line) else { return false }
        return P.heading(line) == nil && P.fence(line) == nil && !P.isThematicBreak(line) && P.quoted(line) == nil
            && P.listMarker(line) == nil
    }
}
