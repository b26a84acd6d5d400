/// The normal form used to decide that two items are duplicates: Unicode NFC, white space
/// runs folded to one space, and no leading or trailing white space. Case is kept.
///
/// Stored text is never changed; only its content hash is computed from this form.
public struct TextNormalizer: Sendable {
    private var scratch: [UInt8] = []

    public init() {}

    /// The normalized form of `text` as a string (for tests and diagnostics).
    public mutating func normalized(_ text: String) -> String {
        var out = ""
        withNormalizedBytes(text) { out = String(decoding: $0, as: UTF8.self) }
        return out
    }

    /// The content hash of the normalized text, or nil when it is empty (all white space).
    public mutating func contentHash(of text: String) -> ContentHash? {
        var hash: ContentHash?
        withNormalizedBytes(text) { bytes in
            if !bytes.isEmpty { hash = ContentHash.murmur3(UnsafeRawBufferPointer(bytes)) }
        }
        return hash
    }

    private enum Shape { case clean, foldASCII, unicode }

    /// Calls `body` with the normalized UTF-8; text that is already normal (the usual case:
    /// ASCII with single spaces) is passed without a copy.
    private mutating func withNormalizedBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        let shape: Shape = text.withUTF8 { utf8 in
            let shape = Self.shape(of: utf8)
            switch shape {
            case .clean: body(utf8)
            case .foldASCII: fold(utf8, body)
            case .unicode: break
            }
            return shape
        }
        guard shape == .unicode else { return }
        guard Self.mayNeedComposition(text) else {
            text.withUTF8 { fold($0, body) }
            return
        }
        // The standard library's NFC (the one String comparison uses), not Foundation's
        // precomposedStringWithCanonicalMapping: on Linux that leaves "\u{AC00}\u{11A8}" apart
        // (NFC: "\u{AC01}") and turns a supplementary letter before a combining mark into a
        // BMP one ("\u{20041}\u{301}" became "\u{C1}"), so distinct texts would share a hash.
        var composed: [UInt8] = []
        composed.reserveCapacity(text.utf8.count)
        text._withNFCCodeUnits { composed.append($0) }
        composed.withUnsafeBufferPointer { fold($0, body) }
    }

    private static func shape(of utf8: UnsafeBufferPointer<UInt8>) -> Shape {
        var previousIsSpace = true  // a leading space needs folding
        var shape = Shape.clean
        for b in utf8 {
            if b >= 0x80 { return .unicode }
            if b == 0x20 {
                if previousIsSpace { shape = .foldASCII }
                previousIsSpace = true
            } else if b >= 0x09 && b <= 0x0D {
                shape = .foldASCII
                previousIsSpace = true
            } else {
                previousIsSpace = false
            }
        }
        if previousIsSpace && !utf8.isEmpty { shape = .foldASCII }
        return shape
    }

    /// Folds white space runs (ASCII and Unicode White_Space) into single spaces and trims.
    private mutating func fold(_ utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if scratch.count < utf8.count { scratch = [UInt8](repeating: 0, count: max(utf8.count, 4096)) }
        scratch.withUnsafeMutableBufferPointer { out in
            var n = 0
            var pendingSpace = false
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                var length = 1
                var isSpace: Bool
                if b < 0x80 {
                    isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
                } else {
                    length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    length = min(length, utf8.count - i)
                    isSpace = Self.isUnicodeSpace(utf8, i, length)
                }
                if isSpace {
                    pendingSpace = n > 0
                } else {
                    if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                    for k in 0..<length { out[n + k] = utf8[i + k] }
                    n += length
                }
                i += length
            }
            body(UnsafeBufferPointer(rebasing: out[0..<n]))
        }
    }

    /// White_Space above ASCII: U+0085, U+00A0, U+1680, U+2000-200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000 (checked on their UTF-8 bytes, without a property lookup).
    @inline(__always) static func isUnicodeSpace(_ u: UnsafeBufferPointer<UInt8>, _ i: Int, _ length: Int) -> Bool {
        switch length {
        case 2: return u[i] == 0xC2 && (u[i + 1] == 0x85 || u[i + 1] == 0xA0)
        case 3:
            let (a, b, c) = (u[i], u[i + 1], u[i + 2])
            if a == 0xE1 { return b == 0x9A && c == 0x80 }
            if a == 0xE2 && b == 0x80 { return c <= 0x8A || c == 0xA8 || c == 0xA9 || c == 0xAF }
            if a == 0xE2 && b == 0x81 { return c == 0x9F }
            if a == 0xE3 { return b == 0x80 && c == 0x80 }
            return false
        default: return false
        }
    }

    /// A quick check: false only when every scalar is one that NFC leaves alone whatever
    /// follows it (Latin-1 and the common precomposed Hangul, CJK, kana, emoji blocks).
    static func mayNeedComposition(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x300 { continue }
            if (0xAC00...0xD7A3).contains(v) { continue }  // a following jamo is caught below
            if (0x1100...0x11FF).contains(v) || (0xA960...0xA97F).contains(v) || (0xD7B0...0xD7FF).contains(v) {
                return true
            }
            // U+302A-302F are combining tone marks, which NFC may reorder: not skipped.
            if (0x4E00...0x9FFF).contains(v) || (0x3040...0x3096).contains(v) || (0x30A0...0x30FF).contains(v)
                || (0x2000...0x206F).contains(v) || (0x3000...0x3029).contains(v) || (0x3030...0x303F).contains(v)
                || (0x1F300...0x1FAFF).contains(v) || (0xFF01...0xFF60).contains(v)
            {
                continue
            }
            return true
        }
        return false
    }
}
