/// Makes text from data safe to print on a terminal: control characters (C0 other than
/// line feed and tab, DEL, C1), bidirectional controls and line/paragraph separators become
/// visible escapes such as `\u{1B}`, so hostile data cannot move the cursor, recolor or
/// reorder the screen. The labeling screen (`Screen.sanitized`) uses the same rule.
public enum TerminalText {
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += codePointEscape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @inline(__always) static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x0A && v != 0x09 }
        if v < 0x7F { return false }
        return v == 0x7F || isInvisibleControl(scalar)
    }

    /// C1 controls, the bidirectional marks, embeddings, overrides and isolates, and the line
    /// and paragraph separators: characters that act on the terminal or the layout instead
    /// of showing, and are always written as `\u{…}`.
    @inline(__always) public static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `\u{202E}` for U+202E.
    public static func codePointEscape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}
