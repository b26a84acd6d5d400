/// The input formats `gloss import` reads: items, or another tool's export (items with
/// their annotations and predictions), which only --format names.
public enum ImportFormat: String, CaseIterable, Sendable, Codable {
    case jsonl, json, csv, tsv, text, directory
    case labelStudio = "label-studio", prodigy, doccano, argilla

    /// Whether the format is another annotation tool's export.
    public var isForeign: Bool { self == .labelStudio || self == .prodigy || self == .doccano || self == .argilla }
}
