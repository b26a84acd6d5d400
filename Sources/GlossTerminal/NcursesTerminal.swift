import CNcurses
import CSignalTrap
import Glibc

/// The real terminal, through wide-character ncurses: the alternate screen, raw keys,
/// colors unless `NO_COLOR` is set, frames written as diffs. Use it from one thread (it
/// is not Sendable) and always `stop()` it: `withTerminal` does both.
public final class NcursesTerminal: TerminalBackend {
    /// Whether to report the mouse wheel as keys. Off by default: capturing the mouse
    /// stops terminals from selecting text with it, and most terminals already turn the
    /// wheel into arrow keys on the alternate screen.
    public let mouseWheel: Bool
    /// Colors: nil decides from the terminal and `NO_COLOR`; false never uses them.
    public let colors: Bool?

    private var screenHandle: OpaquePointer?
    private var isActive = false
    private var lastFrame: Screen?
    private var needsClear = true
    private var signals = SignalTrap()
    private var palette: ColorPalette?
    /// The key codes of `KeyDecoder.extendedSequences` (Ctrl-←, Ctrl-→) in this terminal.
    private var extendedKeys: [UInt32: Key] = [:]

    /// Whether frames are drawn in color: known once `start()` ran (false before).
    public var drawsColors: Bool { palette != nil }
    private var quickErrors = 0

    /// A terminal not yet started; `start()` takes over the screen.
    public init(mouseWheel: Bool = false, colors: Bool? = nil) {
        self.mouseWheel = mouseWheel
        self.colors = colors
    }

    deinit { stop() }

    /// Enters the alternate screen in raw mode and installs the signal handlers. Throws
    /// `TerminalError` when standard input or output is not a terminal, or `$TERM` is
    /// unknown. After `stop()` it resumes the same session (for example after running
    /// an editor), repainting everything.
    public func start() throws {
        guard !isActive else { return }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        Self.useUTF8Locale()
        gloss_remember_terminal_modes(STDIN_FILENO)
        signals.install()
        if screenHandle == nil {
            gloss_default_sigwinch()
            guard let handle = newterm(nil, gloss_stdout(), gloss_stdin()) else {
                signals.restore()
                throw TerminalError.unknownTerminalType(getenv("TERM").map { String(cString: $0) } ?? "")
            }
            screenHandle = handle
            configure()
            gloss_remember_terminal_reset(STDOUT_FILENO, resetSequence())
            _ = Self.exitHandler
        }
        isActive = true
        lastFrame = nil
        needsClear = true
        if let window = gloss_stdscr() {
            clearok(window, true)
            wrefresh(window)  // after endwin this resumes raw mode and the alternate screen
        }
    }

    /// Leaves the alternate screen and restores the terminal modes and the previous
    /// signal handlers. Idempotent; safe after a signal arrived.
    public func stop() {
        guard isActive else { return }
        isActive = false
        endwin()
        gloss_forget_terminal()
        signals.restore()
    }

    /// The terminal's columns and rows (from ncurses once started, else from the tty).
    public var size: (width: Int, height: Int) {
        if screenHandle != nil { return (Int(gloss_cols()), Int(gloss_lines())) }
        var columns: Int32 = 0, rows: Int32 = 0
        if gloss_window_size(STDOUT_FILENO, &columns, &rows) == 0 { return (Int(columns), Int(rows)) }
        return (80, 24)
    }

