/// Greedy word wrapping of styled text by terminal display width.
public enum LineWrapper {
    /// Greedy word wrap of styled runs by display width: breaks at spaces; between two wide (CJK/kana) characters a break is allowed anywhere; a word longer than the width is hard-broken; grapheme clusters are never split; continuation lines get `indent` (a prefix string, e.g. "  " for list items or "│ " for quotes) counted in the width.
    ///
    /// Details: text passes through `TerminalText.visible` and tabs become four spaces; a
    /// line feed forces a break; spaces at a break, at the start of the text or of a forced
    /// line, and at the end are dropped; a break is not placed before closing CJK
    /// punctuation or small kana, nor after an opening bracket; Hangul, being written with
    /// spaces, only breaks at spaces. A prefix that would leave fewer than two columns is
    /// cut short. Returns at least one line (the first prefix alone for empty text); lines
    /// carry no trailing spaces.
    public static func wrap(_ runs: [StyledRun], width: Int, firstPrefix: [StyledRun] = [],
                            indent: [StyledRun] = []) -> [StyledLine] {
        let width = max(width, 1)
        let prefixRoom = max(0, width - 2)
        var builder = Builder(width: width,
                              firstPrefix: clamp(cells(of: firstPrefix), to: prefixRoom),
                              indent: clamp(cells(of: indent), to: prefixRoom))
        var segment: [Cell] = []
        var started = false
        func finishSegment() {
            if started { builder.flush() }
            started = true
            for atom in atoms(of: segment) { builder.place(atom) }
            segment.removeAll(keepingCapacity: true)
        }
        for cell in cells(of: runs) {
            if cell.character == "\n" { finishSegment() } else { segment.append(cell) }
        }
        finishSegment()
        builder.flush()
        return builder.lines
    }

    // MARK: - Cells and atoms

    /// One grapheme cluster with its style and width.
    struct Cell {
        let character: Character
        let style: TextStyle
        let width: Int
        var isSpace: Bool { character == " " }
    }

    /// An unbreakable piece of text and the spaces before it.
    struct Atom {
        var spaces: [Cell] = []
        var body: [Cell] = []
        var spaceWidth: Int { spaces.reduce(0) { $0 + $1.width } }
        var width: Int { body.reduce(0) { $0 + $1.width } }
    }

    /// Grapheme clusters of the runs' joined text, so a cluster split across two runs stays
    /// whole (it takes the style of the run its first scalar came from).
    static func cells(of runs: [StyledRun]) -> [Cell] {
        var joined = ""
        var ends: [(end: Int, style: TextStyle)] = []
        var offset = 0
        for run in runs where !run.text.isEmpty {
            let text = expandTabs(TerminalText.visible(run.text))
            joined.unicodeScalars.append(contentsOf: text.unicodeScalars)
            offset += text.unicodeScalars.count
            ends.append((offset, run.style))
        }
        var cells: [Cell] = []
        var position = 0
        var index = 0
        for character in joined {
            while index < ends.count - 1 && position >= ends[index].end { index += 1 }
            cells.append(Cell(character: character, style: ends[index].style, width: DisplayWidth.of(character)))
            position += character.unicodeScalars.count
        }
        return cells
    }

    static func atoms(of cells: [Cell]) -> [Atom] {
        var atoms: [Atom] = []
        var atom = Atom()
        for cell in cells {
            if cell.isSpace {
                if !atom.body.isEmpty { atoms.append(atom); atom = Atom() }
                atom.spaces.append(cell)
            } else {
                if let last = atom.body.last, canBreak(between: last.character, and: cell.character) {
                    atoms.append(atom)
                    atom = Atom()
                }
                atom.body.append(cell)
            }
        }
        if !atom.body.isEmpty { atoms.append(atom) }
        return atoms
    }

    static func runs(of cells: some Sequence<Cell>) -> [StyledRun] {
        StyledLine.merged(cells.map { StyledRun(text: String($0.character), style: $0.style) })
    }

    /// The leading cells of `cells` that fit in `maxWidth` columns.
    static func clamp(_ cells: [Cell], to maxWidth: Int) -> [Cell] {
        var total = 0
        var kept: [Cell] = []
        for cell in cells {
            total += cell.width
            if total > maxWidth { break }
            kept.append(cell)
        }
        return kept
    }

    // MARK: - Line building

    struct Builder {
        let width: Int
        let firstPrefix: [Cell]
        let indent: [Cell]
        var lines: [StyledLine] = []
        var current: [Cell] = []
        var currentWidth = 0

        init(width: Int, firstPrefix: [Cell], indent: [Cell]) {
            self.width = width
            self.firstPrefix = firstPrefix
            self.indent = indent
        }

        var room: Int {
            width - (lines.isEmpty ? firstPrefix : indent).reduce(0) { $0 + $1.width }
        }

        mutating func flush() {
            let prefix = lines.isEmpty ? firstPrefix : indent
            let runs = LineWrapper.runs(of: prefix) + LineWrapper.runs(of: current)
            lines.append(StyledLine(runs: StyledLine.trimmingTrailingSpaces(runs)))
            current.removeAll(keepingCapacity: true)
            currentWidth = 0
        }

        mutating func append(_ cells: [Cell]) {
            current += cells
            currentWidth += cells.reduce(0) { $0 + $1.width }
        }

        mutating func place(_ atom: Atom) {
            if !current.isEmpty {
                if currentWidth + atom.spaceWidth + atom.width <= room {
                    append(atom.spaces)
                    append(atom.body)
                    return
                }
                flush()
            }
            if atom.width <= room {
                append(atom.body)
                return
            }
            // Longer than a whole line: hard-break between grapheme clusters.
            for cell in atom.body {
                if !current.isEmpty && currentWidth + cell.width > room { flush() }
                append([cell])
            }
        }
    }

    // MARK: - Break opportunities between wide characters

    /// Whether a line may break between two wide characters (CJK text has no spaces).
    public static func canBreak(between before: Character, and after: Character) -> Bool {
        isBreakableWide(before) && isBreakableWide(after)
            && !noBreakAfter.contains(before) && !noBreakBefore.contains(after)
    }

    /// CJK ideographs, kana, CJK punctuation and fullwidth forms; not Hangul or emoji.
    public static func isBreakableWide(_ character: Character) -> Bool {
        guard let v = character.unicodeScalars.first?.value else { return false }
        switch v {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F, 0x3190...0x31FF,
             0x3200...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Characters a line should not start with (closing punctuation, small kana, prolonged sound mark).
    static let noBreakBefore: Set<Character> = Set(
        "、。，．・：；！？）］｝」』】〕〉》〟ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
    /// Characters a line should not end with (opening brackets).
    static let noBreakAfter: Set<Character> = Set("（［｛「『【〔〈《〝")

    /// Each tab becomes four spaces.
    static func expandTabs(_ text: String) -> String {
        guard text.contains("\t") else { return text }
        var out = ""
        for character in text { if character == "\t" { out += "    " } else { out.append(character) } }
        return out
    }
}
