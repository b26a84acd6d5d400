/// Makes text from data safe to print on a terminal: control characters (C0 other than
/// line feed and tab, DEL, C1) and bidirectional overrides become visible escapes such as
/// `\u{1B}`, so hostile data cannot move the cursor, recolor or reorder the screen.
public enum TerminalText {
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
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
        return v <= 0x9F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
