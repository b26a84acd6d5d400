import CNcurses
import Testing

/// The system library target must compile and link against wide-character ncurses;
/// the labeling screen is built on it.
@Test func wideNcursesIsLinked() {
    let version = String(cString: curses_version())
    #expect(version.hasPrefix("ncurses "))
    #expect(gloss_key_resize() == KEY_RESIZE)
}