    /// Waits for a key, a resize or a signal, at most `timeout` (forever when nil). The
    /// wait is cut in slices of 100 ms so a signal is seen promptly however ncurses reads.
    public func nextEvent(timeout: Duration?) -> TerminalEvent {
        guard isActive, let window = gloss_stdscr() else { return .timeout }
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        while true {
            if let signal = SignalTrap.takePending() { return .interrupted(signal: signal) }
            var sliceMilliseconds: Int32 = 100
            if let deadline {
                let left = clock.now.duration(to: deadline)
                let (seconds, attoseconds) = left.components
                let milliseconds = max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
                sliceMilliseconds = Int32(min(100, milliseconds))
            }
            wtimeout(window, sliceMilliseconds)
            let started = clock.now
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if status == KEY_CODE_YES {
                quickErrors = 0
                if value == UInt32(gloss_key_resize()) {
                    lastFrame = nil
                    needsClear = true
                    return .resize(width: Int(gloss_cols()), height: Int(gloss_lines()))
                }
                if value == NcursesKeyCode.mouse {
                    if let key = wheelKey() { return .key(key) }
                    continue
                }
                return .key(KeyDecoder.decode(isKeyCode: true, value: value, extended: extendedKeys))
            }
            if status == OK {
                quickErrors = 0
                let key = KeyDecoder.decode(isKeyCode: false, value: value)
                return .key(key == .escape ? altKey(window) ?? key : key)
            }
            if let signal = SignalTrap.takePending() { return .interrupted(signal: signal) }
            // ERR long before the slice ended, again and again: the terminal is gone (its
            // reads return end of file) though no SIGHUP came. Treat it as a hangup.
            if sliceMilliseconds >= 20, started.duration(to: clock.now) < .milliseconds(Int(sliceMilliseconds) / 4) {
                quickErrors += 1
                if quickErrors >= 50 { return .interrupted(signal: SIGHUP) }
            } else {
                quickErrors = 0
            }
            if let deadline, clock.now >= deadline { return .timeout }
        }
    }

    /// Writes the cells that changed since the last frame (everything after a start or a
    /// resize), then updates the terminal in one go.
    public func draw(_ screen: Screen) {
        guard isActive, let window = gloss_stdscr() else { return }
        var previous = lastFrame
        if needsClear || previous.map({ $0.width != screen.width || $0.height != screen.height }) ?? true {
            werase(window)
            if needsClear { clearok(window, true) }
            needsClear = false
            previous = nil
        }
        let writes = DrawPlan.writes(from: previous, to: screen, columns: Int(gloss_cols()), rows: Int(gloss_lines()))
        for write in writes { put(write, in: window) }
        wnoutrefresh(window)
        doupdate()
        lastFrame = screen
    }

    // MARK: - ncurses details

