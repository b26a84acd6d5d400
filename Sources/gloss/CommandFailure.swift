import GlossCore

/// A failure while running a command (exit status 1, no usage text), as a sentence.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = TerminalText.visible(message) }
}
