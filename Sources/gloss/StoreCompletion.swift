import ArgumentParser
import GlossApp

/// Shell completion of names from the store in use: the shell calls back into gloss
/// (`gloss ---completion …`) with the words typed so far, and `CompletionNames` reads the
/// store those words name.
extension CompletionKind {
    static var projects: CompletionKind { .custom { words, _, _ in CompletionNames.projects(words: words) } }
    static var datasets: CompletionKind { .custom { words, _, _ in CompletionNames.datasets(words: words) } }

    /// The guide versions of the project given after the subcommand `command`.
    static func guideVersions(after command: String) -> CompletionKind {
        .custom { words, _, _ in CompletionNames.guideVersions(words: words, after: command) }
    }
}
