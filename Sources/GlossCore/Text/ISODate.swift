import Foundation

/// ISO 8601 dates as users write them: `2026-01-05T14:30:00Z`, with fractional seconds or a
/// UTC offset, or a bare day `2026-01-05` (midnight UTC).
public enum ISODate {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? Date(trimmed, strategy: fractional) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle()) { return date }
        if trimmed.count == 10, let date = try? Date(trimmed + "T00:00:00Z", strategy: Date.ISO8601FormatStyle()) {
            return date
        }
        return nil
    }

    /// `2026-01-05T14:30:00.123Z`: UTC with milliseconds, as the export writes.
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
