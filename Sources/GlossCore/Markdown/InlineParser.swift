/// Inline Markdown to styled runs: emphasis (CommonMark delimiter-run rules), code spans,
/// links (URL dropped), autolinks, images (as `[image: alt]`), backslash escapes. Anything
/// else, HTML tags and entities included, stays literal. Text is passed through
/// `TerminalText.visible`; a line feed (a hard break) is kept for the wrapper.
enum InlineParser {
    static func parse(_ text: String, base: TextStyle = []) -> [StyledRun] {
        var scanner = Scanner(chars: Array(text))
        scanner.scan()
        var pieces = scanner.pieces
        var extra = [TextStyle](repeating: [], count: pieces.count)
        resolveEmphasis(&pieces, &extra)
        var runs: [StyledRun] = []
        for (index, piece) in pieces.enumerated() {
            let style = base.union(extra[index])
            switch piece {
            case .text(let text, let own):
                runs.append(StyledRun(text: TerminalText.visible(text), style: style.union(own)))
            case .runs(let inner):
                runs += inner.map { StyledRun(text: $0.text, style: style.union($0.style)) }
            case .delimiter(let run):
                runs.append(StyledRun(text: String(repeating: run.character, count: run.count), style: style))
            }
        }
        return StyledLine.merged(runs)
    }

    /// A run of `*` or `_`: `count` left unmatched of `original`, and whether it may open or close emphasis.
    struct DelimiterRun {
        let character: Character, original: Int, canOpen: Bool, canClose: Bool
        var count: Int
    }

    enum Piece {
        case text(String, TextStyle)
        case runs([StyledRun])
        case delimiter(DelimiterRun)
    }

    struct Scanner {
        let chars: [Character]
        var pieces: [Piece] = []
        var buffer = ""
        var i = 0

        mutating func flush() {
            if !buffer.isEmpty { pieces.append(.text(buffer, [])) }
            buffer = ""
        }

        mutating func emit(_ piece: Piece) {
            flush()
            pieces.append(piece)
        }

        mutating func scan() {
            while i < chars.count {
                let c = chars[i]
                switch c {
                case "\\":
                    if i + 1 < chars.count, isASCIIPunctuation(chars[i + 1]) {
                        buffer.append(chars[i + 1])
                        i += 2
                    } else {
                        buffer.append(c)
                        i += 1
                    }
                case "`":
                    let length = runLength(at: i)
                    if let close = closingBackticks(from: i + length, length: length) {
                        emit(.text(codeContent(chars[(i + length)..<close]), .code))
                        i = close + length
                    } else {
                        buffer += String(repeating: "`", count: length)
                        i += length
                    }
                case "*", "_":
                    let length = runLength(at: i)
                    emit(.delimiter(delimiterRun(at: i, length: length)))
                    i += length
                case "!" where i + 1 < chars.count && chars[i + 1] == "[", "[":
                    let image = c == "!"
                    if let (label, end) = link(at: image ? i + 1 : i) {
                        let text = String(chars[label])
                        emit(image ? .text("[image: " + InlineParser.parse(text).map(\.text).joined() + "]", .dim)
                                   : .runs(InlineParser.parse(text, base: .link)))
                        i = end
                    } else {
                        buffer.append(c)
                        i += 1
                    }
                case "<":
                    if let end = autolinkEnd(at: i) {
                        emit(.text(String(chars[(i + 1)..<end]), .link))
                        i = end + 1
                    } else {
                        buffer.append(c)
                        i += 1
                    }
                default:
                    buffer.append(c)
                    i += 1
                }
            }
            flush()
        }

        func runLength(at start: Int) -> Int {
            var end = start
            while end < chars.count && chars[end] == chars[start] { end += 1 }
            return end - start
        }

        /// Start of the next backtick string of exactly `length`.
        func closingBackticks(from start: Int, length: Int) -> Int? {
            var j = start
            while j < chars.count {
                if chars[j] == "`" {
                    let run = runLength(at: j)
                    if run == length { return j }
                    j += run
                } else {
                    j += 1
                }
            }
            return nil
        }

        func codeContent(_ slice: ArraySlice<Character>) -> String {
            var text = String(slice.map { $0 == "\n" ? " " : $0 })
            if text.count >= 2, text.first == " ", text.last == " ", text.contains(where: { $0 != " " }) {
                text = String(text.dropFirst().dropLast())
            }
            return text
        }

