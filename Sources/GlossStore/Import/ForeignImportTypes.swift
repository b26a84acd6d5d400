import GlossCore

/// What became of the annotations and predictions in another tool's export.
public struct ForeignImportReport: Sendable, Equatable, Codable {
    /// The project they went to; nil when no project was named (they were only counted).
    public var project: String?
    /// Whether the import created the project (from --guide).
    public var projectCreated = false
    /// Annotators' answers found (labels and skips; rejected answers are counted apart).
    public var annotations = 0
    /// Decisions written (each through the decision writer), and how many of them are skips.
    public var decisions = 0
    public var skips = 0
    /// Answers equal to the annotator's current decision on the item, left alone.
    public var unchanged = 0
    /// Answers that are not decisions (Prodigy rejects), left out.
    public var rejected = 0
    /// Model predictions found, saved as suggestions, and already stored as they are.
    public var predictions = 0
    public var suggestionsSaved = 0
    public var suggestionsUnchanged = 0
    /// The annotators the answers name, sorted.
    public var annotators: [String] = []

    public init(project: String?) { self.project = project }
}

/// Annotations of another tool's export that do not fit the project: each problem names
/// file:line (and the task, in a Label Studio array); nothing was imported.
public struct ForeignImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable {
        public var source: String
        public var line: Int
        /// "task 3 (id 17)" in a Label Studio array; nil in JSON Lines.
        public var location: String?
        public var message: String
    }

    public var problems: [Problem]
    /// All problems, listed or not.
    public var total: Int

    public static let maxListed = 20

    public var description: String {
        var lines = problems.map { p in "\(p.source):\(p.line): \(p.location.map { "\($0): " } ?? "")\(p.message)." }
        if total > problems.count { lines.append("… and \(total - problems.count) more problem\(total - problems.count == 1 ? "" : "s").") }
        lines.append("Nothing was imported; fix the file (or the project's guide) and run the import again.")
        return TerminalText.visible(lines.joined(separator: "\n"))
    }
}

/// A project named for another tool's annotations that cannot take them.
public struct ImportProjectError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { TerminalText.visible(message) }
    public init(message: String) { self.message = message }
}
