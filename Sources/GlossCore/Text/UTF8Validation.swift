/// Locating the first malformed UTF-8 sequence, for error messages.
public enum UTF8Validation {
    /// Byte offset of the first byte that starts an invalid sequence, or nil if all valid.
    public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count,
                  String(validating: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self) != nil
            else { return i }
            i += length
        }
        return nil
    }

    /// The 1-based character column of a byte offset within a line (scalars counted leniently).
    public static func column(ofByte offset: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for i in 0..<min(offset, line.count) where line[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
