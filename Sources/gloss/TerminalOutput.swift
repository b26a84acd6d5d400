import Foundation

/// Whether standard output is a terminal that takes styles, and its width.
struct TerminalOutput {
    var styled: Bool
    var columns: Int?

    static var current: TerminalOutput {
        let isTTY = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        let columns = isTTY && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalOutput(styled: isTTY && !noColor, columns: columns)
    }
}
