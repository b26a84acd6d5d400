import CNcurses

/// The ncurses key codes Gloss decodes, with the values of `<ncursesw/curses.h>`.
/// They are written out here so that decoding stays a pure function; `headerMismatches`
/// checks them against the header the backend is built with.
enum NcursesKeyCode {
    static let codeYes: UInt32 = 0o400
    static let down: UInt32 = 0o402
    static let up: UInt32 = 0o403
    static let left: UInt32 = 0o404
    static let right: UInt32 = 0o405
    static let home: UInt32 = 0o406
    static let backspace: UInt32 = 0o407
    /// F0; F*n* is `f0 + n`, with room for 64 function keys.
    static let f0: UInt32 = 0o410
    static let functionKeyCount: UInt32 = 64
    static let deleteCharacter: UInt32 = 0o512
    /// Scroll forward: what terminfo maps Shift-Down to.
    static let scrollForward: UInt32 = 0o520
    /// Scroll backward: what terminfo maps Shift-Up to.
    static let scrollBackward: UInt32 = 0o521
    static let nextPage: UInt32 = 0o522
    static let previousPage: UInt32 = 0o523
    static let enter: UInt32 = 0o527
    static let backTab: UInt32 = 0o541
    static let end: UInt32 = 0o550
    static let shiftLeft: UInt32 = 0o611
    static let shiftRight: UInt32 = 0o622
    static let mouse: UInt32 = 0o631
    static let resize: UInt32 = 0o632
}

/// Turns what `wget_wch` returns into a `Key`. Pure, so every mapping is table-tested
/// without a terminal.
public enum KeyDecoder {
    /// Decodes one `wget_wch` result: `isKeyCode` is true when it returned `KEY_CODE_YES`
    /// (so `value` is a `KEY_*` code) and false when it returned `OK` with a character.
    /// `KEY_RESIZE` and `KEY_MOUSE` are not keys; the backend handles them before calling
    /// this, and here they decode as `.unknown`. `extended` names the codes the backend
    /// bound to `extendedSequences` (Ctrl-←, Ctrl-→).
    public static func decode(isKeyCode: Bool, value: UInt32, extended: [UInt32: Key] = [:]) -> Key {
        if isKeyCode, let key = extended[value] { return key }
        return isKeyCode ? decodeKeyCode(value) : decodeCharacter(value)
    }

    static func decodeKeyCode(_ code: UInt32) -> Key {
        typealias K = NcursesKeyCode
        switch code {
        case K.enter: return .enter
        case K.backTab: return .backTab
        case K.backspace: return .backspace
        case K.deleteCharacter: return .delete
        case K.up: return .up
        case K.down: return .down
        case K.left: return .left
        case K.right: return .right
        case K.shiftLeft: return .shiftLeft
        case K.shiftRight: return .shiftRight
        case K.scrollBackward: return .shiftUp
        case K.scrollForward: return .shiftDown
        case K.home: return .home
        case K.end: return .end
        case K.previousPage: return .pageUp
        case K.nextPage: return .pageDown
        case K.f0..<(K.f0 + K.functionKeyCount): return .function(Int(code - K.f0))
        default: return .unknown(code)
        }
    }

    static func decodeCharacter(_ value: UInt32) -> Key {
        switch value {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26:
            // Ctrl-A is 1 ... Ctrl-Z is 26.
            return .control(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 31: return .control("_")
        case 0, 28...30, 0x80...0x9F: return .unknown(value)
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(value) }
            switch scalar.properties.generalCategory {
            case .control, .surrogate, .lineSeparator, .paragraphSeparator:
                return .unknown(value)
            default:
                return .character(Character(scalar))
            }
        }
    }
}

extension KeyDecoder {
    /// The key Escape followed at once by `next` stands for: Alt plus that key (`ESC b` is
    /// Alt-b, `ESC CR` Alt-Enter, `ESC DEL` Alt-Backspace); nil when `next` is no key Alt
    /// combines with (another Escape, a resize), so both are delivered as they came.
    public static func alt(_ next: Key) -> Key? {
        switch next {
        case .character, .enter, .backspace, .left, .right, .control: .alt(next)
        default: nil
        }
    }

    /// Sequences terminals send for keys ncurses names only in extended terminfo entries (or
    /// not at all): Ctrl-← and Ctrl-→ as xterm, tmux, VTE and rxvt send them. The backend
    /// binds each to a key code (`define_key`) unless the terminal's entry already does.
    public static let extendedSequences: [(sequence: String, key: Key)] = [
        ("\u{1B}[1;5D", .controlLeft), ("\u{1B}[1;5C", .controlRight),
        ("\u{1B}[5D", .controlLeft), ("\u{1B}[5C", .controlRight),
        ("\u{1B}Od", .controlLeft), ("\u{1B}Oc", .controlRight),
        ("\u{1B}[1;3D", .alt(.left)), ("\u{1B}[1;3C", .alt(.right)),
    ]

    /// The first key code the backend binds an extended sequence to (past ncurses' own codes).
    static let firstExtendedCode: UInt32 = 0o1000
}

extension NcursesKeyCode {
    /// The constants written out in `NcursesKeyCode` next to the header's macros, so a
    /// test fails if the ncurses built against ever numbers its keys differently.
    static var headerMismatches: [String] {
        let pairs: [(String, UInt32, Int32)] = [
            ("KEY_CODE_YES", codeYes, KEY_CODE_YES), ("KEY_DOWN", down, KEY_DOWN), ("KEY_UP", up, KEY_UP),
            ("KEY_LEFT", left, KEY_LEFT), ("KEY_RIGHT", right, KEY_RIGHT), ("KEY_HOME", home, KEY_HOME),
            ("KEY_BACKSPACE", backspace, KEY_BACKSPACE), ("KEY_F0", f0, gloss_key_f0()),
            ("KEY_DC", deleteCharacter, KEY_DC), ("KEY_SF", scrollForward, KEY_SF), ("KEY_SR", scrollBackward, KEY_SR),
            ("KEY_NPAGE", nextPage, KEY_NPAGE), ("KEY_PPAGE", previousPage, KEY_PPAGE), ("KEY_ENTER", enter, KEY_ENTER),
            ("KEY_BTAB", backTab, KEY_BTAB), ("KEY_END", end, KEY_END), ("KEY_SLEFT", shiftLeft, KEY_SLEFT),
            ("KEY_SRIGHT", shiftRight, KEY_SRIGHT), ("KEY_MOUSE", mouse, KEY_MOUSE), ("KEY_RESIZE", resize, gloss_key_resize()),
        ]
        return pairs.filter { $0.1 != UInt32($0.2) }.map(\.0)
    }
}