    private func configure() {
        guard let window = gloss_stdscr() else { return }
        raw()  // Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys; kill(1) signals are trapped
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)
        set_escdelay(25)
        bindExtendedKeys()
        curs_set(0)
        let environmentAllowsColor = getenv("NO_COLOR").map { $0.pointee == 0 } ?? true
        if colors ?? (has_colors() && environmentAllowsColor), has_colors(), start_color() == OK {
            let hasDefaults = use_default_colors() == OK
            palette = ColorPalette(hasDefaultColors: hasDefaults, colorCount: Int(gloss_colors()), pairLimit: Int(gloss_color_pairs()))
        }
        if mouseWheel {
            mouseinterval(0)
            mousemask(gloss_wheel_up_mask() | gloss_wheel_down_mask(), nil)
        }
    }

    /// The bytes that undo `configure()` (the terminal's own strings for leaving the
    /// alternate screen and keypad mode, plain attributes, a visible cursor, no mouse
    /// reports), for a signal handler to write when the process must end at once.
    private func resetSequence() -> String {
        var reset = ["sgr0", "rmkx", "cnorm", "rmcup"].compactMap { name -> String? in
            guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
            return String(cString: value)
        }.joined()
        if mouseWheel { reset += "\u{1B}[?1000l\u{1B}[?1006l" }
        return reset
    }

    private func put(_ write: DrawPlan.Write, in window: UnsafeMutablePointer<WINDOW>) {
        let style = write.style
        let attributes = gloss_attributes(
            style.bold ? 1 : 0, style.dim ? 1 : 0, style.italic ? 1 : 0, style.underline ? 1 : 0, style.reverse ? 1 : 0)
        let pair = palette?.pair(for: style) { pair, foreground, background in
            init_pair(pair, foreground, background)
        } ?? 0
        var characters = write.scalars.map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        var cell = cchar_t()
        guard setcchar(&cell, characters, attributes, pair, nil) == OK else { return }
        mvwadd_wch(window, Int32(write.y), Int32(write.x), &cell)
    }

    /// After an Escape: the key that came with it (Alt-b arrives as `ESC b` in one write),
    /// read without waiting, as Alt plus that key; nil when nothing came with it. A key Alt
    /// does not combine with is pushed back to be read next.
    private func altKey(_ window: UnsafeMutablePointer<WINDOW>) -> Key? {
        wtimeout(window, 0)
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        guard status == OK || status == KEY_CODE_YES else { return nil }
        let next = KeyDecoder.decode(isKeyCode: status == KEY_CODE_YES, value: value, extended: extendedKeys)
        if let key = KeyDecoder.alt(next) { return key }
        if status == KEY_CODE_YES { ungetch(Int32(value)) } else { unget_wch(wchar_t(bitPattern: value)) }
        return nil
    }

    /// Binds the sequences of `KeyDecoder.extendedSequences` to key codes: the terminal's own
    /// code when its entry names the sequence, else a code of Gloss's (`define_key`).
    private func bindExtendedKeys() {
        var next = KeyDecoder.firstExtendedCode
        for (sequence, key) in KeyDecoder.extendedSequences {
            let known = key_defined(sequence)
            if known > 0 {
                extendedKeys[UInt32(known)] = key
            } else if known == 0, define_key(sequence, Int32(next)) == OK {
                extendedKeys[next] = key
                next += 1
            }
        }
    }

    private func wheelKey() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        if event.bstate & gloss_wheel_up_mask() != 0 { return .mouseWheelUp }
        if event.bstate & gloss_wheel_down_mask() != 0 { return .mouseWheelDown }
        return nil
    }

    /// Takes the locale from the environment; when that is not UTF-8 (LANG unset, as in
    /// many SSH sessions and containers) uses C.UTF-8 for characters, since without it
    /// ncurses cannot show or read a single Hangul syllable.
    static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().filter({ $0 != "-" }) != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Restores the terminal if the process exits (`exit()`) with the screen still up.
    private static let exitHandler: Void = {
        atexit {
            if !isendwin() { endwin() }
        }
    }()
}

/// Hands out ncurses color pairs for (foreground, background) combinations as frames use
/// them; with at most nine colors each there are at most a hundred pairs.
struct ColorPalette {
    struct Key: Hashable {
        let foreground: TerminalColor?
        let background: TerminalColor?
    }

    /// Whether -1 means "the terminal's default color" (`use_default_colors` succeeded).
    let hasDefaultColors: Bool
    /// How many colors the terminal has (`COLORS`).
    let colorCount: Int
    /// How many pairs it has (`COLOR_PAIRS`).
    let pairLimit: Int
    private(set) var pairs: [Key: Int16] = [:]

    init(hasDefaultColors: Bool, colorCount: Int, pairLimit: Int) {
        self.hasDefaultColors = hasDefaultColors
        self.colorCount = colorCount
        self.pairLimit = pairLimit
    }

    /// The pair for `style`'s colors, allocating it through `define` the first time;
    /// 0 (the default pair) for default colors or when pairs run out.
    mutating func pair(for style: CellStyle, define: (Int16, Int16, Int16) -> Void) -> Int16 {
        guard style.foreground != nil || style.background != nil else { return 0 }
        let key = Key(foreground: style.foreground, background: style.background)
        if let pair = pairs[key] { return pair }
        let next = pairs.count + 1
        guard next < min(pairLimit, Int(Int16.max)) else { return 0 }
        let pair = Int16(next)
        define(pair, number(of: style.foreground, fallback: 7), number(of: style.background, fallback: 0))
        pairs[key] = pair
        return pair
    }

    /// The curses color number: the eight ANSI colors are 0-7, gray is bright black (8)
    /// on terminals with 16 colors or more and white otherwise.
    func number(of color: TerminalColor?, fallback: Int16) -> Int16 {
        guard let color else { return hasDefaultColors ? -1 : fallback }
        switch color {
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .gray: return colorCount >= 16 ? 8 : 7
        }
    }
}
