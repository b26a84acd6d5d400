import GlossTerminal

/// A text being typed, with a cursor and undo: the labeler's free text and corrections (and
/// its prompts). Pure state and `handle(_:)`, tested without a terminal. The text is a list
/// of grapheme clusters, so the cursor never stands inside one: a Hangul syllable an input
/// method commits, a CJK character, an emoji or a base with its combining marks (conjoining
/// jamo typed one by one join the syllable before them) is one step of the cursor and one
/// Backspace. Keys, as readline and Emacs have them:
///
/// | key | does |
/// |---|---|
/// | ← → / Ctrl-B Ctrl-F | one character |
/// | Alt-B Alt-F / Ctrl-← Ctrl-→ | to the start of this or the previous word, to the end of the next |
/// | Home End / Ctrl-A Ctrl-E | start and end of the line |
/// | ↑ ↓ | the line above or below (multi-line), at the same column |
/// | Backspace / Delete, Ctrl-D | the character before / at the cursor |
/// | Ctrl-W / Alt-Backspace | the word before the cursor (to white space / to a word start) |
/// | Ctrl-U / Ctrl-K | to the start / to the end of the line (at its end: the line break) |
/// | Ctrl-Z, Ctrl-_ | undo one edit (a run of typing is one edit), up to `undoLimit` |
/// | Alt-Enter | a line break (multi-line only) |
public struct LineEditor: Sendable, Equatable {
    /// How many edits undo goes back.
    public static let undoLimit = 100

    public private(set) var characters: [Character]
    /// Where the next character goes: an index into `characters`.
    public private(set) var cursor: Int
    /// Whether Alt-Enter breaks the line (else the text stays one line).
    public let multiline: Bool
    private var undoStack: [Snapshot] = []
    /// The last edit was typing a word's character: the next joins its undo step.
    private var typing = false

    struct Snapshot: Sendable, Equatable {
        var characters: [Character]
        var cursor: Int
    }

    /// What a key did.
    public enum Outcome: Sendable, Equatable {
        /// The text changed.
        case edited
        /// The cursor moved (or a key that moves it stood at the end already).
        case moved
        /// Nothing to undo, or nothing to delete there.
        case nothing
        /// Not an editing key: the caller's (Enter, Esc, Tab, keys of the screen).
        case notMine
    }

    /// An editor on `text`, the cursor at its end (or at its start: a text to read through
    /// and correct).
    public init(_ text: String = "", multiline: Bool = true, cursorAtStart: Bool = false) {
        self.multiline = multiline
        characters = Array(Self.normalized(text, multiline: multiline))
        cursor = cursorAtStart ? 0 : characters.count
    }

    public var text: String { String(characters) }

    /// Editors are alike when they show the same: text, cursor and lines (whatever their undo
    /// history, which would make comparing a long text's editor cost a hundred texts).
    public static func == (a: LineEditor, b: LineEditor) -> Bool {
        a.cursor == b.cursor && a.multiline == b.multiline && a.characters == b.characters
    }
    public var isEmpty: Bool { characters.isEmpty }
    /// Whether there is an edit to undo.
    public var canUndo: Bool { !undoStack.isEmpty }

