/// One key press as the labeling screens see it, decoded from what ncurses delivers.
/// Named keys are cases of their own; everything printable is `.character`.
public enum Key: Sendable, Hashable {
    /// A printable character (letters, digits, punctuation, space, Hangul...).
    case character(Character)
    /// Enter or Return (also Ctrl-J and Ctrl-M, which send the same codes).
    case enter
    /// Tab (also Ctrl-I).
    case tab
    /// Shift-Tab.
    case backTab
    /// Backspace (also Ctrl-H and DEL, which terminals send for it).
    case backspace
    /// The Delete key (forward delete).
    case delete
    /// Escape, on its own (Alt+key arrives as Escape followed by the key).
    case escape
    /// Arrow keys.
    case up, down, left, right
    /// Arrow keys with Shift held.
    case shiftLeft, shiftRight, shiftUp, shiftDown
    /// ← and → with Ctrl held (a text editor's word moves).
    case controlLeft, controlRight
    /// Home and End.
    case home, end
    /// Page Up and Page Down.
    case pageUp, pageDown
    /// Function key F*n* (F1 is `.function(1)`).
    case function(Int)
    /// Ctrl plus a letter, with the letter in lowercase: Ctrl-C is `.control("c")`.
    /// In raw mode Ctrl-C and Ctrl-Z arrive as keys instead of signals. Ctrl-_ (which
    /// terminals send for Ctrl-/ too) is `.control("_")`.
    case control(Character)
    /// Alt (Meta) plus a key: terminals send Escape then the key (`ESC b` for Alt-b,
    /// `ESC CR` for Alt-Enter), which the backend reads as one key (`KeyDecoder.alt`).
    indirect case alt(Key)
    /// The mouse wheel scrolled up or down (only when the backend enables the mouse).
    case mouseWheelUp, mouseWheelDown
    /// A key Gloss has no name for, with the raw code ncurses gave.
    case unknown(UInt32)
}

extension Key {
    /// The key a label lookup should use: a Hangul jamo typed with a Korean (2-set)
    /// layout active becomes the Latin letter at the same position, so `ㅎ` works as `g`
    /// without switching the input method. Every other key is returned unchanged.
    public var normalizedForLabels: Key {
        if case .character(let character) = self, let latin = KoreanLayout.latinKey(for: character) {
            return .character(latin)
        }
        return self
    }

    /// A short human name for the key, as help screens and logs show it ("Ctrl-C", "F5", "←").
    public var displayName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .escape: "Esc"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .shiftLeft: "Shift-←"
        case .shiftRight: "Shift-→"
        case .shiftUp: "Shift-↑"
        case .shiftDown: "Shift-↓"
        case .controlLeft: "Ctrl-←"
        case .controlRight: "Ctrl-→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let number): "F\(number)"
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .alt(let key): "Alt-\(key.displayName)"
        case .mouseWheelUp: "Wheel-Up"
        case .mouseWheelDown: "Wheel-Down"
        case .unknown(let code): "Key-\(code)"
        }
    }
}

/// The Korean 2-set (Dubeolsik) keyboard, the standard layout in Korea. With it active a
/// key sends a Hangul compatibility jamo instead of the Latin letter printed beside it;
/// mapping the jamo back lets annotators press label keys without switching layouts.
public enum KoreanLayout {
    /// The Latin key at the same position as `jamo` (`ㅎ` → `g`, Shift+`ㅂ`'s `ㅃ` → `Q`),
    /// or nil when `jamo` is not a compatibility jamo of the 2-set layout.
    public static func latinKey(for jamo: Character) -> Character? {
        latinByJamo[jamo]
    }

    /// Every jamo of the layout with its Latin key, in keyboard order: the 26 unshifted
    /// keys, then the 7 keys whose Shift gives another jamo.
    public static let keys: [(jamo: Character, latin: Character)] = [
        ("ㅂ", "q"), ("ㅈ", "w"), ("ㄷ", "e"), ("ㄱ", "r"), ("ㅅ", "t"),
        ("ㅛ", "y"), ("ㅕ", "u"), ("ㅑ", "i"), ("ㅐ", "o"), ("ㅔ", "p"),
        ("ㅁ", "a"), ("ㄴ", "s"), ("ㅇ", "d"), ("ㄹ", "f"), ("ㅎ", "g"),
        ("ㅗ", "h"), ("ㅓ", "j"), ("ㅏ", "k"), ("ㅣ", "l"),
        ("ㅋ", "z"), ("ㅌ", "x"), ("ㅊ", "c"), ("ㅍ", "v"), ("ㅠ", "b"), ("ㅜ", "n"), ("ㅡ", "m"),
        ("ㅃ", "Q"), ("ㅉ", "W"), ("ㄸ", "E"), ("ㄲ", "R"), ("ㅆ", "T"), ("ㅒ", "O"), ("ㅖ", "P"),
    ]

    static let latinByJamo: [Character: Character] = Dictionary(
        uniqueKeysWithValues: keys.map { ($0.jamo, $0.latin) }
    )
}
