import GlossCore

/// Byte-level building blocks of the export writers besides JSON (`JSONBytes` in GlossCore):
/// CSV fields.
extension Array where Element == UInt8 {
    /// Appends one RFC 4180 field: as it is, or in double quotes (inner quotes doubled) when it
    /// holds a comma, a quote, CR or LF. Line breaks inside quotes are kept.
    mutating func appendCSVField(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            let needsQuotes = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else { append(contentsOf: bytes); return }
            append(0x22)
            for byte in bytes {
                append(byte)
                if byte == 0x22 { append(0x22) }
            }
            append(0x22)
        }
    }
}