    /// Line breaks as "\n" ("\r\n" and "\r" from a file or a paste), none when single-line.
    static func normalized(_ text: String, multiline: Bool) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return multiline ? lines : lines.replacingOccurrences(of: "\n", with: " ")
    }

    /// Replaces the whole text (from `$EDITOR`), the cursor at its end; undo brings back
    /// the text before.
    public mutating func replaceAll(with text: String) {
        remember()
        characters = Array(Self.normalized(text, multiline: multiline))
        cursor = characters.count
    }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character(let character):
            insert(character)
            return .edited
        case .alt(.enter):
            guard multiline else { return .notMine }
            insert("\n")
            return .edited
        case .left, .control("b"): return move(to: max(0, cursor - 1))
        case .right, .control("f"): return move(to: min(characters.count, cursor + 1))
        case .alt(.character("b")), .alt(.character("B")), .controlLeft, .alt(.left): return move(to: wordStart(before: cursor))
        case .alt(.character("f")), .alt(.character("F")), .controlRight, .alt(.right): return move(to: wordEnd(after: cursor))
        case .home, .control("a"): return move(to: lineStart(cursor))
        case .end, .control("e"): return move(to: lineEnd(cursor))
        case .up: return verticalMove(up: true)
        case .down: return verticalMove(up: false)
        case .backspace: return delete(max(0, cursor - 1)..<cursor)
        case .delete, .control("d"): return delete(cursor..<min(characters.count, cursor + 1))
        case .control("w"): return delete(spaceWordStart(before: cursor)..<cursor)
        case .alt(.backspace): return delete(wordStart(before: cursor)..<cursor)
        case .control("u"): return delete(lineStart(cursor)..<cursor)
        case .control("k"):
            let end = lineEnd(cursor)
            return delete(cursor..<(end == cursor ? min(characters.count, end + 1) : end))
        case .control("z"), .control("_"): return undo()
        default: return .notMine
        }
    }

    /// Types `character` at the cursor. A character that joins the cluster before it (a
    /// combining mark, a conjoining jamo) becomes part of that one.
    mutating func insert(_ character: Character) {
        let word = !character.isWhitespace
        if !(typing && word) { remember() }
        typing = word
        let character: Character = character == "\r" ? "\n" : character
        if cursor > 0, let joined = Self.joined(characters[cursor - 1], character) {
            characters[cursor - 1] = joined
            return
        }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// The one cluster `a` then `b` make, if they make one.
    static func joined(_ a: Character, _ b: Character) -> Character? {
        let both = String(a) + String(b)
        return both.count == 1 ? both.first : nil
    }

    mutating func move(to index: Int) -> Outcome {
        typing = false
        cursor = index
        return .moved
    }

    mutating func delete(_ range: Range<Int>) -> Outcome {
        typing = false
        guard !range.isEmpty else { return .nothing }
        remember()
        characters.removeSubrange(range)
        cursor = range.lowerBound
        return .edited
    }

    mutating func undo() -> Outcome {
        typing = false
        guard let last = undoStack.popLast() else { return .nothing }
        characters = last.characters
        cursor = last.cursor
        return .edited
    }

    private mutating func remember() {
        undoStack.append(Snapshot(characters: characters, cursor: cursor))
        if undoStack.count > Self.undoLimit { undoStack.removeFirst() }
    }

    // MARK: Where keys go

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The start of the word before `index` (skipping what is not a word first).
    func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, !Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0, Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    /// The end of the word after `index` (skipping what is not a word first).
    func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count, !Self.isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count, Self.isWordCharacter(characters[i]) { i += 1 }
        return i
    }

    /// The start of the white-space-delimited word before `index` (what Ctrl-W deletes).
    func spaceWordStart(before index: Int) -> Int {
        var i = index
        while i > 0, characters[i - 1].isWhitespace { i -= 1 }
        while i > 0, !characters[i - 1].isWhitespace { i -= 1 }
        return i
    }

    func lineStart(_ index: Int) -> Int {
        var i = index
        while i > 0, characters[i - 1] != "\n" { i -= 1 }
        return i
    }

    func lineEnd(_ index: Int) -> Int {
        var i = index
        while i < characters.count, characters[i] != "\n" { i += 1 }
        return i
    }

    /// ↑/↓: the same display column of the line above or below (its end when shorter);
    /// not the editor's on the first or last line, so the screen may scroll instead.
    mutating func verticalMove(up: Bool) -> Outcome {
        let start = lineStart(cursor)
        let column = Self.columns(characters[start..<cursor])
        let target: Int
        if up {
            guard start > 0 else { return .notMine }
            target = lineStart(start - 1)
        } else {
            let end = lineEnd(cursor)
            guard end < characters.count else { return .notMine }
            target = end + 1
        }
        var i = target, used = 0
        let end = lineEnd(target)
        while i < end, used + Self.columns(characters[i]) <= column {
            used += Self.columns(characters[i])
            i += 1
        }
        return move(to: i)
    }

    /// The columns a character takes on screen as the labeler shows data text (control
    /// characters as visible escapes, wide characters two); a line break none.
    static func columns(_ character: Character) -> Int {
        character == "\n" ? 0 : screenWidth(String(character))
    }

    static func columns(_ slice: ArraySlice<Character>) -> Int {
        slice.reduce(0) { $0 + columns($1) }
    }
}