        func delimiterRun(at start: Int, length: Int) -> DelimiterRun {
            let before: Character? = start > 0 ? chars[start - 1] : nil
            let after: Character? = start + length < chars.count ? chars[start + length] : nil
            let beforeSpace = before?.isWhitespace ?? true
            let afterSpace = after?.isWhitespace ?? true
            let beforePunct = before.map(isPunctuation) ?? false
            let afterPunct = after.map(isPunctuation) ?? false
            let left = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
            let right = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
            let c = chars[start]
            let canOpen = c == "*" ? left : left && (!right || beforePunct)
            let canClose = c == "*" ? right : right && (!left || afterPunct)
            return DelimiterRun(character: c, original: length, canOpen: canOpen, canClose: canClose, count: length)
        }

        /// `[label](destination)` starting at the `[`: the label's range and the index after `)`.
        func link(at open: Int) -> (Range<Int>, Int)? {
            var depth = 0
            var j = open
            var labelEnd: Int?
            while j < chars.count {
                switch chars[j] {
                case "\\": j += 1
                case "`":
                    let length = runLength(at: j)
                    if let close = closingBackticks(from: j + length, length: length) { j = close }
                    j += length - 1
                case "[": depth += 1
                case "]":
                    depth -= 1
                    if depth == 0 { labelEnd = j }
                default: break
                }
                if labelEnd != nil { break }
                j += 1
            }
            guard let labelEnd, labelEnd + 1 < chars.count, chars[labelEnd + 1] == "(" else { return nil }
            var parens = 0
            j = labelEnd + 1
            while j < chars.count {
                switch chars[j] {
                case "\\": j += 1
                case "(": parens += 1
                case ")":
                    parens -= 1
                    if parens == 0 { return ((open + 1)..<labelEnd, j + 1) }
                default: break
                }
                j += 1
            }
            return nil
        }

        /// `<scheme:…>` or `<user@host.tld>` starting at the `<`: the index of the `>`.
        func autolinkEnd(at open: Int) -> Int? {
            guard let j = chars[(open + 1)...].firstIndex(where: { $0 == ">" || $0 == "<" || $0.isWhitespace }),
                  chars[j] == ">", j > open + 1 else { return nil }
            let body = chars[(open + 1)..<j]
            if body.contains(where: { $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }) { return nil }
            if let colon = body.firstIndex(of: ":"), case let scheme = body[..<colon], (2...32).contains(scheme.count),
               scheme.first!.isLetter, scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) {
                return j
            }
            let parts = body.split(separator: "@", omittingEmptySubsequences: false)
            let host = parts.last ?? []
            return parts.count == 2 && !parts[0].isEmpty && host.contains(".") && host.first != "." && host.last != "."
                ? j : nil
        }
    }

    static func isASCIIPunctuation(_ c: Character) -> Bool {
        c.isASCII && (c.isPunctuation || c.isSymbol)
    }

    static func isPunctuation(_ c: Character) -> Bool {
        c.isPunctuation || c.isSymbol
    }

    /// CommonMark's "process emphasis": pairs closers with the nearest eligible opener,
    /// using two delimiters (bold) when both sides have two, else one (italic).
    static func resolveEmphasis(_ pieces: inout [Piece], _ extra: inout [TextStyle]) {
        var stack = pieces.indices.filter { if case .delimiter = pieces[$0] { return true } else { return false } }
        var bottoms: [String: Int] = [:]
        var ci = 0
        while ci < stack.count {
            let c = stack[ci]
            guard case .delimiter(var closer) = pieces[c], closer.canClose, closer.count > 0 else { ci += 1; continue }
            let key = "\(closer.character)\(closer.canOpen)\(closer.original % 3)"
            let bottom = bottoms[key] ?? -1
            var found: Int?
            var oi = ci - 1
            while oi >= 0 && stack[oi] > bottom {
                if case .delimiter(let opener) = pieces[stack[oi]], opener.character == closer.character,
                   opener.canOpen, opener.count > 0 {
                    let bothWays = opener.canClose || closer.canOpen
                    let sum = opener.original + closer.original
                    let multipleOf3 = opener.original % 3 == 0 && closer.original % 3 == 0
                    if !(bothWays && sum % 3 == 0 && !multipleOf3) { found = oi; break }
                }
                oi -= 1
            }
            guard let oi = found, case .delimiter(var opener) = pieces[stack[oi]] else {
                bottoms[key] = ci > 0 ? stack[ci - 1] : -1
                if closer.canOpen { ci += 1 } else { stack.remove(at: ci) }
                continue
            }
            let o = stack[oi]
            let used = opener.count >= 2 && closer.count >= 2 ? 2 : 1
            for k in (o + 1)..<c { extra[k].formUnion(used == 2 ? .bold : .italic) }
            opener.count -= used
            closer.count -= used
            pieces[o] = .delimiter(opener)
            pieces[c] = .delimiter(closer)
            stack.removeSubrange((oi + 1)..<ci)
            ci = oi + 1
            if opener.count == 0 { stack.remove(at: oi); ci -= 1 }
            if closer.count == 0 { stack.remove(at: ci) }
        }
    }
}
