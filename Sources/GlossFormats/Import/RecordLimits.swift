import GlossCore

/// Bounds that keep an import's memory flat whatever the input.
public enum RecordLimits {
    /// The largest record (a JSONL line, a CSV row, a JSON array element) an import buffers:
    /// past it the input is refused (a missing line break or an unclosed quote, usually).
    public static let maxRecordBytes = 64 << 20

    /// "64 MiB", or "100 bytes" below a mebibyte.
    public static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
