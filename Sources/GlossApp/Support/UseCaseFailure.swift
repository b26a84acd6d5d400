import GlossCore

/// A use case that cannot go on, as a sentence that says what was wrong and what to do
/// (commands exit 1 with it, without usage text). Control characters from data are shown
/// as visible escapes.
public struct UseCaseFailure: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ message: String) { description = TerminalText.visible(message) }
}
