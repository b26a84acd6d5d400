import Foundation

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }

    /// Prints one line to standard error.
    static func print(_ line: String) {
        var stream = StandardError()
        Swift.print(line, to: &stream)
    }
}
